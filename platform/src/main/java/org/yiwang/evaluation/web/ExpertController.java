package org.yiwang.evaluation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.evaluation.ExpertCreditKind;
import org.yiwang.evaluation.ExpertDraws;
import org.yiwang.evaluation.ExpertPool;
import org.yiwang.evaluation.ExpertView;
import org.yiwang.evaluation.NewExpert;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.system.Refusal;

/** The expert pool's pages: staff register and maintain experts; an expert sees their record and invitations. */
@Controller
class ExpertController {

	private final ExpertPool pool;

	private final ExpertDraws draws;

	private final MessageSource messages;

	ExpertController(ExpertPool pool, ExpertDraws draws, MessageSource messages) {
		this.pool = pool;
		this.draws = draws;
		this.messages = messages;
	}

	@GetMapping("/experts")
	String experts(Model model) {
		model.addAttribute("experts", pool.experts());
		model.addAttribute("specialties", pool.specialties());
		model.addAttribute("maintainer", isMaintainer());
		model.addAttribute("regions", isMaintainer() ? pool.homeRegions() : java.util.List.of());
		return "evaluation/experts";
	}

	@PostMapping("/experts")
	String register(@RequestParam(required = false) String username, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String homeRegion, @RequestParam(required = false) String employerName,
			@RequestParam(required = false) String employerCreditCode,
			@RequestParam(required = false) Set<String> specialties, RedirectAttributes redirect, Locale locale) {
		UUID[] created = new UUID[1];
		ExpertPages.attempt(redirect, messages, locale, "evaluation.expert.registered", () -> created[0] = pool.register(
				new NewExpert(username, name, idNumber, phone, homeRegion, employerName, employerCreditCode, specialties))
			.id());
		return created[0] == null ? "redirect:/experts" : "redirect:/experts/" + created[0];
	}

	@GetMapping("/experts/{id}")
	String expert(@PathVariable String id, Model model) {
		ExpertView expert = pool.expert(ExpertPages.uuid(id, "evaluation.expert.notFound"));
		model.addAttribute("expert", expert);
		model.addAttribute("maintainer", isMaintainer());
		model.addAttribute("creditKinds", ExpertCreditKind.values());
		return "evaluation/experts-detail";
	}

	@PostMapping("/experts/{id}/certificate")
	String certificate(@PathVariable String id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect, Locale locale) throws IOException {
		UUID expert = ExpertPages.uuid(id, "evaluation.expert.notFound");
		byte[] bytes = file == null ? null : file.getBytes();
		ExpertPages.attempt(redirect, messages, locale, "evaluation.expert.certificateBound",
				() -> pool.bindCertificate(expert, bytes));
		return "redirect:/experts/" + expert;
	}

	@PostMapping("/experts/{id}/unavailability")
	String unavailability(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String until, @RequestParam(required = false) String reason,
			RedirectAttributes redirect, Locale locale) {
		UUID expert = ExpertPages.uuid(id, "evaluation.expert.notFound");
		ExpertPages.attempt(redirect, messages, locale, "evaluation.expert.unavailabilityAdded",
				() -> pool.addUnavailability(expert, day(from, "from"), day(until, "until"), reason));
		return "redirect:/experts/" + expert;
	}

	@PostMapping("/experts/{id}/credit")
	String credit(@PathVariable String id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String rating, @RequestParam(required = false) String note,
			@RequestParam(required = false) String until, RedirectAttributes redirect, Locale locale) {
		UUID expert = ExpertPages.uuid(id, "evaluation.expert.notFound");
		ExpertPages.attempt(redirect, messages, locale, "evaluation.expert.creditRecorded",
				() -> pool.recordCredit(expert, kind(kind), number(rating), note,
						until == null || until.isBlank() ? null : day(until, "until")));
		return "redirect:/experts/" + expert;
	}

	/** The expert's own page: their record, invitations to accept or decline, and (demo) their key. */
	@GetMapping("/experts/me")
	String me(Model model) {
		model.addAttribute("expert", pool.me());
		model.addAttribute("invitations", draws.myInvitations());
		return "evaluation/experts-me";
	}

	@PostMapping("/experts/me/invitations/{id}")
	String respond(@PathVariable("id") String draw, @RequestParam(required = false) String answer,
			RedirectAttributes redirect, Locale locale) {
		UUID id = ExpertPages.uuid(draw, "evaluation.draw.notFound");
		if (!"accept".equals(answer) && !"decline".equals(answer)) {
			redirect.addFlashAttribute("problem", messages.getMessage("evaluation.draw.answer.form", null, locale));
			return "redirect:/experts/me";
		}
		ExpertPages.attempt(redirect, messages, locale,
				"accept".equals(answer) ? "evaluation.draw.accepted" : "evaluation.draw.declined",
				() -> draws.respond(id, "accept".equals(answer)));
		return "redirect:/experts/me";
	}

	@GetMapping("/experts/me/demo-key.pem")
	@ResponseBody
	ResponseEntity<String> demoKey() {
		IssuedCredentials credentials = pool.demoKey();
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
			.header("Content-Disposition", "attachment; filename=\"expert-key.pem\"")
			.header("Cache-Control", "no-store")
			.body(credentials.privateKeyPem() + credentials.certificatePem());
	}

	private static LocalDate day(String value, String field) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalid(field, "evaluation.expert." + field + ".required");
		}
		try {
			return org.yiwang.kernel.InputRules.date(value);
		}
		catch (org.yiwang.kernel.InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	private static ExpertCreditKind kind(String value) {
		try {
			return value == null ? null : ExpertCreditKind.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("kind", "evaluation.expert.credit.kind");
		}
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid("rating", "evaluation.expert.credit.rating");
		}
	}

	private static boolean isMaintainer() {
		return org.yiwang.system.Actors.current().map(a -> a.hasRole(org.yiwang.kernel.Role.CENTER_STAFF)
				|| a.hasRole(org.yiwang.kernel.Role.PLATFORM_ADMIN)).orElse(false);
	}
}
