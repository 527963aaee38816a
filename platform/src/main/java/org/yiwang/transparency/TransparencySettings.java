package org.yiwang.transparency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the log is sequenced and signed ({@code yiwang.transparency.*}).
 *
 * @param sequenceSeconds the sequencer's period: facts waiting are merged and, when the tree grew, a new head is
 *     signed; 0 turns the ticker off (heads are then signed on demand only)
 * @param mergeDelaySeconds the maximum merge delay (MMD) the log promises: every fact is in a signed tree head within
 *     it; must exceed the sequencer's period
 * @param treeHeadSeconds a fresh head is signed at least this often even when nothing new arrived, so that a reader
 *     can tell a quiet log from a frozen one
 */
@ConfigurationProperties("yiwang.transparency")
record TransparencySettings(@DefaultValue("10") long sequenceSeconds, @DefaultValue("60") long mergeDelaySeconds,
		@DefaultValue("300") long treeHeadSeconds) {

	TransparencySettings {
		if (sequenceSeconds < 0 || mergeDelaySeconds <= 0 || treeHeadSeconds <= 0) {
			throw new IllegalArgumentException("yiwang.transparency: periods are positive (sequence-seconds may be 0)");
		}
		if (sequenceSeconds >= mergeDelaySeconds) {
			throw new IllegalArgumentException("yiwang.transparency.sequence-seconds must be below merge-delay-seconds, "
					+ "or the log cannot keep its maximum merge delay");
		}
	}
}
