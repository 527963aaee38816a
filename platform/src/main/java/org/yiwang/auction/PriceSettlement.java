package org.yiwang.auction;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.yiwang.guarantee.SecurityForm;
import org.yiwang.guarantee.SecurityHeld;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * The winner's security applied to the price, recorded at the result (auction or agreement). A cash deposit is money
 * the buyer already paid to the platform's settlement account: it counts towards the price (up to the price) and is
 * not refunded; the buyer still owes the rest. An e-guarantee letter is a promise, not money: nothing is applied, the
 * whole price is due, and the letter stays in force until the contract. Either way the losers' securities were released.
 *
 * @param form how the buyer held security; null if it held none at the result (then nothing is applied)
 * @param reference the deposit sub-account number or the guarantee letter number
 * @param securityAmount the security the buyer held
 * @param applied what of it counts towards the price
 * @param due the price minus what was applied: what the buyer still pays
 */
public record PriceSettlement(UUID listing, EntityId buyer, Money price, SecurityForm form, String reference,
		Money securityAmount, Money applied, Money due, Instant recordedAt) {

	static PriceSettlement of(UUID listing, EntityId buyer, Money price, Optional<SecurityHeld> held, Instant now) {
		Money security = held.map(SecurityHeld::amount).orElse(Money.ZERO);
		Money applied = held.filter(h -> h.form() == SecurityForm.CASH_DEPOSIT)
			.map(h -> h.amount().compareTo(price) > 0 ? price : h.amount()).orElse(Money.ZERO);
		return new PriceSettlement(listing, buyer, price, held.map(SecurityHeld::form).orElse(null),
				held.map(SecurityHeld::reference).orElse(null), security, applied, price.minus(applied), now);
	}

	public boolean cash() {
		return form == SecurityForm.CASH_DEPOSIT;
	}
}
