package org.yiwang.procurement;

import org.yiwang.catalog.EvaluationMethod;
import org.yiwang.catalog.Procedure;
import org.yiwang.catalog.ProcurementMinimums;

/**
 * The non-tender methods of government procurement: the least period and suppliers the law fixes for each (kept in
 * the catalogue's {@link ProcurementMinimums}, which also checks the categories' templates), whether the team
 * negotiates in rounds before final offers, and how the supplier is chosen.
 */
public enum ProcurementMethod {

	/**
	 * 竞争性谈判: at least three suppliers (政府采购法 第三十八条第三项), negotiation with each separately (第四项), final offers
	 * and the lowest price among those meeting the requirements (第五项); responses at least 3 working days after the
	 * documents are issued (财政部令第74号 第二十九条).
	 */
	COMPETITIVE_NEGOTIATION(ProcurementMinimums.COMPETITIVE_NEGOTIATION, true, EvaluationMethod.LOWEST_EVALUATED_PRICE),
	/**
	 * 竞争性磋商: at least three suppliers, consultation rounds then final offers, comprehensive scoring (price counts
	 * 30 of 100 for services, 财库〔2014〕214号 第二十四条); responses at least 10 days after the documents (同办法 第十条).
	 */
	COMPETITIVE_CONSULTATION(ProcurementMinimums.COMPETITIVE_CONSULTATION, true, EvaluationMethod.WEIGHTED_SCORING),
	/**
	 * 询价: at least three suppliers (政府采购法 第四十条第二项), each quotes once a price it may not change (第三项), the
	 * lowest wins (第四项); quotations at least 3 working days after the request (财政部令第74号 第四十五条).
	 */
	REQUEST_FOR_QUOTATIONS(ProcurementMinimums.INQUIRY, false, EvaluationMethod.LOWEST_EVALUATED_PRICE),
	/**
	 * 单一来源: the one supplier named in a notice publicised at least 5 working days (政府采购法实施条例 第三十八条), objections
	 * during it; then the price agreed with the supplier (政府采购法 第三十九条).
	 */
	SINGLE_SOURCE(ProcurementMinimums.SINGLE_SOURCE, false, null);

	private final ProcurementMinimums.Minimum minimum;

	private final boolean rounds;

	private final EvaluationMethod evaluation;

	ProcurementMethod(ProcurementMinimums.Minimum minimum, boolean rounds, EvaluationMethod evaluation) {
		this.minimum = minimum;
		this.rounds = rounds;
		this.evaluation = evaluation;
	}

	/** The catalogue's procedure of the same name (a category's template names it). */
	public Procedure procedure() {
		return minimum.procedure();
	}

	/** Invited suppliers at least; fewer valid responses and the case fails (政府采购法 第三十六条第一项 applied). */
	public int minSuppliers() {
		return minimum.suppliers();
	}

	public int minDays() {
		return minimum.days();
	}

	public boolean workingDays() {
		return minimum.workingDays();
	}

	/** Negotiation or consultation rounds, then sealed final offers. */
	public boolean rounds() {
		return rounds;
	}

	/** How the supplier is chosen; null for a single source (the price is agreed). */
	public EvaluationMethod evaluation() {
		return evaluation;
	}

	public static ProcurementMethod of(Procedure procedure) {
		for (ProcurementMethod method : values()) {
			if (method.procedure() == procedure) {
				return method;
			}
		}
		return null;
	}
}
