/**
 * Tendering (招标投标) for works and government procurement: projects, sections (标段/包), notices, tender documents,
 * questions and clarifications, sealed bids and their receipts, up to the bid deadline; opening and award follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tendering",
		allowedDependencies = { "kernel", "system", "catalog", "registry", "pki", "guarantee", "envelope" })
package org.yiwang.tendering;
