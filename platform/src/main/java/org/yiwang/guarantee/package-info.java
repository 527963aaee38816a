/**
 * Bid security (投标保证金): the security each trade code asks for, e-guarantees (电子保函) issued by registered issuers
 * over the API and verified before they count, a public authenticity check, and the question other modules ask:
 * does this bidder hold valid security for this trade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guarantee",
		allowedDependencies = { "kernel", "system", "registry", "pki", "catalog" })
package org.yiwang.guarantee;
