package org.yiwang.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.portal.Portal;

import jakarta.servlet.http.HttpServletRequest;

/** The administrator rebuilds the portal index from the database and watches its progress (htmx polls). */
@Controller
class IndexAdminController {

	private final Portal portal;

	IndexAdminController(Portal portal) {
		this.portal = portal;
	}

	@GetMapping("/admin/portal/index")
	String page(Model model, HttpServletRequest request) {
		model.addAttribute("progress", portal.rebuildProgress());
		model.addAttribute("records", portal.recordCount());
		return org.yiwang.system.Forms.isFragmentRequest(request) ? "portal/index-admin :: progress" : "portal/index-admin";
	}

	@PostMapping("/admin/portal/index/rebuild")
	String rebuild(RedirectAttributes redirect) {
		redirect.addFlashAttribute("saved", portal.rebuildIndex() ? "portal.index.started" : "portal.index.alreadyRunning");
		return "redirect:/admin/portal/index";
	}
}
