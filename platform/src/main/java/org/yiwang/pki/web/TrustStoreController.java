package org.yiwang.pki.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

	/** The same bound as the trust store's; checked here so a big file is refused before it is read whole. */
	private static final long MAX_UPLOAD = 64 * 1024;

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
			var added = trustStore.addCa(read(file));
			model.addAttribute("saved", messages.getMessage("pki.ca.added", new Object[] { added.certificate().subject() }, locale));
		}
		catch (Refusal refusal) {
			refused(model, refusal, locale, response);
		}
		return page(model);
	}

	@PostMapping("/admin/pki/crls")
	String addCrl(@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			var added = trustStore.addCrl(read(file));
			model.addAttribute("saved", messages.getMessage("pki.crl.added", new Object[] { added.issuer(), added.revokedCount() }, locale));
		}
		catch (Refusal refusal) {
			refused(model, refusal, locale, response);
		}
		return page(model);
	}

	private void refused(Model model, Refusal refusal, Locale locale, HttpServletResponse response) {
		if (refusal.status() == HttpStatus.FORBIDDEN) {
			throw refusal;
		}
		response.setStatus(refusal.status().value());
		model.addAttribute("refused", messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale));
	}

	private static byte[] read(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw Refusal.invalid("file", "pki.upload.empty");
		}
		if (file.getSize() > MAX_UPLOAD) {
			throw Refusal.invalid("file", "pki.upload.tooLarge", MAX_UPLOAD / 1024);
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw Refusal.invalid("file", "pki.upload.empty");
		}
	}
}
