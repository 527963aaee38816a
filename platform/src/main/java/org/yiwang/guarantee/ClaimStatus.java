package org.yiwang.guarantee;

/** Filed, then decided by staff; an approved guarantee claim is paid by the issuer, an approved cash one forfeits. */
public enum ClaimStatus {
	FILED, APPROVED, REJECTED, PAID, FORFEITED
}
