package org.yiwang.evaluation;

/** A pick's answer: invited and waiting, accepted, declined, or did not show up (the last two are redrawn). */
public enum DrawOutcome {
	INVITED, ACCEPTED, DECLINED, NO_SHOW;

	public boolean redrawn() {
		return this == DECLINED || this == NO_SHOW;
	}
}
