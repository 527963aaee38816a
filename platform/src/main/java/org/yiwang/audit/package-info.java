/**
 * The append-only, hash-chained audit log of every state change, and its verification: anyone with the log can
 * recompute the chain and find the first entry altered or removed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.yiwang.audit;
