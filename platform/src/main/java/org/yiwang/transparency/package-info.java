/**
 * One append-only, publicly verifiable Merkle log (RFC 6962/9162) of everything the platform publishes and receipts,
 * with signed tree heads, inclusion and consistency proofs, and checkpoints of the audit chain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transparency")
package org.yiwang.transparency;
