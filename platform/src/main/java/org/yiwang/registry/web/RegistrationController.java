package org.yiwang.registry.web;

import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

import jakarta.validation.Validator;

/** Public registration of a market entity (一处注册、全市通用) with the account that administers it. */
@Controller
class RegistrationController {

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final Validator validator;

	RegistrationController(EntityRegistry registry, Catalog catalog, Validator validator) {
		this.registry = registry;
		this.catalog = catalog;
		this.validator = validator;
	}

	@GetMapping("/registry/register")
	String form(Model model) {
		return page(model, new RegistrationForm());
	}

	@PostMapping("/registry/register")
	String register(@ModelAttribute("form") RegistrationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!Objects.equals(form.getPassword(), form.getRepeat())) {
			result.rejectValue("repeat", "account.password.repeat");
		}
		if (Forms.valid(validator, form.command(), result)) {
			try {
				EntityView registered = registry.register(form.command());
				redirect.addFlashAttribute("registered", registered.name());
				return "redirect:/login?username=" + form.command().username();
			}
			catch (Refusal refusal) {
				if (refusal.status().value() != 400 && refusal.status().value() != 409) {
					throw refusal;
				}
				Forms.reject(result, refusal);
			}
		}
		form.setPassword(null);
		form.setRepeat(null);
		return page(model, form);
	}

	private String page(Model model, RegistrationForm form) {
		model.addAttribute("form", form);
		model.addAttribute("kinds", new EntityKind[] { EntityKind.ORGANIZATION, EntityKind.PERSON });
		model.addAttribute("roleValues", EntityRole.values());
		model.addAttribute("natures", org.yiwang.registry.EnterpriseNature.values());
		model.addAttribute("regions", catalog.regions().stream().filter(RegionView::active).toList());
		return "registry/register";
	}
}
