package org.yiwang.envelope;

import java.nio.file.Path;
import java.util.List;

/** An envelope verified and decrypted: its verification, and its price sheet, evidence and files. */
public record OpenedEnvelope(VerifiedEnvelope envelope, Content content) {

	/** @param files where the files were written ({@code <directory>/files/<name>}); empty when not written */
	public record Content(PriceSheet priceSheet, Evidence evidence, List<Path> files) {
	}
}
