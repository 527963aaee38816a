package org.yiwang.supervision.redflag;

/**
 * The procedural red flags the platform computes on its own OCDS data, as open-contracting's OCDS Cardinal
 * (cardinal-rs) defines them: the code, the name in Chinese and English, the published definition (a short paraphrase
 * of the indicator's methodology, with its threshold) and where it is published. The names and definitions people read
 * are message keys ({@code supervision.redflag.<code>.name|definition}); the English definition below is the reference
 * the code follows.
 */
public enum Indicator {

	/** Bid period shorter than 15 days in an open procedure. */
	R003("(/tender/tenderPeriod/endDate - /tender/tenderPeriod/startDate) in days is less than 15; open procedures only"),

	/** One tenderer in a competitive procedure. */
	R018("/tender/numberOfTenderers is 1 and /tender/procurementMethod is open or selective"),

	/** The second-lowest valid bid is close to the winning bid. */
	R024("(secondLowestValidBidAmount - winningBidAmount) / winningBidAmount is at most the lower fence "
			+ "(configured: 0.05)"),

	/** Different tenderers submitted the same price. */
	R028("different tenderers submitted bids with the same price"),

	/** A valid bid received after the deadline won. */
	R030("a valid bid's date is after /tender/tenderPeriod/endDate and one of its tenderers supplies an active award"),

	/** Every other tenderer's bid disqualified. */
	R035("exactly one tenderer has valid bids, it is the supplier of all active awards, and at least 1 other "
			+ "tenderer's bid was disqualified"),

	/** The lowest bid disqualified. */
	R036("there is an active award and the lowest submitted bid is disqualified"),

	/** The second-lowest valid bid is far above the winning bid. */
	R058("(secondLowestValidBidAmount - winningBidAmount) / winningBidAmount is at least the upper fence "
			+ "(configured: 0.50)");

	/** Where the definitions are published. */
	public static final String SOURCE = "https://cardinal.readthedocs.io/en/latest/cli/indicators/";

	private final String definition;

	Indicator(String definition) {
		this.definition = definition;
	}

	/** The methodology as cardinal-rs publishes it (English). */
	public String definition() {
		return definition;
	}

	/** The indicator's page in cardinal's documentation. */
	public String source() {
		return SOURCE + "R/" + name().substring(1) + ".html";
	}

	/** The indicator of a code, or null when the code names none the platform computes. */
	public static Indicator of(String code) {
		for (Indicator i : values()) {
			if (i.name().equals(code)) {
				return i;
			}
		}
		return null;
	}
}
