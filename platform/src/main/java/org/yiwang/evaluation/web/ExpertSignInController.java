package org.yiwang.evaluation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.evaluation.ExpertSignIn;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Certificate sign-in for experts: the page shows a fresh challenge to download and sign; the signed-in session is
 * made here, like the password login makes it (a new session id, a new CSRF token).
 */
@Controller
class ExpertSignInController {

	private final ExpertSignIn signIn;

	private final MessageSource messages;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

	ExpertSignInController(ExpertSignIn signIn, MessageSource messages) {
		this.signIn = signIn;
		this.messages = messages;
	}

	@GetMapping("/experts/sign-in")
	String page(Model model) {
		model.addAttribute("challenge", signIn.challenge());
		return "evaluation/experts-sign-in";
	}

	@GetMapping("/experts/sign-in/challenges/{id}")
	@ResponseBody
	ResponseEntity<byte[]> challenge(@PathVariable String id) {
		String text = signIn.challengeText(ExpertPages.uuid(id, "evaluation.signIn.challengeUnknown"));
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
			.header("Content-Disposition", "attachment; filename=\"challenge.txt\"")
			.header("Cache-Control", "no-store")
			.body(text.getBytes(StandardCharsets.US_ASCII));
	}

	@PostMapping("/experts/sign-in")
	String signIn(@RequestParam(required = false) String username, @RequestParam(required = false) String challenge,
			@RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) String signatureBase64, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		try {
			Authentication authentication = signIn.signIn(username, challengeId(challenge), signatureBytes(signature,
					signatureBase64));
			request.changeSessionId();
			csrfTokens.saveToken(null, request, response);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			return "redirect:/experts/me";
		}
		catch (Refusal refusal) {
			response.setStatus(refusal.status().value());
			model.addAttribute("problem", messages.getMessage(refusal.messageKey(), refusal.arguments(),
					refusal.messageKey(), locale));
			model.addAttribute("username", username == null || username.length() > 40 ? "" : username);
			return page(model);
		}
	}

	private static UUID challengeId(String challenge) {
		try {
			return challenge == null ? null : UUID.fromString(challenge.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("challenge", "evaluation.signIn.challengeUnknown");
		}
	}

	private static byte[] signatureBytes(MultipartFile file, String base64) throws IOException {
		if (file != null && !file.isEmpty()) {
			if (file.getSize() > 64 * 1024) {
				throw Refusal.invalid("signature", "pki.failure.malformedSignature");
			}
			return file.getBytes();
		}
		if (base64 != null && !base64.isBlank()) {
			try {
				return Base64.getMimeDecoder().decode(base64.strip());
			}
			catch (IllegalArgumentException e) {
				throw Refusal.invalid("signature", "evaluation.signIn.base64");
			}
		}
		return null;
	}
}
