package org.yiwang.catalog;

import java.util.Optional;

/**
 * What the law fixes for each non-tender method of government procurement: the least number of suppliers, the least
 * period from the notice to the responses (or the single-source publicity) and whether it counts working days. One
 * source of truth: {@link TemplateRules} checks a procurement template of the method against it, and the procurement
 * module runs its cases by it. Periods the law texts of the reference folder do not set come from the Ministry of
 * Finance's rules, cited below.
 */
public final class ProcurementMinimums {

	/** The least suppliers and days of one method. */
	public record Minimum(Procedure procedure, int suppliers, int days, boolean workingDays) {
	}

	/**
	 * 竞争性谈判: at least three suppliers (政府采购法 第三十八条第三项); responses at least 3 working days after the
	 * documents are issued (财政部令第74号 第二十九条).
	 */
	public static final Minimum COMPETITIVE_NEGOTIATION = new Minimum(Procedure.COMPETITIVE_NEGOTIATION, 3, 3, true);

	/** 竞争性磋商: at least three suppliers; responses at least 10 days after the documents (财库〔2014〕214号 第十条). */
	public static final Minimum COMPETITIVE_CONSULTATION = new Minimum(Procedure.COMPETITIVE_CONSULTATION, 3, 10, false);

	/**
	 * 询价: at least three suppliers (政府采购法 第四十条第二项); quotations at least 3 working days after the request
	 * (财政部令第74号 第四十五条).
	 */
	public static final Minimum INQUIRY = new Minimum(Procedure.INQUIRY, 3, 3, true);

	/** 单一来源: the one supplier, named in a notice publicised at least 5 working days (政府采购法实施条例 第三十八条). */
	public static final Minimum SINGLE_SOURCE = new Minimum(Procedure.SINGLE_SOURCE, 1, 5, true);

	private ProcurementMinimums() {
	}

	/** The minimums of a non-tender procurement method; empty for every other procedure. */
	public static Optional<Minimum> of(Procedure procedure) {
		if (procedure == null) {
			return Optional.empty();
		}
		return switch (procedure) {
			case COMPETITIVE_NEGOTIATION -> Optional.of(COMPETITIVE_NEGOTIATION);
			case COMPETITIVE_CONSULTATION -> Optional.of(COMPETITIVE_CONSULTATION);
			case INQUIRY -> Optional.of(INQUIRY);
			case SINGLE_SOURCE -> Optional.of(SINGLE_SOURCE);
			default -> Optional.empty();
		};
	}
}
