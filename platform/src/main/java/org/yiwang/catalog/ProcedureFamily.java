package org.yiwang.catalog;

/** The broad kind of procedure a trading category follows, as the reference catalogue groups them. */
public enum ProcedureFamily {
	/** Works tenders under the tendering law. */
	TENDER,
	/** Government and other procurement. */
	PROCUREMENT,
	/** Land use and mining rights (招拍挂). */
	LAND,
	/** Listing-based trading (地票, industrial premises). */
	LISTING,
	/** Property rights: state-owned equity and assets, judicial assets, concessions. */
	PROPERTY,
	/** Catalogue purchasing (medical consumables, drugs, building materials). */
	CATALOG,
	/** Environmental rights: emissions, discharge, water, energy use. */
	ENVIRONMENT,
	/** Intermediary service selection. */
	INTERMEDIARY
}
