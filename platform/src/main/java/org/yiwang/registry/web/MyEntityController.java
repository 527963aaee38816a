package org.yiwang.registry.web;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.registry.ContactDetails;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.NewQualification;
import org.yiwang.system.Forms;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** "My entity": a member sees the registration's status, corrects a returned one, asks for roles, adds qualifications. */
@Controller
class MyEntityController {

	private final EntityRegistry registry;

	private final Validator validator;

	private final EntityCertificates certificates;

	MyEntityController(EntityRegistry registry, Validator validator, EntityCertificates certificates) {
		this.certificates = certificates;
		this.registry = registry;
		this.validator = validator;
	}

	@GetMapping("/registry/my")
	String mine(Model model) {
		var entity = registry.myEntity();
		model.addAttribute("entity", entity.orElse(null));
		entity.ifPresent(e -> {
			model.addAttribute("qualifications", registry.qualifications(e.id()));
			model.addAttribute("credit", registry.creditRecords(e.id()));
			model.addAttribute("certificates", certificates.bindings(e.id()));
			model.addAttribute("demoCertificates", certificates.demoCertificatesAvailable());
			model.addAttribute("memberPhone", registry.myPhone().orElse(null));
		});
		model.addAttribute("roleValues", EntityRole.values());
		model.addAttribute("natures", org.yiwang.registry.EnterpriseNature.values());
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		return "registry/my";
	}

	@PostMapping("/registry/my/resubmit")
	String resubmit(@RequestParam(required = false) String name, @RequestParam(required = false) String legalRepresentative,
			@RequestParam(required = false) String contactName, @RequestParam(required = false) String contactPhone,
			@RequestParam(required = false) String address, RedirectAttributes redirect) {
		return act(redirect, "registry.saved.resubmitted",
				() -> registry.resubmit(name, legalRepresentative, contactName, contactPhone, address));
	}

	@PostMapping("/registry/my/contact")
	String changeContact(@RequestParam(required = false) String contactName,
			@RequestParam(required = false) String contactPhone, @RequestParam(required = false) String address,
			@RequestParam(required = false) String email, RedirectAttributes redirect) {
		return act(redirect, "registry.saved.contact",
				() -> registry.changeContact(new ContactDetails(contactName, contactPhone, address, email)));
	}

	@PostMapping("/registry/my/phone")
	String statePhone(@RequestParam(required = false) String memberPhone, RedirectAttributes redirect) {
		return act(redirect, "registry.saved.memberPhone", () -> registry.stateMyPhone(memberPhone));
	}

	@PostMapping("/registry/my/nature")
	String stateNature(@RequestParam(required = false) String enterpriseNature, RedirectAttributes redirect) {
		return act(redirect, "registry.saved.nature", () -> registry.stateEnterpriseNature(enterpriseNature));
	}

	@PostMapping("/registry/my/roles")
	String requestRoles(@RequestParam(required = false) Set<EntityRole> roles, RedirectAttributes redirect) {
		return act(redirect, "registry.saved.rolesRequested", () -> registry.requestRoles(roles));
	}

	@PostMapping("/registry/my/qualifications")
	String addQualification(@RequestParam(required = false) String type, @RequestParam(required = false) String grade,
			@RequestParam(required = false) String number, @RequestParam(required = false) String issuer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			RedirectAttributes redirect) {
		NewQualification qualification = new NewQualification(type, grade, number, issuer, validFrom, validUntil);
		Set<ConstraintViolation<NewQualification>> violations = validator.validate(qualification);
		if (!violations.isEmpty()) {
			redirect.addFlashAttribute("problem", violations.iterator().next().getMessage());
			return "redirect:/registry/my";
		}
		return act(redirect, "registry.saved.qualification", () -> registry.addQualification(qualification));
	}

	private static String act(RedirectAttributes redirect, String saved, Runnable action) {
		Forms.attempt(redirect, saved, action);
		return "redirect:/registry/my";
	}

}
