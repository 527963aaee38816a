package org.yiwang.catalog;

/** 交易方式: how a transaction of a category is carried out. */
public enum Procedure {
	OPEN_TENDER, INVITED_TENDER, COMPETITIVE_NEGOTIATION, INQUIRY, LISTING, AUCTION, ONLINE_BIDDING, CATALOG_PURCHASE,
	INTERMEDIARY_SELECTION,
	/** 竞争性磋商 (government procurement; the procurement module runs it). */
	COMPETITIVE_CONSULTATION,
	/** 单一来源采购 (government procurement; the procurement module runs it). */
	SINGLE_SOURCE
}
