package org.yiwang.tendering;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.yiwang.kernel.Money;

/**
 * An opened bid as the evaluation committee reads it: who sealed it (the certificate that signed the envelope and the
 * entity it is bound to), the sealed envelope's hashes, the price sheet read out at the opening, and its files (the
 * price sheet and the documents) with the SHA-256 and SM3 of each, as kept in the blob store.
 */
public record OpenedBidContents(UUID bidId, SectionId section, int round, String tradeCode, String bidderName,
		String bidderCreditCode, OpenedBid.Decryption decryption, Instant decryptedAt, Envelope envelope, Signer signer,
		Sheet priceSheet, List<File> files) {

	public OpenedBidContents {
		files = List.copyOf(files);
	}

	/** The sealed envelope as received (its receipt binds these hashes). */
	public record Envelope(String sha256, String sm3, long size, Instant receivedAt) {
	}

	/** The certificate that signed the envelope (bound to the bidder's entity when the bid was received). */
	public record Signer(String subject, String issuer, String serial, String fingerprint, String creditCode) {
	}

	/** The price sheet (开标一览表) as read out at the opening. */
	public record Sheet(Money totalPrice, Integer durationDays, String quality, List<OpenedBid.Item> items) {
	}

	/** One file of the bid: {@code position} 0 is the price sheet, the documents follow by name. */
	public record File(int position, String name, boolean priceSheet, long size, String sha256, String sm3) {
	}

	/** A file and its content, streamed from the blob store (the caller closes the stream). */
	public record Content(File file, Supplier<InputStream> stream) {
	}
}
