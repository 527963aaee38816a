/**
 * The intermediary marketplace (中介超市): owners publish service requests, registered intermediaries sign up, one is
 * selected openly (a verifiable draw, lowest price, price and quality, or a direct selection with a stated legal
 * reason flagged to the regulator), and the service runs through contract, delivery, acceptance and a public rating.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intermediary marketplace",
		allowedDependencies = { "kernel", "system", "catalog", "registry", "pki", "account" })
package org.yiwang.intermediary;
