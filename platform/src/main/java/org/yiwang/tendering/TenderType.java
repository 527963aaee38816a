package org.yiwang.tendering;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a tender project buys (招标项目类型, dataset 501): works, goods or services (招标投标法实施条例 第二条). */
public enum TenderType {

	WORKS("工程", "Works"),
	GOODS("货物", "Goods"),
	SERVICES("服务", "Services");

	private final String nameZh;

	private final String nameEn;

	TenderType(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String code() {
		return name();
	}

	public String nameZh() {
		return nameZh;
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	public static Optional<TenderType> of(String code) {
		return code == null ? Optional.empty() : Arrays.stream(values()).filter(t -> t.name().equals(code.strip())).findFirst();
	}
}
