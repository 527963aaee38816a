package org.yiwang.tendering.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.system.Forms;
import org.yiwang.tendering.OpeningHall;
import org.yiwang.tendering.OpeningView;
import org.yiwang.tendering.SectionId;

/**
 * The opening hall page (不见面开标): the whole page, its htmx fragment (fetched again on every server-sent change),
 * the event stream, and the forms of bidders, tenderer or agency, custodians and staff.
 */
@Controller
class OpeningController {

	private final OpeningHall hall;

	private final OpeningFeed feed;

	OpeningController(OpeningHall hall, OpeningFeed feed) {
		this.hall = hall;
		this.feed = feed;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return TenderPagesController.CHINA;
	}

	@GetMapping("/tenders/sections/{id}/opening")
	String page(@PathVariable String id, HttpServletRequest request, Model model) {
		OpeningView view = hall.view(TenderingApi.sectionId(id));
		model.addAttribute("o", view);
		model.addAttribute("s", view.section());
		return Forms.isFragmentRequest(request) ? "tendering/opening :: hall" : "tendering/opening";
	}

	@GetMapping(path = "/tenders/sections/{id}/opening/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String id) {
		SectionId section = TenderingApi.sectionId(id);
		hall.view(section);
		return feed.watch(section.value());
	}

	@PostMapping("/tenders/sections/{id}/opening/check-in")
	String checkIn(@PathVariable String id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.checkedIn", () -> hall.checkIn(TenderingApi.sectionId(id)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/opening/decryption")
	String decrypt(@PathVariable String id, @RequestParam(required = false) String contentKey,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.decrypted",
				() -> hall.decrypt(TenderingApi.sectionId(id), contentKey));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/opening/shares")
	String share(@PathVariable String id, @RequestParam(required = false) String share, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.share", () -> hall.giveShare(TenderingApi.sectionId(id), share));
		return back(id);
	}

	/** The bidder's line of the record, the exact bytes it signs to confirm. */
	@GetMapping("/tenders/sections/{id}/opening/confirmation.txt")
	ResponseEntity<byte[]> confirmationStatement(@PathVariable String id) {
		return statement(hall, TenderingApi.sectionId(id));
	}

	@PostMapping("/tenders/sections/{id}/opening/confirmation")
	String confirm(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.confirmed", () -> hall.confirm(TenderingApi.sectionId(id),
				AwardController.bytes(signature), AwardController.bytes(certificate), algorithm));
		return back(id);
	}

	static ResponseEntity<byte[]> statement(OpeningHall hall, SectionId id) {
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("opening-confirmation-" + id + ".txt").build().toString())
			.body(hall.confirmationStatement(id));
	}

	@PostMapping("/tenders/sections/{id}/opening/objections")
	String object(@PathVariable String id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.objection",
				() -> hall.object(TenderingApi.sectionId(id), text));
		return back(id);
	}

	@PostMapping("/tenders/opening-objections/{id}/answer")
	String answer(@PathVariable String id, @RequestParam(required = false) String section,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.answer", () -> hall.answer(TenderingApi.uuid(id), answer));
		return section == null ? "redirect:/tenders" : back(section);
	}

	@PostMapping("/tenders/sections/{id}/opening/record")
	String close(@PathVariable String id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.closed", () -> hall.close(TenderingApi.sectionId(id)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/retender")
	String retender(@PathVariable String id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.opening.saved.retendered", () -> hall.retender(TenderingApi.sectionId(id)));
		return "redirect:/tenders/sections/" + TenderingApi.sectionId(id);
	}

	private static String back(String id) {
		return "redirect:/tenders/sections/" + TenderingApi.sectionId(id) + "/opening";
	}
}
