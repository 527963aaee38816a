package org.yiwang.audit.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;

import jakarta.servlet.http.HttpServletRequest;

/** The audit log page: the newest entries of the reader's scope, and for the administrator, chain verification. */
@Controller
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/admin/audit")
	String entries(@RequestParam(required = false) String q, Model model) {
		String query = q == null ? null : q.length() > 100 ? q.substring(0, 100) : q;
		model.addAttribute("q", query);
		model.addAttribute("entries", log.latest(query, 200));
		model.addAttribute("canVerify", Actors.current().map(a -> a.hasRole(Role.PLATFORM_ADMIN)).orElse(false));
		return "audit/entries";
	}

	@PostMapping("/admin/audit/verify")
	String verify(Model model, HttpServletRequest request) {
		model.addAttribute("verification", log.verify());
		if (Forms.isFragmentRequest(request)) {
			return "audit/entries :: verification";
		}
		return entries(null, model);
	}
}
