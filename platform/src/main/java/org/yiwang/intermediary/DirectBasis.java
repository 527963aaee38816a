package org.yiwang.intermediary;

/**
 * The legal basis a direct selection states (可以不进行招标/单一来源的情形), one of which must be named with a
 * statement of the facts.
 */
public enum DirectBasis {
	/** 招标投标法实施条例 第九条第一项: an irreplaceable patent or proprietary technique. */
	PROPRIETARY_TECHNIQUE,
	/** 招标投标法实施条例 第九条第五项 / 政府采购法 第三十一条第三项: the original provider, for continuity. */
	ORIGINAL_PROVIDER,
	/** 政府采购法 第三十一条第二项: an unforeseeable emergency. */
	EMERGENCY,
	/** 政府采购法 第三十一条第一项: only one provider can do it. */
	SINGLE_SOURCE
}
