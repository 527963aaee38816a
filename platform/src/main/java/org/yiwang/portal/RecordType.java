package org.yiwang.portal;

import org.yiwang.tendering.NoticeType;

/**
 * The kinds of public record the portal holds: the tendering module's notices, and the auction module's listing
 * disclosures and results when it publishes them, and the intermediary marketplace's requests, results and contracts.
 */
public enum RecordType {

	TENDER, PREQUALIFICATION, CLARIFICATION, AMENDMENT, FAILED, CANCELLED, OPENING_RECORD, CANDIDATES, AWARD_RESULT,
	CONTRACT,
	/** 挂牌披露 */
	LISTING_DISCLOSURE,
	/** 竞价结果 */
	AUCTION_RESULT,
	/** 中介服务需求 (the intermediary marketplace) */
	INTERMEDIARY_REQUEST,
	/** 中介选取结果 */
	INTERMEDIARY_RESULT,
	/** 中介服务合同 */
	INTERMEDIARY_CONTRACT;

	static RecordType of(NoticeType type) {
		return valueOf(type.name());
	}

	/** Parses a request parameter; null for anything that is not a record type. */
	public static RecordType parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (RecordType type : values()) {
			if (type.name().equalsIgnoreCase(value.trim())) {
				return type;
			}
		}
		return null;
	}
}
