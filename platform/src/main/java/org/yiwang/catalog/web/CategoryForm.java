package org.yiwang.catalog.web;

import org.yiwang.catalog.NewCategory;
import org.yiwang.catalog.ProcedureFamily;

/** The add-category form. */
class CategoryForm {

	private String code;

	private String nameZh;

	private String nameEn;

	private ProcedureFamily family;

	private String supervisorZh;

	private String note;

	NewCategory command() {
		return new NewCategory(code == null ? null : code.strip().toUpperCase(), nameZh, nameEn, family, supervisorZh, note);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
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

	public ProcedureFamily getFamily() {
		return family;
	}

	public void setFamily(ProcedureFamily family) {
		this.family = family;
	}

	public String getSupervisorZh() {
		return supervisorZh;
	}

	public void setSupervisorZh(String supervisorZh) {
		this.supervisorZh = supervisorZh;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}
}
