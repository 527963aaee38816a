package org.yiwang.evaluation;

/** A rating after an evaluation (1–5), a warning, or blacklisting for a period (no draw while it runs). */
public enum ExpertCreditKind {
	RATING, WARNING, BLACKLIST
}
