package org.yiwang.guarantee;

/** Why a security was released: its bidder did not win, or the winner signed the contract. */
public enum ReleaseReason {
	UNSUCCESSFUL, CONTRACT_SIGNED
}
