package org.yiwang.portal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.yiwang.portal.NationalUplink;
import org.yiwang.system.Refusal;

import tools.jackson.databind.json.JsonMapper;

/**
 * Per-record status of the uplink to the national platform, for staff and regulators; and, in demo and tests, the
 * local stand-in for the national platform's receiving endpoint.
 */
@Controller
class UplinkController {

	private final NationalUplink uplink;

	private final MessageSource messages;

	private final JsonMapper json;

	private final boolean localReceiver;

	UplinkController(NationalUplink uplink, MessageSource messages, JsonMapper json,
			@org.springframework.beans.factory.annotation.Value("${yiwang.portal.uplink.local-receiver:false}") boolean localReceiver) {
		this.uplink = uplink;
		this.messages = messages;
		this.json = json;
		this.localReceiver = localReceiver;
	}

	@GetMapping("/admin/portal/uplink")
	String status(Model model, Locale locale) {
		Map<String, Long> counts = uplink.countsByStatus();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", counts.keySet().stream().map(s -> messages.getMessage("portal.uplink.status." + s, null, locale)).toList());
		chart.put("values", counts.values());
		chart.put("title", messages.getMessage("portal.uplink.chart", null, locale));
		model.addAttribute("chart", json.writeValueAsString(chart));
		model.addAttribute("rows", uplink.recent(200));
		model.addAttribute("enabled", uplink.enabled());
		return "portal/uplink";
	}

	/** The stand-in national platform: accepts a dataset whose required fields are all present, with a receipt. */
	@PostMapping(value = "/api/demo/national-platform/{dataset}", produces = { "application/json",
			"application/problem+json" })
	@ResponseBody
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
