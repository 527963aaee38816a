package org.yiwang.supervision;

/** A ruling's outcome: the complaint holds (投诉成立) or is dismissed (投诉不成立，驳回). */
public enum RulingOutcome {
	UPHELD, DISMISSED
}
