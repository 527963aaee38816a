package org.yiwang.account.web;

import java.util.Objects;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.account.AccountId;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.account.IssuedToken;
import org.yiwang.account.SupportAccess;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

/**
 * Account administration. District staff see and change their district's accounts only; an account of another
 * district answers "not found", exactly like one that does not exist.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

	private final AccountManagement accounts;

	private final Catalog catalog;

	private final Validator validator;

	private final SupportAccess support;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountAdminController(AccountManagement accounts, Catalog catalog, Validator validator, SupportAccess support) {
		this.support = support;
		this.accounts = accounts;
		this.catalog = catalog;
		this.validator = validator;
	}

	@GetMapping
	String list(Model model, HttpServletRequest request) {
		return listPage(model, new AccountForm(), request);
	}

	@PostMapping
	String create(@ModelAttribute("form") AccountForm form, BindingResult result, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (Forms.valid(validator, form.command(), result)) {
			try {
				AccountView created = accounts.create(form.command());
				redirect.addFlashAttribute("saved", "account.saved.created");
				return "redirect:/admin/accounts/" + created.id();
			}
			catch (Refusal refusal) {
				Forms.reject(result, refusal);
			}
		}
		form.setPassword(null);
		return listPage(model, form, request);
	}

	private String listPage(Model model, AccountForm form, HttpServletRequest request) {
		model.addAttribute("accounts", accounts.accounts());
		model.addAttribute("form", form);
		model.addAttribute("roleValues", Actors.required().hasRole(Role.PLATFORM_ADMIN) ? Role.values()
				: java.util.Arrays.stream(Role.values()).filter(r -> r != Role.PLATFORM_ADMIN).toArray(Role[]::new));
		model.addAttribute("kinds", AccountKind.values());
		model.addAttribute("regions", catalog.regions().stream()
			.filter(r -> r.active() && Actors.required().regionScope().covers(r.code())).toList());
		model.addAttribute("categories", catalog.categories());
		return Forms.isFragmentRequest(request) ? "account/accounts :: panel" : "account/accounts";
	}

	@GetMapping("/{id}")
	String account(@PathVariable String id, Model model) {
		return accountPage(model, parse(id), new PasswordForm());
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		accounts.setEnabled(parse(id), enabled);
		redirect.addFlashAttribute("saved", enabled ? "account.saved.enabled" : "account.saved.disabled");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable String id, RedirectAttributes redirect) {
		accounts.unlock(parse(id));
		redirect.addFlashAttribute("saved", "account.saved.unlocked");
		return "redirect:/admin/accounts/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable String id, @ModelAttribute("passwordForm") PasswordForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		AccountId account = parse(id);
		if (!Objects.equals(form.getPassword(), form.getRepeat())) {
			result.rejectValue("repeat", "account.password.repeat");
		}
		else {
			try {
				accounts.resetPassword(account, form.getPassword());
				redirect.addFlashAttribute("saved", "account.saved.password");
				return "redirect:/admin/accounts/" + id;
			}
			catch (Refusal refusal) {
				if (refusal.status().value() != 400) {
					throw refusal;
				}
				Forms.reject(result, refusal);
			}
		}
		return accountPage(model, account, form);
	}

	@PostMapping("/{id}/tokens")
	String issueToken(@PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer validDays, Model model) {
		AccountId account = parse(id);
		try {
			IssuedToken issued = accounts.issueToken(account, name, validDays);
			model.addAttribute("issued", issued);
		}
		catch (Refusal refusal) {
			if (refusal.status().value() != 400) {
				throw refusal;
			}
			model.addAttribute("tokenError", refusal.messageKey());
		}
		return accountPage(model, account, new PasswordForm());
	}

	@PostMapping("/{id}/tokens/{token}/revoke")
	String revokeToken(@PathVariable String id, @PathVariable String token, RedirectAttributes redirect) {
		UUID tokenId;
		try {
			tokenId = UUID.fromString(token);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("account.token.notFound");
		}
		accounts.revokeToken(parse(id), tokenId);
		redirect.addFlashAttribute("saved", "account.saved.revoked");
		return "redirect:/admin/accounts/" + id;
	}

	/** Staff ask for support access to a person's account, with a reason and a length. */
	@PostMapping("/{id}/support")
	String requestSupport(@PathVariable String id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer minutes, Model model, RedirectAttributes redirect) {
		AccountId account = parse(id);
		try {
			support.request(account, reason, minutes);
		}
		catch (Refusal refusal) {
			if (refusal.status().value() != 400) {
				throw refusal;
			}
			model.addAttribute("supportError", refusal.messageKey());
			return accountPage(model, account, new PasswordForm());
		}
		redirect.addFlashAttribute("saved", "account.saved.support");
		return "redirect:/admin/accounts/" + id;
	}

	/** The staff member's session becomes the person's, with the staff member named on all it does. */
	@PostMapping("/{id}/support/{grant}/enter")
	String enterSupport(@PathVariable String id, @PathVariable String grant, HttpServletRequest request,
			HttpServletResponse response) {
		parse(id);
		Authentication person = support.enter(uuid(grant));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(person);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
		return "redirect:/account";
	}

	static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("account.support.notFound");
		}
	}

	private String accountPage(Model model, AccountId id, PasswordForm passwordForm) {
		AccountView shown = accounts.account(id);
		model.addAttribute("account", shown);
		model.addAttribute("grants", shown.kind() == AccountKind.PERSON ? support.grants(id) : java.util.List.of());
		model.addAttribute("acting", Actors.required().actor().username());
		model.addAttribute("tokens", accounts.tokens(id));
		model.addAttribute("passwordForm", passwordForm);
		model.addAttribute("now", java.time.Instant.now());
		return "account/account";
	}

	static AccountId parse(String id) {
		try {
			return AccountId.of(id);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("account.notFound");
		}
	}
}
