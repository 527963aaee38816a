package org.yiwang.account.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.DemoSignIn;
import org.yiwang.system.RegionScopes;

/**
 * The sign-in page; Spring Security handles the POST and sends failures back here with a reason. In demo mode it lists
 * the demo accounts with their role and password, so a newcomer signs in at once; never with demo data off.
 */
@Controller
class LoginController {

	private final AccountManagement accounts;

	LoginController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String username,
			Model model) {
		model.addAttribute("error", error == null ? null : switch (error) {
			case "locked" -> "login.error.locked";
			case "disabled" -> "login.error.disabled";
			case "supportEnded" -> "login.error.supportEnded";
			default -> "login.error.bad";
		});
		model.addAttribute("username", username == null || username.length() > 64 ? "" : username);
		// nobody is signed in here: the demo accounts are read in the platform's scope
		List<DemoSignIn> demo = RegionScopes.callAsPlatform(accounts::demoSignIns);
		model.addAttribute("demoAccounts", demo);
		return "account/login";
	}
}
