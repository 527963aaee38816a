package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.guarantee.SecurityForm;
import org.yiwang.guarantee.SecurityHeld;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** How the buyer's security counts towards the price, and what the confirmation says about it. */
class PriceSettlementTests {

	static final EntityId BUYER = new EntityId(UUID.randomUUID());

	static final TradeCode TRADE = TradeCode.of("CQ-500103-2026-GQ-T0001");

	static PriceSettlement settle(String price, SecurityHeld held) {
		return PriceSettlement.of(UUID.randomUUID(), BUYER, Money.of(price), Optional.ofNullable(held), Instant.now());
	}

	static SecurityHeld cash(String amount) {
		return new SecurityHeld(BUYER, TRADE, SecurityForm.CASH_DEPOSIT, Money.of(amount), "9550001234567890", null,
				java.time.Instant.parse("2026-05-01T02:00:00Z"));
	}

	@Test
	void a_cash_deposit_counts_towards_the_price_and_the_rest_is_due() {
		PriceSettlement s = settle("1020000.00", cash("100000.00"));
		assertThat(s.applied()).isEqualTo(Money.of("100000.00"));
		assertThat(s.due()).isEqualTo(Money.of("920000.00"));
		assertThat(ConfirmationPdf.security(null, Optional.of(s))).contains("现金保证金 100000.00 元")
			.contains("9550001234567890").contains("不予退还").contains("其他竞买人的保证金予以退还");
	}

	@Test
	void a_deposit_above_the_price_pays_it_all_and_no_more() {
		PriceSettlement s = settle("500.00", cash("800.00"));
		assertThat(s.applied()).isEqualTo(Money.of("500.00"));
		assertThat(s.due()).isEqualTo(Money.ZERO);
	}

	@Test
	void a_guarantee_letter_is_not_money_nothing_is_applied_and_the_whole_price_is_due() {
		PriceSettlement s = settle("1020000.00", new SecurityHeld(BUYER, TRADE, SecurityForm.GUARANTEE,
				Money.of("100000.00"), "BH-2026-000123", LocalDate.now().plusDays(90),
				java.time.Instant.parse("2026-05-01T02:00:00Z")));
		assertThat(s.applied()).isEqualTo(Money.ZERO);
		assertThat(s.due()).isEqualTo(Money.of("1020000.00"));
		assertThat(ConfirmationPdf.security(null, Optional.of(s))).contains("BH-2026-000123").contains("不抵作价款");
	}

	@Test
	void without_security_at_the_result_nothing_is_applied() {
		PriceSettlement s = settle("1000.00", null);
		assertThat(s.form()).isNull();
		assertThat(s.applied()).isEqualTo(Money.ZERO);
		assertThat(s.due()).isEqualTo(Money.of("1000.00"));
		assertThat(ConfirmationPdf.security(null, Optional.of(s))).contains("未持有保证金");
	}
}
