package org.yiwang.tendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.OpenedEnvelope;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.system.Refusal;

/**
 * The opening's work on disk (split from {@link OpeningHall}): a stored envelope decrypted, by the bidder's content
 * key or the custodians' reassembled opening key, into a directory of its own, its price sheet checked against the
 * section and the bidder, and nothing left behind when it is refused.
 */
@Component
class OpenedEnvelopes {

	private final Blobs blobs;

	OpenedEnvelopes(Blobs blobs) {
		this.blobs = blobs;
	}

	/** Where an envelope is read from and its content written to. */
	record Target(Path envelope, Path directory) {
	}

	interface Opener {

		OpenedEnvelope open(Target target) throws IOException, EnvelopeException;
	}

	record Decrypted(PriceSheet sheet, Path directory) {
	}

	/**
	 * Decrypts a stored envelope from disk into a fresh directory beside the final one, checks its price sheet, then
	 * moves the directory into place; on any refusal nothing is left.
	 */
	Decrypted decryptToDisk(SectionView section, Openings.Entry entry, String sha256, Opener opener) {
		Path target = directory(section.id(), entry.round(), entry.bid());
		Path temporary = target.resolveSibling(".part-" + entry.bid() + "-" + UUID.randomUUID());
		try {
			Files.createDirectories(temporary.getParent());
			OpenedEnvelope opened;
			try {
				opened = opener.open(new Target(blobs.path(sha256), temporary));
			}
			catch (EnvelopeException e) {
				throw switch (e.problem()) {
					case WRONG_KEY, NOT_A_RECIPIENT -> Refusal.invalid("contentKey", "tendering.opening.wrongKey");
					case SIGNATURE_MISMATCH, CONTENT_TAMPERED, TRUNCATED, TRAILING_DATA, UNSIGNED ->
						Refusal.conflict(null, "tendering.opening.tampered");
					default -> Refusal.conflict(null, "tendering.opening.unreadable", e.problem().name());
				};
			}
			if (!opened.envelope().sha256().equals(sha256)) {
				throw Refusal.conflict(null, "tendering.opening.tampered");
			}
			PriceSheet sheet = opened.content().priceSheet();
			if (!section.tradeCode().value().equals(sheet.tradeCode())) {
				throw Refusal.conflict(null, "tendering.opening.sheetOtherSection", sheet.tradeCode());
			}
			if (!entry.bidderName().equals(sheet.bidder().strip())) {
				throw Refusal.conflict(null, "tendering.opening.sheetOtherBidder", sheet.bidder());
			}
			if (Files.exists(target)) {
				delete(target);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			return new Decrypted(sheet, target);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The envelope of bid " + entry.bid() + " cannot be decrypted to disk", e);
		}
		finally {
			delete(temporary);
		}
	}

	/** The decrypted bids of a section's round: {@code <blobs>/../opened/<section>/<round>/<bid>/}. */
	Path directory(SectionId section, int round, UUID bid) {
		return blobs.root().resolveSibling("opened").resolve(section.toString()).resolve(Integer.toString(round))
			.resolve(bid.toString());
	}

	static void destroy(PrivateKey key) {
		try {
			key.destroy();
		}
		catch (javax.security.auth.DestroyFailedException | UnsupportedOperationException e) {
			// BouncyCastle keys cannot be destroyed in place; the reference goes out of scope with the shares zeroed
		}
	}

	static void delete(Path path) {
		if (path == null || !Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
