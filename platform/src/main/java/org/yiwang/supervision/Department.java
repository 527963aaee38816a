package org.yiwang.supervision;

import java.util.Locale;

/**
 * The industry departments that supervise trading (行政监督部门), each owning the categories whose catalogue entry
 * names it as supervisor. A category whose supervisor is none of these (行业主管部门, 医疗保障部门 and the like) falls
 * to the comprehensive supervisor of public resource trading (公共资源交易监督管理部门).
 */
public enum Department {

	DEVELOPMENT_REFORM("发展改革部门", "Development and reform"),
	HOUSING_CONSTRUCTION("住房城乡建设部门", "Housing and urban-rural construction"),
	TRANSPORT("交通运输部门", "Transport"),
	WATER("水利部门", "Water resources"),
	FINANCE("财政部门", "Finance"),
	STATE_ASSETS("国有资产监督管理部门", "State-owned assets"),
	NATURAL_RESOURCES("规划自然资源部门", "Planning and natural resources"),
	HEALTH("卫生健康部门", "Health"),
	PUBLIC_RESOURCE_TRADING("公共资源交易监督管理部门", "Public resource trading supervision");

	private final String nameZh;

	private final String nameEn;

	Department(String nameZh, String nameEn) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
	}

	public String nameZh() {
		return nameZh;
	}

	public String nameEn() {
		return nameEn;
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	/** The department for a category's supervisor as the catalogue names it (its {@code supervisor_zh}). */
	public static Department ofSupervisor(String supervisorZh) {
		String s = supervisorZh == null ? "" : supervisorZh;
		if (s.startsWith("发展改革")) {
			return DEVELOPMENT_REFORM;
		}
		if (s.startsWith("住房城乡建设")) {
			return HOUSING_CONSTRUCTION;
		}
		if (s.startsWith("交通")) {
			return TRANSPORT;
		}
		if (s.startsWith("水利")) {
			return WATER;
		}
		if (s.startsWith("财政")) {
			return FINANCE;
		}
		if (s.contains("国有资产") || s.contains("国资委")) {
			return STATE_ASSETS;
		}
		if (s.contains("自然资源")) {
			return NATURAL_RESOURCES;
		}
		if (s.startsWith("卫生健康") || s.startsWith("医疗保障")) {
			return HEALTH;
		}
		return PUBLIC_RESOURCE_TRADING;
	}
}
