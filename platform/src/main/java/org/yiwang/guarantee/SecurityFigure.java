package org.yiwang.guarantee;

import java.math.BigDecimal;

import org.yiwang.kernel.Money;

/**
 * Bid security of one form recorded in a month, for one trading category and region.
 *
 * @param month {@code yyyy-MM} in Asia/Shanghai, the month the security was recorded (letter) or paid (cash)
 * @param amount the security's total amount
 * @param yuanDays Σ amount × days held (recorded or paid until released, refunded, forfeited, or today): for
 *        guarantees the capital that cash deposits would have tied up, for cash the capital that was tied up
 */
public record SecurityFigure(String month, String category, String region, SecurityForm form, long count, Money amount,
		BigDecimal yuanDays) {
}
