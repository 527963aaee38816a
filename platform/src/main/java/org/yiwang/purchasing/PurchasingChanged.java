package org.yiwang.purchasing;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/** The purchasing module's past-tense facts; each is appended to the audit log with the change. */
public sealed interface PurchasingChanged extends Auditable {

	record ProductAdded(Actor actor, UUID product, CategoryCode category, String name, String registrationNumber,
			EntityId manufacturer, RegionCode region, Instant occurredAt) implements PurchasingChanged {

		public String action() {
			return "purchasing.product.added";
		}

		public String target() {
			return "product:" + product;
		}
	}

	record ListingPriceDeclared(Actor actor, UUID declaration, UUID product, Money price, PriceFlag flag,
			Money referencePrice, String evidenceSha256, RegionCode region, Instant occurredAt) implements PurchasingChanged {

		public String action() {
			return "purchasing.price.declared";
		}

		public String target() {
			return "listing-price:" + declaration;
		}
	}

	/** Staff approved (the price goes on the catalogue) or refused a declared listing price, with the reason. */
	record ListingPriceDecided(Actor actor, UUID declaration, UUID product, Money price, boolean approved, String reason,
			RegionCode region, Instant occurredAt) implements PurchasingChanged {

		public String action() {
			return approved ? "purchasing.price.approved" : "purchasing.price.refused";
		}

		public String target() {
			return "listing-price:" + declaration;
		}
	}

	record ReferencePricesImported(Actor actor, UUID batch, int rows, RegionCode region, Instant occurredAt)
			implements PurchasingChanged {

		public String action() {
			return "purchasing.reference.imported";
		}

		public String target() {
			return "reference-batch:" + batch;
		}
	}

	record RoundPublished(Actor actor, UUID round, CategoryCode category, String title, Money ceilingPrice,
			int maxWinners, Instant reportDeadline, Instant bidDeadline, RegionCode region, Instant occurredAt)
			implements PurchasingChanged {

		public String action() {
			return "purchasing.round.published";
		}

		public String target() {
			return "round:" + round;
		}
	}

	record QuantityReported(Actor actor, UUID round, EntityId hospital, long quantity, RegionCode region,
			Instant occurredAt) implements PurchasingChanged {

		public String action() {
			return "purchasing.round.quantity";
		}

		public String target() {
			return "round:" + round;
		}
	}

	/** A sealed bid arrived; its price is not in the audit entry (it is disclosed with the result). */
	record BidSealed(Actor actor, UUID round, UUID bid, EntityId supplier, RegionCode region, Instant occurredAt)
			implements PurchasingChanged {

		public String action() {
			return "purchasing.round.bid";
		}

		public String target() {
			return "round:" + round;
		}
	}

	record OrderPlaced(Actor actor, UUID order, UUID product, EntityId hospital, EntityId distributor, Money unitPrice,
			long quantity, Money amount, RegionCode region, Instant occurredAt) implements PurchasingChanged {

		public String action() {
			return "purchasing.order.placed";
		}

		public String target() {
			return "order:" + order;
		}
	}

	/** An order moved on: delivered, received or settled ({@code step}), with the note or reference given. */
	record OrderProgressed(Actor actor, UUID order, OrderStatus step, String note, Money amount, RegionCode region,
			Instant occurredAt) implements PurchasingChanged {

		public String action() {
			return "purchasing.order." + step.name().toLowerCase(java.util.Locale.ROOT);
		}

		public String target() {
			return "order:" + order;
		}
	}
}
