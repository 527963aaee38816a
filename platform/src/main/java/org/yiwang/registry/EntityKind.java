package org.yiwang.registry;

/** An organisation (by credit code), a natural person (by resident ID number), or a consortium formed for one bid. */
public enum EntityKind {
	ORGANIZATION, PERSON, CONSORTIUM
}
