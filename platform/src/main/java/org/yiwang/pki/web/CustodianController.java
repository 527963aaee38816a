package org.yiwang.pki.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyCustodians;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Key custodians: the administrator's page to register and withdraw them; a demo custodian's own key download; and
 * sections' opening public keys, which are public (bidders seal to them).
 */
@Controller
class CustodianController {

	private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

	private final KeyCustodians custodians;

	private final OpeningKeys openingKeys;

	private final MessageSource messages;

	CustodianController(KeyCustodians custodians, OpeningKeys openingKeys, MessageSource messages) {
		this.custodians = custodians;
		this.openingKeys = openingKeys;
		this.messages = messages;
	}

	@GetMapping("/admin/pki/custodians")
	String page(Model model) {
		model.addAttribute("custodians", custodians.list());
		return "pki/custodians";
	}

	@PostMapping("/admin/pki/custodians")
	String add(@RequestParam(required = false) String username, @RequestParam(required = false) MultipartFile file,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			var added = custodians.add(username, CertificateUploads.read(file));
			model.addAttribute("saved", messages.getMessage("pki.custodian.added", new Object[] { added.username() }, locale));
		}
		catch (Refusal refusal) {
			CertificateUploads.refused(model, refusal, messages, locale, response);
		}
		return page(model);
	}

	@PostMapping("/admin/pki/custodians/withdraw")
	String withdraw(@RequestParam(required = false) String username, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			custodians.withdraw(username);
			model.addAttribute("saved", messages.getMessage("pki.custodian.withdrawn", new Object[] { username }, locale));
		}
		catch (Refusal refusal) {
			CertificateUploads.refused(model, refusal, messages, locale, response);
		}
		return page(model);
	}

	@GetMapping("/pki/custodian/demo-key.pem")
	@ResponseBody
	ResponseEntity<String> demoKey() {
		IssuedCredentials credentials = custodians.demoKey();
		return ResponseEntity.ok().contentType(PEM)
			.header("Content-Disposition", "attachment; filename=\"custodian-key.pem\"")
			.header("Cache-Control", "no-store")
			.body(credentials.privateKeyPem() + credentials.certificatePem());
	}

	@GetMapping("/pki/opening-keys/{id}/public-key.pem")
	@ResponseBody
	ResponseEntity<String> openingKey(@PathVariable String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("pki.openingKey.notFound");
		}
		var key = openingKeys.find(uuid).orElseThrow(() -> Refusal.notFound("pki.openingKey.notFound"));
		return ResponseEntity.ok().contentType(PEM)
			.header("Content-Disposition", "inline; filename=\"opening-key-" + key.id() + ".pem\"")
			.body(key.publicKeyPem());
	}
}
