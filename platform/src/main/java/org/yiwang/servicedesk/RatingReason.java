package org.yiwang.servicedesk;

/**
 * The reasons a user picks with a rating, after the national 政务服务好差评 evaluation points (服务态度, 办事效率, 一次告知,
 * 材料要求, 网上办事); good reasons go with 基本满意 or better, bad ones with 不满意 or worse.
 */
public enum RatingReason {

	FAST(true), ONE_VISIT(true), CLEAR_GUIDANCE(true), COURTEOUS(true), EASY_ONLINE(true),
	NOT_TOLD_AT_ONCE(false), MANY_VISITS(false), SLOW(false), EXTRA_DOCUMENTS(false), POOR_ATTITUDE(false),
	UNFAMILIAR(false), HARD_ONLINE(false), OTHER(false);

	private final boolean good;

	RatingReason(boolean good) {
		this.good = good;
	}

	public boolean good() {
		return good;
	}

	/** Whether the reason goes with the level ({@code OTHER} goes with any). */
	public boolean fits(SatisfactionLevel level) {
		return this == OTHER || good == !level.bad();
	}
}
