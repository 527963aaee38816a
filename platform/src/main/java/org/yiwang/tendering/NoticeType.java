package org.yiwang.tendering;

/** The kinds of public record the tendering module publishes; the portal lists and facets by them. */
public enum NoticeType {

	/** 招标公告 / 采购公告 */
	TENDER,
	/** 资格预审公告 */
	PREQUALIFICATION,
	/** 澄清 */
	CLARIFICATION,
	/** 修改 / 变更公告 */
	AMENDMENT,
	/** 流标 / 废标公告 */
	FAILED,
	/** 终止公告 */
	CANCELLED,
	/** 开标记录 */
	OPENING_RECORD,
	/** 中标候选人公示 */
	CANDIDATES,
	/** 中标结果公告 */
	AWARD_RESULT,
	/** 合同公开 */
	CONTRACT
}
