package org.yiwang.pki.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.TrustStore;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletResponse;

/** The administrator's trust store page: the recognised CAs and revocation lists, and uploads of both. */
@Controller
class TrustStoreController {


	private final TrustStore trustStore;

	private final PlatformKeys keys;

	private final MessageSource messages;

	TrustStoreController(TrustStore trustStore, PlatformKeys keys, MessageSource messages) {
		this.trustStore = trustStore;
		this.keys = keys;
		this.messages = messages;
	}

	@GetMapping("/admin/pki")
	String page(Model model) {
		model.addAttribute("cas", trustStore.cas());
		model.addAttribute("crls", trustStore.crls());
		model.addAttribute("platform", keys.certificate());
		return "pki/trust-store";
	}

	@PostMapping("/admin/pki/cas")
	String addCa(@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			var added = trustStore.addCa(CertificateUploads.read(file));
			model.addAttribute("saved", messages.getMessage("pki.ca.added", new Object[] { added.certificate().subject() }, locale));
		}
		catch (Refusal refusal) {
			CertificateUploads.refused(model, refusal, messages, locale, response);
		}
		return page(model);
	}

	@PostMapping("/admin/pki/crls")
	String addCrl(@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			var added = trustStore.addCrl(CertificateUploads.read(file));
			model.addAttribute("saved", messages.getMessage("pki.crl.added", new Object[] { added.issuer(), added.revokedCount() }, locale));
		}
		catch (Refusal refusal) {
			CertificateUploads.refused(model, refusal, messages, locale, response);
		}
		return page(model);
	}
}
