package org.yiwang.supervision;

/**
 * A period that does not count towards the ruling's 30 working days: 检验、检测、鉴定、专家评审 (招标投标法实施条例
 * Art. 61; 政府采购法实施条例 Art. 58), and in procurement the time the complainant takes to complete its material
 * (补正材料, Art. 58).
 */
public enum PauseKind {
	EXPERT_REVIEW, INSPECTION, CORRECTION
}
