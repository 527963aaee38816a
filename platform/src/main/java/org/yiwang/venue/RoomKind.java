package org.yiwang.venue;

/** What a room is for: 开标室, 评标室, 谈判室, 拍卖室. */
public enum RoomKind {
	OPENING_HALL, EVALUATION_ROOM, NEGOTIATION_ROOM, AUCTION_ROOM
}
