/**
 * Tendering (招标投标) for works and government procurement: projects, sections (标段/包), notices, tender documents,
 * questions and clarifications, sealed bids and their receipts; after the deadline the remote opening, the candidates'
 * publicity, the award notice and the contract (evaluation itself is the evaluation module's).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tendering",
		allowedDependencies = { "kernel", "system", "catalog", "registry", "pki", "guarantee", "envelope", "venue" })
package org.yiwang.tendering;
