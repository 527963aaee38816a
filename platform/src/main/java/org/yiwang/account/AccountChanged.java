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

	/** Staff asked to act for a person, with a reason, until a time; the person sees the notice (issue 17, item 8). */
	record SupportAccessGranted(Actor actor, AccountId account, java.util.UUID grant, String reason, Instant expiresAt,
			RegionCode region, Instant occurredAt) implements AccountChanged {

		public String action() {
			return "account.support.granted";
		}
	}

	/** The staff member began acting for the person; the actor names both. */
	record SupportSessionStarted(Actor actor, AccountId account, java.util.UUID grant, RegionCode region,
			Instant occurredAt) implements AccountChanged {

		public String action() {
			return "account.support.started";
		}
	}

	/** The person or the staff member ended support access before its time. */
	record SupportAccessEnded(Actor actor, AccountId account, java.util.UUID grant, RegionCode region,
			Instant occurredAt) implements AccountChanged {

		public String action() {
			return "account.support.ended";
		}
	}
}
