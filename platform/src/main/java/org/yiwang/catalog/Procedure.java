package org.yiwang.catalog;

/** 交易方式: how a transaction of a category is carried out. */
public enum Procedure {
	OPEN_TENDER, INVITED_TENDER, COMPETITIVE_NEGOTIATION, INQUIRY, LISTING, AUCTION, ONLINE_BIDDING, CATALOG_PURCHASE,
	INTERMEDIARY_SELECTION
}
