package org.yiwang.pki.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.pki.PlatformKeys;

/** The platform's public certificates, for anyone who checks its signatures or timestamps. */
@RestController
class PlatformCertificateController {

	private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

	private final PlatformKeys keys;

	PlatformCertificateController(PlatformKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/pki/platform-certificate.pem")
	ResponseEntity<String> platformCertificate() {
		return pem(keys.certificatePem(), "yiwang-platform-sm2.pem");
	}

	@GetMapping("/pki/ca.pem")
	ResponseEntity<String> rootCertificate() {
		return pem(keys.rootCertificatePem(), "yiwang-platform-root-ca.pem");
	}

	@GetMapping("/pki/tsa-certificate.pem")
	ResponseEntity<String> timestampCertificate() {
		return pem(keys.timestampCertificatePem(), "yiwang-tsa.pem");
	}

	private static ResponseEntity<String> pem(String pem, String filename) {
		return ResponseEntity.ok().contentType(PEM)
			.header("Content-Disposition", "inline; filename=\"" + filename + "\"")
			.body(pem);
	}
}
