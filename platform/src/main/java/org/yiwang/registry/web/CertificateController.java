package org.yiwang.registry.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * Certificates on the registry's pages: a member binds one (file or pasted PEM), staff decide bindings that name no
 * credit code, and anyone signed in checks whether a signed file is an entity's.
 */
@Controller
class CertificateController {

	private final EntityCertificates certificates;

	private final EntitiesController entityPage;

	CertificateController(EntityCertificates certificates, EntitiesController entityPage) {
		this.certificates = certificates;
		this.entityPage = entityPage;
	}

	@PostMapping("/registry/my/certificates")
	String bind(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String pem,
			RedirectAttributes redirect) throws IOException {
		byte[] certificate = file != null && !file.isEmpty() ? file.getBytes()
				: pem == null ? new byte[0] : pem.getBytes(StandardCharsets.US_ASCII);
		Forms.attempt(redirect, "registry.saved.certificate", () -> certificates.bind(certificate));
		return "redirect:/registry/my";
	}

	@PostMapping("/registry/my/demo-certificate")
	String demoCertificate(Model model, RedirectAttributes redirect) {
		try {
			model.addAttribute("credentials", certificates.issueDemoCertificate());
			return "registry/demo-certificate";
		}
		catch (Refusal refusal) {
			Forms.explain(redirect, refusal);
			return "redirect:/registry/my";
		}
	}

	@PostMapping("/registry/review/certificates/{fingerprint}/approve")
	String approve(@PathVariable String fingerprint, RedirectAttributes redirect) {
		Forms.attempt(redirect, "registry.saved.certificateApproved", () -> certificates.decide(fingerprint, true, null));
		return "redirect:/registry/review";
	}

	@PostMapping("/registry/review/certificates/{fingerprint}/refuse")
	String refuse(@PathVariable String fingerprint, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "registry.saved.certificateRefused", () -> certificates.decide(fingerprint, false, reason));
		return "redirect:/registry/review";
	}

	@PostMapping("/registry/entities/{id}/signature-check")
	String check(@PathVariable String id, @RequestParam(required = false) MultipartFile content,
			@RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate,
			@RequestParam(defaultValue = "SM3_WITH_SM2") SignatureAlgorithm algorithm, Model model) throws IOException {
		EntityId entity = ReviewController.parse(id);
		if (content == null || content.isEmpty() || signature == null || signature.isEmpty()) {
			model.addAttribute("problemKey", "registry.signature.missing");
		}
		else {
			try {
				model.addAttribute("signatureCheck", certificates.verify(entity, content.getBytes(), signature.getBytes(),
						algorithm, certificate == null || certificate.isEmpty() ? null : certificate.getBytes()));
				model.addAttribute("checkedFile", content.getOriginalFilename());
			}
			catch (Refusal refusal) {
				if (refusal.status().value() == 404) {
					throw refusal;
				}
				model.addAttribute("problemKey", refusal.messageKey());
			}
		}
		return entityPage.entity(id, model);
	}
}
