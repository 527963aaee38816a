package org.yiwang.kernel;

/**
 * What a person or machine client does on the platform. Spring Security authorities are {@code ROLE_<name>}.
 */
public enum Role {

	/** Runs the platform: accounts, regions, trust store. */
	PLATFORM_ADMIN,
	/** Staff of the city trading center or of one district's branch. */
	CENTER_STAFF,
	/** Tenderer or purchaser (招标人 / 采购人). */
	TENDERER,
	/** Tendering agency (招标代理机构). */
	AGENCY,
	/** Bidder or supplier (投标人 / 供应商). */
	BIDDER,
	/** Evaluation expert (评标专家). */
	EXPERT,
	/** Industry regulator (监管部门), scoped to industries and a region. */
	REGULATOR,
	/** Bank, insurer or guarantee firm issuing e-guarantees. */
	GUARANTEE_ISSUER,
	/** Intermediary service firm (中介机构). */
	INTERMEDIARY,
	/** A machine client of the JSON API, authenticated by token. */
	API_CLIENT;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Roles whose accounts are bound to a region scope; the others act city-wide. */
	public boolean isRegionScoped() {
		return this == CENTER_STAFF || this == REGULATOR;
	}
}
