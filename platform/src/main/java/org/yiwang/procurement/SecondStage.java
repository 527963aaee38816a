package org.yiwang.procurement;

/**
 * How a purchaser places an order under a framework in force (第二阶段): it chooses an entrant directly, giving its
 * reason (直接选定); the entrants compete again on price alone, none above its entry price (二次竞价); or the orders go
 * to the entrants in turn, by rank, the one with fewest orders first (顺序轮候).
 */
public enum SecondStage {
	DIRECT_SELECTION, RE_COMPETITION, ROTATION
}
