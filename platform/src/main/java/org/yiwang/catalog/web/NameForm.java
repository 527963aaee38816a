package org.yiwang.catalog.web;

import org.yiwang.catalog.CategoryName;

/** Renaming a category or region: both names and the version the editor saw. */
class NameForm {

	private String nameZh;

	private String nameEn;

	private Long version;

	static NameForm of(String nameZh, String nameEn, long version) {
		NameForm form = new NameForm();
		form.nameZh = nameZh;
		form.nameEn = nameEn;
		form.version = version;
		return form;
	}

	CategoryName command() {
		return new CategoryName(nameZh, nameEn, version);
	}

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
