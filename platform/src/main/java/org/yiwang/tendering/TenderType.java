package org.yiwang.tendering;

import java.util.Optional;

/** What a tender project buys (招标项目类型, dataset 501): works, goods or services (招标投标法实施条例 第二条). */
public enum TenderType implements CodeListEntry {

	WORKS("工程", "Works"),
	GOODS("货物", "Goods"),
	SERVICES("服务", "Services");

	private final String nameZh;

	private final String nameEn;

	TenderType(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}

	public static Optional<TenderType> of(String code) {
		return CodeListEntry.of(TenderType.class, code);
	}
}
