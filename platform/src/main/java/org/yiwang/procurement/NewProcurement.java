package org.yiwang.procurement;

import java.math.BigDecimal;
import java.util.List;

/**
 * A purchaser's procurement case: the category and district, the method, what is bought, the budget (disclosed,
 * 政府采购法实施条例 第三十条), the invited suppliers' credit codes (the single source's one) and the days from the
 * notice to the responses (or of the single-source publicity).
 *
 * @param singleSourceReason why only this supplier (政府采购法 第三十一条); single source only
 */
public record NewProcurement(String region, String category, ProcurementMethod method, String title,
		String requirements, BigDecimal budget, List<String> suppliers, Integer responseDays, String singleSourceReason) {
}
