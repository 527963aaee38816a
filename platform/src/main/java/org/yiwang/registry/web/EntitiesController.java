package org.yiwang.registry.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Role;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.registry.CreditKind;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.Locality;
import org.yiwang.registry.NewCreditRecord;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/** Staff and regulators search entities; any signed-in account opens an entity's profile. */
@Controller
class EntitiesController {

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final Validator validator;

	private final MessageSource messages;

	private final JsonMapper json;

	private final EntityCertificates certificates;

	EntitiesController(EntityRegistry registry, Catalog catalog, Validator validator, MessageSource messages,
			JsonMapper json, EntityCertificates certificates) {
		this.certificates = certificates;
		this.registry = registry;
		this.catalog = catalog;
		this.validator = validator;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/registry/entities")
	String entities(@RequestParam(required = false) String q, Model model, java.util.Locale locale) {
		model.addAttribute("q", q);
		model.addAttribute("entities", registry.search(q, 100));
		model.addAttribute("expiring", registry.expiringWithin(30));
		Locality locality = registry.locality();
		model.addAttribute("localityChart", json.writeValueAsString(Map.of(
				"title", messages.getMessage("registry.chart.locality", null, locale),
				"labels", java.util.List.of(messages.getMessage("registry.local", null, locale),
						messages.getMessage("registry.nonLocal", null, locale)),
				"values", java.util.List.of(locality.local(), locality.nonLocal()))));
		return "registry/entities";
	}

	@GetMapping("/registry/entities/{id}")
	String entity(@PathVariable String id, Model model) {
		EntityId entity = ReviewController.parse(id);
		model.addAttribute("entity", registry.entity(entity));
		model.addAttribute("qualifications", registry.qualifications(entity));
		model.addAttribute("credit", registry.creditRecords(entity));
		model.addAttribute("members", registry.consortiumMembers(entity));
		model.addAttribute("canRecord", Actors.current().map(a -> a.hasRole(Role.CENTER_STAFF) || a.hasRole(Role.PLATFORM_ADMIN)
				|| a.hasRole(Role.REGULATOR)).orElse(false));
		model.addAttribute("creditKinds", CreditKind.values());
		model.addAttribute("regions", catalog.regions());
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		model.addAttribute("certificates", certificates.bindings(entity));
		model.addAttribute("algorithms", SignatureAlgorithm.values());
		return "registry/entity";
	}

	@PostMapping("/registry/entities/{id}/credit")
	String recordCredit(@PathVariable String id, @RequestParam(required = false) CreditKind kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) String source,
			@RequestParam(required = false) Set<String> regions,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			RedirectAttributes redirect) {
		EntityId entity = ReviewController.parse(id);
		NewCreditRecord record = new NewCreditRecord(kind, description, source, regions, Set.of(), startsOn, endsOn);
		var violations = validator.validate(record);
		if (!violations.isEmpty()) {
			redirect.addFlashAttribute("problem", violations.iterator().next().getMessage());
		}
		else {
			Forms.attempt(redirect, "registry.saved.credit", () -> registry.recordCredit(entity, record));
		}
		return "redirect:/registry/entities/" + entity;
	}
}
