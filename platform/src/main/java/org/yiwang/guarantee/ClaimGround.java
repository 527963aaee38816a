package org.yiwang.guarantee;

/** Why the tenderer claims on a bidder's security. */
public enum ClaimGround {
	/** 实施条例 Art. 35: the bidder withdrew its bid after the deadline. */
	WITHDREW_AFTER_DEADLINE,
	/** 实施条例 Art. 74: the winner refused to sign the contract. */
	REFUSED_TO_SIGN,
	/** Another ground the tender documents name; the text says which. */
	OTHER
}
