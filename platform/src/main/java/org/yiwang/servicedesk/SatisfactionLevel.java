package org.yiwang.servicedesk;

/** The five levels of the national 政务服务好差评, from best to worst; the score is what the means count. */
public enum SatisfactionLevel {

	VERY_SATISFIED(5), SATISFIED(4), BASICALLY_SATISFIED(3), DISSATISFIED(2), VERY_DISSATISFIED(1);

	private final int score;

	SatisfactionLevel(int score) {
		this.score = score;
	}

	public int score() {
		return score;
	}

	/** 不满意 or worse: a 差评, which opens a rectification. */
	public boolean bad() {
		return score <= 2;
	}
}
