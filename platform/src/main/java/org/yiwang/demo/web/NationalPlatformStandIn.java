package org.yiwang.demo.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.demo.DemoOn;
import org.yiwang.portal.NationalUplink;
import org.yiwang.system.Refusal;

/**
 * The stand-in for the national platform's receiving endpoint (全国公共资源交易平台), in demo and tests, with
 * {@code yiwang.portal.uplink.local-receiver=true} (else not found): it accepts a dataset whose required fields are all
 * present, with a receipt, and refuses one lacking any, naming them — as the portal's uplink checks them
 * ({@link NationalUplink#receive}). Production has no such endpoint: the demo module is left out there.
 */
@RestController
@DemoOn
class NationalPlatformStandIn {

	private final NationalUplink uplink;

	private final MessageSource messages;

	private final boolean localReceiver;

	NationalPlatformStandIn(NationalUplink uplink, MessageSource messages,
			@Value("${yiwang.portal.uplink.local-receiver:false}") boolean localReceiver) {
		this.uplink = uplink;
		this.messages = messages;
		this.localReceiver = localReceiver;
	}

	@PostMapping(value = "/api/demo/national-platform/{dataset}", produces = { "application/json",
			"application/problem+json" })
	ResponseEntity<Object> receive(@PathVariable String dataset, @RequestBody Map<String, Object> fields, Locale locale) {
		if (!localReceiver) {
			throw Refusal.notFound("portal.uplink.noReceiver");
		}
		NationalUplink.ReceiverAnswer answer = uplink.receive(dataset, fields);
		if (answer.receipt() == null) {
			// an API error like every other: a problem detail, with the missing fields named
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage(
					"portal.uplink.missingFields", new Object[] { String.join(", ", answer.missing()) }, locale));
			problem.setTitle(messages.getMessage("problem.title.422", null, locale));
			problem.setProperty("missing", answer.missing());
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		return ResponseEntity.ok(Map.of("receipt", answer.receipt()));
	}
}
