package org.yiwang.supervision;

/**
 * What a complaint is about. Under the tendering law the first three must have been objected to the tenderer first
 * (招标投标法实施条例 Art. 60, second paragraph, naming Art. 22, 44 and 54); in procurement every complaint follows a
 * 质疑 (政府采购法 Art. 55).
 */
public enum ComplaintGround {
	/** 资格预审文件或招标文件 (Art. 22). */
	DOCUMENTS,
	/** 开标 (Art. 44). */
	OPENING,
	/** 评标结果 (Art. 54). */
	EVALUATION_RESULT,
	/** Any other breach of law in the procedure. */
	OTHER;

	public boolean needsObjection(ComplaintRegime regime) {
		return regime == ComplaintRegime.PROCUREMENT || this != OTHER;
	}
}
