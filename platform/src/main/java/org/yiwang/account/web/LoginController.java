package org.yiwang.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST and sends failures back here with a reason. */
@Controller
class LoginController {

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
		return "account/login";
	}
}
