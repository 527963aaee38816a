package org.yiwang.purchasing;

import java.math.BigDecimal;

/**
 * A hospital orders a listed product from a distributor (named by its unified social credit code). The unit price
 * defaults to the listing price; a lower negotiated price may be given, never a higher one.
 */
public record NewOrder(String product, String distributorCreditCode, Long quantity, BigDecimal unitPrice) {
}
