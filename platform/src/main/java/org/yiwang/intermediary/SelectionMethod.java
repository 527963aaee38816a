package org.yiwang.intermediary;

/** How a request's intermediary is chosen (选取方式). */
public enum SelectionMethod {
	/** 随机抽取: a commit-reveal draw among the qualified sign-ups. */
	RANDOM_DRAW,
	/** 最低价: the lowest sealed quote. */
	LOWEST_PRICE,
	/** 综合评分: price score and the public rating score, weighted. */
	PRICE_QUALITY,
	/** 直接选取: only with a stated legal basis, published and flagged to the regulator. */
	DIRECT;

	/** Whether sign-ups quote a price (sealed until the deadline). */
	public boolean quotes() {
		return this == LOWEST_PRICE || this == PRICE_QUALITY;
	}
}
