package org.yiwang.auction;

/** An intending transferee's registration for a listing. */
public enum RegistrationStatus {
	PENDING, QUALIFIED, REFUSED
}
