package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * What happened in a section's remote opening (不见面开标); each is appended to the audit log, and the opening hall
 * page of the section updates when one is committed. Nothing secret is in them: no content key, no key share.
 */
public sealed interface OpeningChanged extends Auditable {

	SectionId section();

	/** The bid deadline passed with enough bids: the hall is open until {@code decryptionUntil} for decryption. */
	record OpeningStarted(Actor actor, SectionId section, TradeCode tradeCode, int round, int standingBids,
			Instant decryptionUntil, RegionCode region, Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.opening.started";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/** Fewer bids than the rules require (招标投标法 Art. 28, 实施条例 Art. 44): not opened; announced as failed. */
	record OpeningFailed(Actor actor, SectionId section, TradeCode tradeCode, int round, int standingBids, int minBids,
			UUID noticeId, RegionCode region, Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.opening.failed";
		}

		public String target() {
			return "section:" + section;
		}
	}

	record BidderCheckedIn(Actor actor, SectionId section, UUID bid, EntityId bidder, RegionCode region,
			Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.opening.checkedIn";
		}

		public String target() {
			return "bid:" + bid;
		}
	}

	/** A bid was decrypted (by its bidder or by the custodians), or recorded as not decrypted, with the rule. */
	record BidDecrypted(Actor actor, SectionId section, UUID bid, EntityId bidder, OpenedBid.Decryption decryption,
			String rule, RegionCode region, Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.opening.decrypted";
		}

		public String target() {
			return "bid:" + bid;
		}
	}

	/** A custodian gave its share of the opening key (held in memory only; only its index is recorded). */
	record ShareGiven(Actor actor, SectionId section, int shareIndex, int held, int threshold, RegionCode region,
			Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.opening.shareGiven";
		}

		public String target() {
			return "section:" + section;
		}
	}

	record PriceSheetConfirmed(Actor actor, SectionId section, UUID bid, RegionCode region, Instant occurredAt)
			implements OpeningChanged {

		public String action() {
			return "tendering.opening.confirmed";
		}

		public String target() {
			return "bid:" + bid;
		}
	}

	record ObjectionRaised(Actor actor, SectionId section, UUID objection, UUID bid, RegionCode region,
			Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.opening.objection";
		}

		public String target() {
			return "openingObjection:" + objection;
		}
	}

	record ObjectionAnswered(Actor actor, SectionId section, UUID objection, RegionCode region, Instant occurredAt)
			implements OpeningChanged {

		public String action() {
			return "tendering.opening.objectionAnswered";
		}

		public String target() {
			return "openingObjection:" + objection;
		}
	}

	/** The opening record was signed and published; the section is opened. */
	record OpeningClosed(Actor actor, SectionId section, TradeCode tradeCode, int round, UUID noticeId, int opened,
			int failed, RegionCode region, Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.opening.closed";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/** Staff re-tender a failed section: a new round of the same section, back to the notice. */
	record SectionRetendered(Actor actor, SectionId section, TradeCode tradeCode, int round, RegionCode region,
			Instant occurredAt) implements OpeningChanged {

		public String action() {
			return "tendering.section.retendered";
		}

		public String target() {
			return "section:" + section;
		}
	}
}
