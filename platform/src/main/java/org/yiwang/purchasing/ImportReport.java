package org.yiwang.purchasing;

import java.util.List;
import java.util.UUID;

/**
 * What a reference-price import did: every row imported, or (when any row is bad) none, with each bad row's line,
 * field and reason. A file is taken whole or not at all, so a correction is simply the corrected file again.
 */
public record ImportReport(UUID batch, int imported, List<RowError> errors) {

	public boolean accepted() {
		return errors.isEmpty();
	}

	/** A bad row: its line in the file (the header is line 1), the column, the message key and its argument. */
	public record RowError(int line, String field, String messageKey, String value) {
	}
}
