package org.yiwang.pki;

import java.time.Instant;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The trust store's and platform keys' past-tense facts; each is appended to the audit log with the change. */
public sealed interface PkiChanged extends Auditable {

	record CaTrusted(Actor actor, String fingerprint, String subject, KeyAlgorithm keyAlgorithm, String origin,
			RegionCode region, Instant occurredAt) implements PkiChanged {

		public String action() {
			return "pki.ca.trusted";
		}

		public String target() {
			return "certificate:" + fingerprint;
		}
	}

	/** A CA no longer trusted, e.g. the demo CAs when demo data is turned off. */
	record CaWithdrawn(Actor actor, String fingerprint, String subject, String reason, RegionCode region,
			Instant occurredAt) implements PkiChanged {

		public String action() {
			return "pki.ca.withdrawn";
		}

		public String target() {
			return "certificate:" + fingerprint;
		}
	}

	record CrlAdded(Actor actor, String fingerprint, String issuerFingerprint, String issuer, int revokedCount,
			RegionCode region, Instant occurredAt) implements PkiChanged {

		public String action() {
			return "pki.crl.added";
		}

		public String target() {
			return "crl:" + fingerprint;
		}
	}

	/** A platform key pair was generated; the private key is stored encrypted, never in this event. */
	record PlatformKeyCreated(Actor actor, String name, KeyAlgorithm keyAlgorithm, String certificateFingerprint,
			RegionCode region, Instant occurredAt) implements PkiChanged {

		public String action() {
			return "pki.key.created";
		}

		public String target() {
			return "key:" + name;
		}
	}

	/** An account became (or was re-registered as) a key custodian with this encryption certificate. */
	record CustodianAdded(Actor actor, String username, String certificateFingerprint, RegionCode region,
			Instant occurredAt) implements PkiChanged {

		public String action() {
			return "pki.custodian.added";
		}

		public String target() {
			return "custodian:" + username;
		}
	}

	record CustodianWithdrawn(Actor actor, String username, RegionCode region, Instant occurredAt) implements PkiChanged {

		public String action() {
			return "pki.custodian.withdrawn";
		}

		public String target() {
			return "custodian:" + username;
		}
	}

	/** An opening key pair was made and its private key split among custodians; only the public key is kept. */
	record OpeningKeyCreated(Actor actor, java.util.UUID id, String label, String keyId, int threshold, int shares,
			RegionCode region, Instant occurredAt) implements PkiChanged {

		public String action() {
			return "pki.openingKey.created";
		}

		public String target() {
			return "opening-key:" + id;
		}
	}
}
