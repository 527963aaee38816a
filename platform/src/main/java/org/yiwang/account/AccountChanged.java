package org.yiwang.account;

import java.time.Instant;
import java.util.Set;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;

/** The account module's past-tense facts; each is appended to the audit log with the change. */
public sealed interface AccountChanged extends Auditable {

	AccountId account();

	default String target() {
		return "account:" + account();
	}

	record AccountCreated(Actor actor, AccountId account, String username, AccountKind kind, Set<Role> roles,
			boolean cityWide, RegionCode region, Instant occurredAt) implements AccountChanged {

		public String action() {
			return "account.created";
		}
	}

	record AccountEnabledChanged(Actor actor, AccountId account, boolean enabled, RegionCode region, Instant occurredAt)
			implements AccountChanged {

		public String action() {
			return enabled ? "account.enabled" : "account.disabled";
		}
	}

	record AccountLocked(Actor actor, AccountId account, Instant lockedUntil, RegionCode region, Instant occurredAt)
			implements AccountChanged {

		public String action() {
			return "account.locked";
		}
	}

	record AccountUnlocked(Actor actor, AccountId account, RegionCode region, Instant occurredAt)
			implements AccountChanged {

		public String action() {
			return "account.unlocked";
		}
	}

	record PasswordChanged(Actor actor, AccountId account, RegionCode region, Instant occurredAt)
			implements AccountChanged {

		public String action() {
			return "account.password.changed";
		}
	}

	record SignedIn(Actor actor, AccountId account, RegionCode region, Instant occurredAt) implements AccountChanged {

		public String action() {
			return "account.signedIn";
		}
	}

	record ApiTokenIssued(Actor actor, AccountId account, java.util.UUID token, String name, Instant expiresAt,
			RegionCode region, Instant occurredAt) implements AccountChanged {

		public String action() {
			return "account.token.issued";
		}
	}

	record ApiTokenRevoked(Actor actor, AccountId account, java.util.UUID token, RegionCode region, Instant occurredAt)
			implements AccountChanged {

		public String action() {
			return "account.token.revoked";
		}
	}
}
