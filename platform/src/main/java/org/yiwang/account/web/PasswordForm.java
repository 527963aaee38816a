package org.yiwang.account.web;

/** Changing or resetting a password; the repetition catches typing mistakes. */
class PasswordForm {

	private String current;

	private String password;

	private String repeat;

	public String getCurrent() {
		return current;
	}

	public void setCurrent(String current) {
		this.current = current;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getRepeat() {
		return repeat;
	}

	public void setRepeat(String repeat) {
		this.repeat = repeat;
	}
}
