package org.yiwang.registry;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a market entity. */
public record EntityId(UUID value) implements Serializable {

	public EntityId {
		if (value == null) {
			throw new IllegalArgumentException("An entity id is a UUID");
		}
	}

	public static EntityId random() {
		return new EntityId(UUID.randomUUID());
	}

	@JsonCreator
	public static EntityId of(String value) {
		return new EntityId(UUID.fromString(value));
	}

	@JsonValue
	@Override
	public String toString() {
		return value.toString();
	}
}
