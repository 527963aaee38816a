package org.yiwang.auction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.SealedValues;
import org.yiwang.registry.EntityId;

/** A sealed round's prices: each sealed for the platform with a salted commitment on the receipt, opened at the close. */
final class SealedPrices {

	private SealedPrices() {
	}

	/** A sealed price opened by the writer: the stored row, its price and its commitment's salt. */
	record Opened(Auctions.SealedPrice price, Money amount, String salt) {
	}

	static final String SEALED_PURPOSE = "auction.sealed-price";

	static byte[] randomBytes(int n) {
		byte[] bytes = new byte[n];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	/** The commitment a sealed-round receipt carries; the record publishes price and salt so anyone can recompute it. */
	static String commitment(UUID listing, String bidderNumber, Money amount, String salt) {
		return Sha256.hex("YIWANG-SEALED-PRICE-V1|" + listing + "|" + bidderNumber + "|" + amount + "|" + salt);
	}

	static String sealContext(UUID listing, EntityId transferee) {
		return listing + "|" + transferee;
	}

	/** Opens a sealed round's prices: at the close, and when a running round is put back on the floor. */
	static List<Opened> opened(SealedValues sealedValues, List<Auctions.SealedPrice> prices) {
		List<Opened> opened = new ArrayList<>(prices.size());
		for (Auctions.SealedPrice p : prices) {
			String plain = new String(sealedValues.open(SEALED_PURPOSE, sealContext(p.listing(), p.transferee()), p.sealed()),
					StandardCharsets.UTF_8);
			int bar = plain.indexOf('|');
			opened.add(new Opened(p, Money.of(new java.math.BigDecimal(plain.substring(0, bar))), plain.substring(bar + 1)));
		}
		return opened;
	}
}
