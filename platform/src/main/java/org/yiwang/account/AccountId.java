package org.yiwang.account;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an account. */
public record AccountId(UUID value) implements Serializable {

	public AccountId {
		if (value == null) {
			throw new IllegalArgumentException("An account id is a UUID");
		}
	}

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@JsonCreator
	public static AccountId of(String value) {
		return new AccountId(UUID.fromString(value));
	}

	@JsonValue
	@Override
	public String toString() {
		return value.toString();
	}
}
