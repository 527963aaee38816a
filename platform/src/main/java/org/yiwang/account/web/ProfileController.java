package org.yiwang.account.web;

import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.SupportAccess;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/** A person's own account: who they are, their scope, their password and tokens, and who had support access. */
@Controller
class ProfileController {

	private final AccountManagement accounts;

	private final SupportAccess support;

	ProfileController(AccountManagement accounts, SupportAccess support) {
		this.accounts = accounts;
		this.support = support;
	}

	@GetMapping("/account")
	String profile(Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("account", accounts.me());
		model.addAttribute("grants", support.mine());
		model.addAttribute("tokens", accounts.ownTokens());
		model.addAttribute("supported", Actors.required().actor().supportedBy());
		model.addAttribute("now", java.time.Instant.now());
		return "account/profile";
	}

	/** A person issues an API token for themselves; the secret is shown this once. */
	@PostMapping("/account/tokens")
	String issueToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer validDays,
			Model model) {
		try {
			model.addAttribute("issued", accounts.issueOwnToken(name, validDays));
		}
		catch (Refusal refusal) {
			if (refusal.status().value() != 400) {
				throw refusal;
			}
			model.addAttribute("tokenError", refusal.messageKey());
		}
		model.addAttribute("passwordForm", new PasswordForm());
		return page(model);
	}

	/** The person (or the supporting staff member) ends a support access now. */
	@PostMapping("/account/support/{grant}/end")
	String endSupport(@PathVariable String grant, RedirectAttributes redirect) {
		support.end(AccountAdminController.uuid(grant));
		redirect.addFlashAttribute("saved", "account.saved.supportEnded");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!Objects.equals(form.getPassword(), form.getRepeat())) {
			result.rejectValue("repeat", "account.password.repeat");
		}
		else {
			try {
				accounts.changeOwnPassword(form.getCurrent(), form.getPassword());
				redirect.addFlashAttribute("saved", "account.saved.password");
				return "redirect:/account";
			}
			catch (Refusal refusal) {
				Forms.reject(result, refusal);
			}
		}
		return page(model);
	}
}
