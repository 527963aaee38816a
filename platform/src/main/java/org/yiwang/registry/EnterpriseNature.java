package org.yiwang.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * An organisation's enterprise nature (企业性质), which the national data specification asks of tenderers, bidders and
 * winners (e.g. 中标投标人企业性质 of dataset 513). The specification files give no code list for it, so the platform
 * uses the national economic-type classification GB/T 12402-2000 (经济类型分类与代码) at its second level; the uplink
 * sends the three-digit code. The Chinese names are in the messages ({@code registry.nature.<code>}).
 */
public enum EnterpriseNature {

	/** 110 国有全资 */
	STATE_OWNED("110"),
	/** 120 集体全资 */
	COLLECTIVE("120"),
	/** 130 股份合作 */
	SHAREHOLDING_COOPERATIVE("130"),
	/** 140 联营 */
	JOINT_OPERATION("140"),
	/** 150 有限责任（公司） */
	LIMITED_LIABILITY("150"),
	/** 160 股份有限（公司） */
	COMPANY_LIMITED_BY_SHARES("160"),
	/** 170 私有 */
	PRIVATE("170"),
	/** 190 其他内资 */
	OTHER_DOMESTIC("190"),
	/** 210 内地和港澳台合资 */
	HMT_EQUITY_JOINT_VENTURE("210"),
	/** 220 内地和港澳台合作 */
	HMT_COOPERATIVE_JOINT_VENTURE("220"),
	/** 230 港澳台独资 */
	HMT_WHOLLY_OWNED("230"),
	/** 240 港澳台投资股份有限（公司） */
	HMT_COMPANY_LIMITED_BY_SHARES("240"),
	/** 290 其他港澳台投资 */
	HMT_OTHER("290"),
	/** 310 中外合资 */
	SINO_FOREIGN_EQUITY_JOINT_VENTURE("310"),
	/** 320 中外合作 */
	SINO_FOREIGN_COOPERATIVE_JOINT_VENTURE("320"),
	/** 330 外资 */
	FOREIGN_WHOLLY_OWNED("330"),
	/** 340 国外投资股份有限（公司） */
	FOREIGN_COMPANY_LIMITED_BY_SHARES("340"),
	/** 390 其他国外投资 */
	FOREIGN_OTHER("390");

	private final String code;

	EnterpriseNature(String code) {
		this.code = code;
	}

	/** The GB/T 12402-2000 code, e.g. {@code 150}. */
	public String code() {
		return code;
	}

	/** The message key of its name. */
	public String messageKey() {
		return "registry.nature." + code;
	}

	/** The nature of a code (or of an enum name, as forms may send it); empty when it is neither. */
	public static Optional<EnterpriseNature> of(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.strip();
		return Arrays.stream(values()).filter(n -> n.code.equals(v) || n.name().equals(v)).findFirst();
	}
}
