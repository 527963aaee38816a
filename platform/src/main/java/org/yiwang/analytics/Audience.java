package org.yiwang.analytics;

/** Who reads a dashboard: the operator's staff (their regions), a regulator (its industries and regions), the public. */
public enum Audience {
	OPERATOR, REGULATOR, PUBLIC
}
