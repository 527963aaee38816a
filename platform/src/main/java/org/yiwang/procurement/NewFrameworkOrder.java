package org.yiwang.procurement;

/**
 * A second-stage order: the quantity; for a direct selection the chosen entrant's credit code and the reason (price,
 * quality, convenience, users' ratings); for a re-competition the hours the entrants have to offer.
 */
public record NewFrameworkOrder(Integer quantity, String supplier, String reason, Integer offerHours) {
}
