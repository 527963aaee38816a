package org.yiwang.kernel;

/**
 * Who did something, as the audit log records it: an account name, the role acted in, and that account's home region.
 * The platform itself acts as {@link #SYSTEM}.
 */
public record Actor(String username, String role, String region) implements java.io.Serializable {

	public static final Actor SYSTEM = new Actor("system", "SYSTEM", null);

	public Actor {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("An actor needs a username");
		}
	}
}
