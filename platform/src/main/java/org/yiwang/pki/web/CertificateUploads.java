package org.yiwang.pki.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletResponse;

/** What the pki pages share: reading a certificate or CRL upload, and showing a refusal on the page. */
final class CertificateUploads {

	/** The trust store's bound; checked here so a big file is refused before it is read whole. */
	static final long MAX_UPLOAD = 64 * 1024;

	private CertificateUploads() {
	}

	static byte[] read(MultipartFile file) {
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

	/** The refusal's message on the page with its status; a 403 goes on to the error handling. */
	static void refused(Model model, Refusal refusal, MessageSource messages, Locale locale, HttpServletResponse response) {
		if (refusal.status() == HttpStatus.FORBIDDEN) {
			throw refusal;
		}
		response.setStatus(refusal.status().value());
		model.addAttribute("refused", messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale));
	}
}
