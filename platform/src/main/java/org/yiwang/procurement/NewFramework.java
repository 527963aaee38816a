package org.yiwang.procurement;

import java.math.BigDecimal;

/**
 * What a purchaser (or agency) states to register a closed framework agreement: the goods or services, their unit and
 * maximum unit price (最高限制单价), the first-stage method, the second-stage rule, at most how many suppliers enter
 * (null: as many as the elimination rate leaves), the agreement's term in months and the days to respond.
 */
public record NewFramework(String region, String category, String title, String requirements, String unit,
		BigDecimal maxUnitPrice, FrameworkEvaluation evaluation, SecondStage secondStage, Integer entryCap,
		Integer termMonths, Integer responseDays) {
}
