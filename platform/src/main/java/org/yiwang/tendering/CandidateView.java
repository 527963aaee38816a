package org.yiwang.tendering;

import java.math.BigDecimal;

import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/** A publicized award candidate (中标候选人), ranked from 1, with its evaluated price and (weighted scoring) score. */
public record CandidateView(int rank, EntityId bidder, String bidderName, String bidderCreditCode, Money price,
		BigDecimal score) {
}
