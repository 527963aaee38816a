package org.yiwang.registry;

/** Good conduct, bad conduct, or a blacklisting that bars the entity for a period. */
public enum CreditKind {
	GOOD, BAD, BLACKLIST
}
