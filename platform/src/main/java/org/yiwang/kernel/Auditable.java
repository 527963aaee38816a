package org.yiwang.kernel;

import java.time.Instant;

/**
 * An event that records a state change in the audit log. Every module's state-changing events implement it;
 * the audit module appends each one, in the same transaction as the change.
 */
public interface Auditable {

	Actor actor();

	/** What happened, as {@code module.thing.verb}, e.g. {@code catalog.category.renamed}. */
	String action();

	/** What it happened to, as {@code kind:id}, e.g. {@code category:ENG_BUILDING}. */
	String target();

	/** The region whose record changed; the city's code for city-wide records. */
	RegionCode region();

	Instant occurredAt();
}
