package org.yiwang.kernel;

/**
 * Who did something, as the audit log records it: an account name, the role acted in, and that account's home region.
 * The platform itself acts as {@link #SYSTEM}.
 *
 * @param supportedBy the staff member acting for this account under support access (issue 17, item 8), or null: the
 *        account acts itself. Both names go on every audit entry such an act causes.
 */
public record Actor(String username, String role, String region, String supportedBy) implements java.io.Serializable {

	public static final Actor SYSTEM = new Actor("system", "SYSTEM", null);

	public Actor {
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException("An actor needs a username");
		}
	}

	/** The account acting itself. */
	public Actor(String username, String role, String region) {
		this(username, role, region, null);
	}

	/** The same account, acted for by a staff member under support access. */
	public Actor supportedBy(String staff) {
		return new Actor(username, role, region, staff);
	}
}
