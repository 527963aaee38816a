package org.yiwang.tendering;

import java.util.Optional;

/**
 * Where a project's money comes from (资金来源, dataset 500), in the words of 招标投标法 第三条 and 《必须招标的工程项目规定》
 * (国有资金投资: 预算资金, 国有企业事业单位资金; 国家融资; 国际组织或者外国政府贷款、援助资金) and the rest (社会资本).
 * A project with several sources states the main one and the others in its remark.
 */
public enum FundingSource implements CodeListEntry {

	FISCAL("财政预算资金", "Government budget funds"),
	STATE_ENTERPRISE_OWN("国有企业事业单位自有资金", "Own funds of state-owned enterprises or institutions"),
	STATE_FINANCING("国家融资", "State financing"),
	PRIVATE("社会资本（企业自筹）", "Private capital (self-raised)"),
	FOREIGN_LOAN("国际组织或者外国政府贷款、援助资金", "Loans or aid of international organisations or foreign governments");

	private final String nameZh;

	private final String nameEn;

	FundingSource(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}

	public static Optional<FundingSource> of(String code) {
		return CodeListEntry.of(FundingSource.class, code);
	}
}
