package org.yiwang.catalog;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.yiwang.kernel.CategoryCode;

@Table(schema = "catalog", name = "categories")
class TradingCategory {

	@Id
	private final String code;

	private String nameZh;

	private String nameEn;

	private final ProcedureFamily family;

	private final String supervisorZh;

	private final String note;

	private boolean enabled;

	private final int position;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	TradingCategory(String code, String nameZh, String nameEn, ProcedureFamily family, String supervisorZh, String note,
			boolean enabled, int position, Instant createdAt, Instant updatedAt, Long version) {
		this.code = code;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.family = family;
		this.supervisorZh = supervisorZh;
		this.note = note;
		this.enabled = enabled;
		this.position = position;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static TradingCategory create(NewCategory category, int position, Instant now) {
		return new TradingCategory(category.code(), category.nameZh().strip(), category.nameEn().strip(), category.family(),
				blankToNull(category.supervisorZh()), blankToNull(category.note()), true, position, now, now, null);
	}

	void rename(String nameZh, String nameEn, Instant now) {
		this.nameZh = nameZh.strip();
		this.nameEn = nameEn.strip();
		this.updatedAt = now;
	}

	void setEnabled(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
	}

	String code() {
		return code;
	}

	String nameZh() {
		return nameZh;
	}

	String nameEn() {
		return nameEn;
	}

	ProcedureFamily family() {
		return family;
	}

	boolean enabled() {
		return enabled;
	}

	Long version() {
		return version;
	}

	CategoryView view(int templateVersion) {
		return new CategoryView(CategoryCode.of(code), nameZh, nameEn, family, supervisorZh, note, enabled, templateVersion,
				version == null ? 0 : version);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
