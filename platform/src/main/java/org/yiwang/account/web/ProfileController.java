package org.yiwang.account.web;

import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.account.AccountManagement;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/** A person's own account: who they are, their scope, and their password. */
@Controller
class ProfileController {

	private final AccountManagement accounts;

	ProfileController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account")
	String profile(Model model) {
		model.addAttribute("account", accounts.me());
		model.addAttribute("passwordForm", new PasswordForm());
		return "account/profile";
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
		model.addAttribute("account", accounts.me());
		return "account/profile";
	}
}
