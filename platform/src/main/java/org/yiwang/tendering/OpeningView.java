package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Money;

/**
 * The opening hall of a section as one viewer sees it: the check-in list, the decryption progress, the price sheets
 * read out, the objections and answers, and the record once it is signed. What the viewer may do is in
 * {@link Viewer}.
 *
 * @param startedAt when the hall opened (or the section failed); null before the deadline
 * @param decryptionUntil the end of the bidders' decryption window
 * @param outcome OPENING, FAILED or OPENED; null before the deadline
 * @param recordNoticeId the signed opening record (or failure notice); public at {@code /notices/{id}}
 */
public record OpeningView(SectionView section, int round, String outcome, int standingBids, int minBids,
		Instant startedAt, Instant decryptionUntil, boolean backupAllowed, List<Bid> bids, List<Objection> objections,
		UUID recordNoticeId, String signedContent, String signature, Instant closedAt, Viewer viewer, Instant now) {

	public OpeningView {
		bids = List.copyOf(bids);
		objections = List.copyOf(objections);
	}

	public boolean open() {
		return "OPENING".equals(outcome);
	}

	public boolean windowOpen() {
		return open() && decryptionUntil != null && now.isBefore(decryptionUntil);
	}

	public long decrypted() {
		return bids.stream().filter(b -> b.decryption() != null && b.decryption().opened()).count();
	}

	/**
	 * A bid at the opening; its price is read out once it is decrypted.
	 *
	 * @param confirmationSigner the subject of the certificate the bidder signed its confirmation with (checked and
	 *     bound to the bidder); null until it confirmed
	 */
	public record Bid(UUID bidId, String bidderName, Instant checkedInAt, OpenedBid.Decryption decryption,
			Instant decryptedAt, String failureRule, Money totalPrice, Integer durationDays, String quality,
			List<OpenedBid.Item> items, String confirmation, boolean mine, String confirmationSigner) {

		public Bid {
			items = items == null ? List.of() : List.copyOf(items);
		}
	}

	public record Objection(UUID id, UUID bidId, String objectorName, String text, Instant raisedAt, String answer,
			Instant answeredAt) {
	}

	/**
	 * Who looks, and what this viewer may do.
	 *
	 * @param role BIDDER, PARTY (tenderer or agency), STAFF, CUSTODIAN or REGULATOR
	 * @param myBid the viewing bidder's bid in this round
	 * @param shareIndex the viewing custodian's share index of this section's opening key
	 * @param encryptedShare that share, encrypted to the custodian's certificate (base64), shown after the deadline
	 * @param sharesHeld shares given so far and held in memory
	 */
	public record Viewer(String role, UUID myBid, boolean custodian, Integer shareIndex, String encryptedShare,
			int sharesHeld, int threshold, boolean shareGiven) {

		public boolean bidder() {
			return "BIDDER".equals(role);
		}

		public boolean party() {
			return "PARTY".equals(role);
		}

		public boolean staff() {
			return "STAFF".equals(role);
		}
	}
}
