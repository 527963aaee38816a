package org.yiwang.tendering;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a section (标段/包). */
public record SectionId(UUID value) implements Serializable {

	public SectionId {
		if (value == null) {
			throw new IllegalArgumentException("A section id is required");
		}
	}

	@JsonCreator
	public static SectionId of(String value) {
		return new SectionId(UUID.fromString(value));
	}

	@JsonValue
	@Override
	public String toString() {
		return value.toString();
	}
}
