package org.yiwang.supervision.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.yiwang.supervision.RegulatoryActions;
import org.yiwang.system.Refusal;

/**
 * The public record of regulators' decisions the law wants published (监管决定公示): rulings, suspensions, orders and
 * credit penalties, each with its signed text and signature, so anyone can check who signed it.
 */
@Controller
class DecisionsController {

	private final RegulatoryActions actions;

	DecisionsController(RegulatoryActions actions) {
		this.actions = actions;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return SupervisionController.CHINA;
	}

	@GetMapping("/decisions")
	String decisions(Model model) {
		model.addAttribute("acts", actions.publishedActs());
		return "supervision/decisions";
	}

	@GetMapping("/decisions/{id}/text")
	ResponseEntity<byte[]> text(@PathVariable String id) {
		RegulatoryActions.PublishedSignature published = find(id);
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"act-" + published.act().id() + ".txt\"")
			.body(published.act().content().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/decisions/{id}/signature")
	ResponseEntity<byte[]> signature(@PathVariable String id) {
		RegulatoryActions.PublishedSignature published = find(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"act-" + published.act().id() + ".txt.sig\"")
			.body(published.signature());
	}

	private RegulatoryActions.PublishedSignature find(String id) {
		return actions.publishedSignature(SupervisionController.uuid(id))
			.orElseThrow(() -> Refusal.notFound("supervision.act.notFound"));
	}
}
