package org.yiwang.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.yiwang.kernel.RegionCode;

@Table(schema = "catalog", name = "regions")
class Region {

	@Id
	private final String code;

	private final String cityCode;

	private String nameZh;

	private String nameEn;

	private final String level;

	private final String note;

	private boolean active;

	private final int position;

	@Version
	private Long version;

	Region(String code, String cityCode, String nameZh, String nameEn, String level, String note, boolean active,
			int position, Long version) {
		this.code = code;
		this.cityCode = cityCode;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.level = level;
		this.note = note;
		this.active = active;
		this.position = position;
		this.version = version;
	}

	static Region load(ReferenceRegion reference, String cityCode, int position) {
		return new Region(reference.code(), cityCode, reference.nameZh(), reference.nameEn(), reference.level(),
				reference.note(), true, position, null);
	}

	void rename(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	String code() {
		return code;
	}

	String cityCode() {
		return cityCode;
	}

	String nameZh() {
		return nameZh;
	}

	String nameEn() {
		return nameEn;
	}

	boolean active() {
		return active;
	}

	Long version() {
		return version;
	}

	RegionView view() {
		return new RegionView(RegionCode.of(code), nameZh, nameEn, level, active, version == null ? 0 : version);
	}
}
