package org.yiwang.supervision.web;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.supervision.ComplaintGround;
import org.yiwang.supervision.ComplaintView;
import org.yiwang.supervision.Complaints;
import org.yiwang.supervision.EvidenceFile;
import org.yiwang.supervision.NewComplaint;
import org.yiwang.system.Forms;

/** A bidder's complaints (投诉): the form to file one with evidence, and those it filed with where they stand. */
@Controller
class ComplaintPagesController {

	private final Complaints complaints;

	ComplaintPagesController(Complaints complaints) {
		this.complaints = complaints;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return SupervisionController.CHINA;
	}

	@GetMapping("/complaints")
	String mine(@RequestParam(required = false) String section, Model model) {
		model.addAttribute("complaints", complaints.mine());
		model.addAttribute("grounds", ComplaintGround.values());
		if (!model.containsAttribute("section")) {
			model.addAttribute("section", section == null ? "" : section);
		}
		return "supervision/complaints";
	}

	@PostMapping("/complaints")
	String file(@RequestParam(required = false) String section, @RequestParam(required = false) String ground,
			@RequestParam(required = false) String matter, @RequestParam(required = false) String request,
			@RequestParam(required = false) String knownOn, @RequestParam(required = false) String objectionRaisedOn,
			@RequestParam(required = false) String objectionAnsweredOn,
			@RequestParam(required = false) List<MultipartFile> evidence, RedirectAttributes redirect) {
		AtomicReference<ComplaintView> filed = new AtomicReference<>();
		Forms.attempt(redirect, "supervision.saved.filed", () -> filed.set(complaints.file(
				new NewComplaint(section, SupervisionController.parse(ComplaintGround.class, ground, "ground"), matter,
						request, SupervisionController.day(knownOn, "knownOn"),
						SupervisionController.day(objectionRaisedOn, "objectionRaisedOn"),
						SupervisionController.day(objectionAnsweredOn, "objectionAnsweredOn")),
				files(evidence))));
		if (filed.get() != null) {
			return "redirect:/supervision/complaints/" + filed.get().id();
		}
		// what was typed comes back with the refusal, so nothing is lost
		redirect.addFlashAttribute("section", section == null ? "" : section);
		redirect.addFlashAttribute("form", new Typed(ground, matter, request, knownOn, objectionRaisedOn,
				objectionAnsweredOn));
		return "redirect:/complaints";
	}

	/** The form's fields as typed, shown again after a refusal. */
	record Typed(String ground, String matter, String request, String knownOn, String objectionRaisedOn,
			String objectionAnsweredOn) {
	}

	private static List<EvidenceFile> files(List<MultipartFile> uploads) {
		List<EvidenceFile> files = new ArrayList<>();
		if (uploads != null) {
			for (MultipartFile upload : uploads) {
				if (upload == null || upload.isEmpty()) {
					continue;
				}
				files.add(new EvidenceFile(upload.getOriginalFilename(), upload.getContentType(), () -> open(upload)));
			}
		}
		return files;
	}

	private static InputStream open(MultipartFile upload) {
		try {
			return upload.getInputStream();
		}
		catch (java.io.IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
