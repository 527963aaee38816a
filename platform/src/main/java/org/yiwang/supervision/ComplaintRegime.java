package org.yiwang.supervision;

/**
 * Which law's clock a complaint runs on: the tendering law's implementing regulation for works and other tenders, the
 * government procurement law and its regulation for procurement.
 */
public enum ComplaintRegime {

	/**
	 * 招标投标法实施条例 Art. 60-61: complain within 10 days of knowing (an objection's answer period does not count);
	 * accept or not within 3 working days; rule within 30 working days of acceptance.
	 */
	TENDERING(3),
	/**
	 * 政府采购法 Art. 52, 55-56: a 质疑 to the purchaser within 7 working days of knowing, answered within 7 working
	 * days; the complaint within 15 working days after the answer period; ruled within 30 working days of receipt.
	 * The review for acceptance takes 5 working days (政府采购质疑和投诉办法, 财政部令第94号, Art. 21).
	 */
	PROCUREMENT(5);

	private final int acceptanceWorkingDays;

	ComplaintRegime(int acceptanceWorkingDays) {
		this.acceptanceWorkingDays = acceptanceWorkingDays;
	}

	public int acceptanceWorkingDays() {
		return acceptanceWorkingDays;
	}
}
