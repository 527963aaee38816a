package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/**
 * An opened bid's decrypted files were recorded into the blob store, at the first read by those allowed to read it
 * (the evaluation committee): from now on the platform itself may screen their content
 * ({@link OpenedBidFiles#recordedContent}). Never before the opening closed: an unopened bid has no recorded files.
 *
 * @param bidder the bidder's credit code, or its name where it has none
 */
public record BidFilesRecorded(Actor actor, SectionId section, int round, UUID bid, String tradeCode, RegionCode region,
		String bidder, String bidderName, List<OpenedBidContents.File> files, Instant occurredAt) implements Auditable {

	public BidFilesRecorded {
		files = List.copyOf(files);
	}

	@Override
	public String action() {
		return "tendering.bidFiles.recorded";
	}

	@Override
	public String target() {
		return "bid:" + bid;
	}
}
