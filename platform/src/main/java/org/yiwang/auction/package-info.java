/**
 * Listings (挂牌) and live online auctions (网络竞价) of property, land and mining rights: a listing is published,
 * transferees register with security and are qualified, and two or more of them bid in an English auction whose
 * every accepted bid is durably committed, in one total order, before it is acknowledged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auction",
		allowedDependencies = { "kernel", "system", "catalog", "registry", "pki", "guarantee" })
package org.yiwang.auction;
