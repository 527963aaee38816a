package org.yiwang.account;

import org.yiwang.system.Refusal;

/** Passwords of at least 10 characters, with letters and digits, not containing the username. */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	static void check(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw Refusal.invalid("password", "account.password.short", MIN_LENGTH);
		}
		if (password.length() > 128) {
			throw Refusal.invalid("password", "account.password.size");
		}
		if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			throw Refusal.invalid("password", "account.password.mix");
		}
		if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			throw Refusal.invalid("password", "account.password.username");
		}
	}
}
