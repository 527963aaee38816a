package org.yiwang.auction;

/**
 * An auction's state moved (bids committed, closed, resumed). An in-memory notice for the live pages, published after
 * the commit; not audited (the bids and the close are, by their own events) and not kept.
 */
public record LiveAuctionUpdated(AuctionView view) {
}
