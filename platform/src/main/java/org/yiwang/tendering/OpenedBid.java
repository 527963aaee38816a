package org.yiwang.tendering;

import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * A bid as the opening read it out: its price sheet (开标一览表) from inside the decrypted envelope, and how it was
 * opened. Evaluation scores these; a bid that was not decrypted stays in the record but is not evaluated.
 *
 * @param items the price sheet's further lines (项目经理, 工期 …), in the bidder's order
 */
public record OpenedBid(UUID bidId, EntityId bidder, String bidderName, String bidderCreditCode, Money totalPrice,
		int durationDays, String quality, List<Item> items, Decryption decryption) {

	public OpenedBid {
		items = items == null ? List.of() : List.copyOf(items);
	}

	/** A line of the price sheet. */
	public record Item(String name, String value) {
	}

	/** Who decrypted the envelope, or that nobody did within the window. */
	public enum Decryption {
		/** The bidder unwrapped its own envelope key within the decryption window. */
		BY_BIDDER,
		/** The key custodians' backup decryption opened it after the bidder failed. */
		BY_CUSTODIANS,
		/** Not decrypted: treated as the template says (withdrawn); not evaluated, its price not read. */
		FAILED;

		public boolean opened() {
			return this != FAILED;
		}
	}
}
