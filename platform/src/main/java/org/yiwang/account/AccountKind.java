package org.yiwang.account;

/** A person signs in with a password; a machine client of the API presents a token. */
public enum AccountKind {
	PERSON, MACHINE
}
