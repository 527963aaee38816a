package org.yiwang.registry.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/** The staff review queue: registrations and role requests of the staff's regions, approved or returned with a reason. */
@Controller
class ReviewController {

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	ReviewController(EntityRegistry registry, EntityCertificates certificates) {
		this.certificates = certificates;
		this.registry = registry;
	}

	@GetMapping("/registry/review")
	String queue(Model model) {
		model.addAttribute("queue", registry.reviewQueue());
		model.addAttribute("pendingCertificates", certificates.pending());
		return "registry/review";
	}

	@PostMapping("/registry/review/{id}/approve")
	String approve(@PathVariable String id, @RequestParam long version, RedirectAttributes redirect) {
		return act(redirect, "registry.saved.approved", () -> registry.approve(parse(id), version));
	}

	@PostMapping("/registry/review/{id}/return")
	String returnForCorrection(@PathVariable String id, @RequestParam long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, "registry.saved.returned", () -> registry.returnForCorrection(parse(id), version, reason));
	}

	private static String act(RedirectAttributes redirect, String saved, Runnable action) {
		Forms.attempt(redirect, saved, action);
		return "redirect:/registry/review";
	}

	static EntityId parse(String id) {
		try {
			return EntityId.of(id);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("registry.entity.notFound");
		}
	}
}
