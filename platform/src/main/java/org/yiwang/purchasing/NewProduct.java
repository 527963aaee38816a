package org.yiwang.purchasing;

/** A manufacturer adds one of its products to the catalogue: the fields as typed. */
public record NewProduct(String category, String name, String registrationNumber, String specification,
		String insuranceCode) {
}
