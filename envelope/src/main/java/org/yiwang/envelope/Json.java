package org.yiwang.envelope;

import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Strict reading of the small JSON documents of the format: every field checked, every failure one problem. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final JsonNode node;

	private final EnvelopeException.Problem problem;

	private final String where;

	private Json(JsonNode node, EnvelopeException.Problem problem, String where) {
		this.node = node;
		this.problem = problem;
		this.where = where;
	}

	static Json parse(byte[] bytes, EnvelopeException.Problem problem, String where) throws EnvelopeException {
		try {
			JsonNode node = MAPPER.readTree(bytes);
			if (node == null || !node.isObject()) {
				throw new EnvelopeException(problem, where + " is not a JSON object");
			}
			return new Json(node, problem, where);
		}
		catch (JacksonException e) {
			throw new EnvelopeException(problem, where + " is not JSON: " + e.getOriginalMessage(), e);
		}
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	JsonNode node() {
		return node;
	}

	boolean has(String field) {
		return node.has(field) && !node.get(field).isNull();
	}

	String string(String field, int maxLength) throws EnvelopeException {
		JsonNode value = node.get(field);
		if (value == null || !value.isString() || value.stringValue().isBlank()) {
			throw fail(field + " is missing or not a string");
		}
		if (value.stringValue().length() > maxLength) {
			throw fail(field + " is longer than " + maxLength + " characters");
		}
		return value.stringValue();
	}

	String optionalString(String field, int maxLength) throws EnvelopeException {
		return has(field) ? string(field, maxLength) : null;
	}

	long number(String field, long min, long max) throws EnvelopeException {
		JsonNode value = node.get(field);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
			throw fail(field + " is missing or not an integer");
		}
		long n = value.longValue();
		if (n < min || n > max) {
			throw fail(field + " is outside " + min + ".." + max);
		}
		return n;
	}

	byte[] base64(String field, int maxBytes) throws EnvelopeException {
		String text = string(field, maxBytes * 4 / 3 + 4);
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException e) {
			throw fail(field + " is not base64");
		}
	}

	Json child(String field) throws EnvelopeException {
		JsonNode value = node.get(field);
		if (value == null || !value.isObject()) {
			throw fail(field + " is missing or not an object");
		}
		return new Json(value, problem, where + "." + field);
	}

	java.util.List<Json> array(String field, int maxItems, boolean required) throws EnvelopeException {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw fail(field + " is missing");
			}
			return java.util.List.of();
		}
		if (!value.isArray() || value.size() > maxItems) {
			throw fail(field + " is not an array of at most " + maxItems + " items");
		}
		java.util.List<Json> items = new java.util.ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isObject()) {
				throw fail(field + " holds something other than objects");
			}
			items.add(new Json(item, problem, where + "." + field + "[]"));
		}
		return items;
	}

	EnvelopeException fail(String detail) {
		return new EnvelopeException(problem, where + ": " + detail);
	}
}
