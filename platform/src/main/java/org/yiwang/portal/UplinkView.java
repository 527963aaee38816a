package org.yiwang.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where one record's uplink to the national platform stands.
 *
 * @param item what a further dataset's row describes (a tender project, a bidder of a round, …); empty for the record's
 * own dataset
 * @param status {@code INCOMPLETE} (a required field is missing: never sent), {@code PENDING} (to be sent, or retried
 * at {@code nextAttemptAt}), {@code SENT} (with the receiver's receipt), {@code FAILED} (gave up after the last retry)
 */
public record UplinkView(UUID recordId, String title, NationalDataset dataset, String item, String status, List<String> missingFields,
		int attempts, Instant nextAttemptAt, String lastError, String receipt, Instant sentAt) {
}
