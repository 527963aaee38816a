package org.yiwang.supervision.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up record of a dispatched alert (督办跟进记录).
 *
 * @param party who wrote it: {@code REGULATOR} (the competent regulator), {@code OPERATOR} or the receiving
 *        department's code
 */
public record AlertFollowUp(UUID id, String author, String party, String note, Instant recordedAt) {
}
