package org.yiwang.system;

import org.springframework.http.HttpStatus;

/**
 * A request the platform will not carry out, with a message key saying why and what to do instead. Pages show the
 * message next to {@link #field()} when there is one; the API answers with problem details. Nothing has changed.
 * A refusal is an answer, not a fault: it records no stack trace (some hundred frames of Tomcat, Spring and Security
 * under every refused live bid, for nobody to read).
 */
public class Refusal extends RuntimeException {

	private final HttpStatus status;

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	private Refusal(HttpStatus status, String field, String messageKey, Object... arguments) {
		super(messageKey, null, false, false);
		this.status = status;
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/** Bad input: the field (may be null) and why. */
	public static Refusal invalid(String field, String messageKey, Object... arguments) {
		return new Refusal(HttpStatus.BAD_REQUEST, field, messageKey, arguments);
	}

	/** Input that broke one of the kernel's input rules, with the rule's own reason. */
	public static Refusal input(String field, org.yiwang.kernel.InputRefused refused) {
		return new Refusal(HttpStatus.BAD_REQUEST, field, refused.messageKey(), refused.arguments());
	}

	/** The request conflicts with what exists (a code taken, a record changed meanwhile). */
	public static Refusal conflict(String field, String messageKey, Object... arguments) {
		return new Refusal(HttpStatus.CONFLICT, field, messageKey, arguments);
	}

	/** No such record, or none the actor may see: the two are not told apart. */
	public static Refusal notFound(String messageKey, Object... arguments) {
		return new Refusal(HttpStatus.NOT_FOUND, null, messageKey, arguments);
	}

	/** The actor may see this but not do that. */
	public static Refusal forbidden(String messageKey, Object... arguments) {
		return new Refusal(HttpStatus.FORBIDDEN, null, messageKey, arguments);
	}

	/**
	 * Another node of the cluster serves this (a live auction's clock runs there): 503, which the reverse proxy answers
	 * by passing the request to the next node (docs/cluster.md); a client that sees it tries again in a second.
	 */
	public static Refusal servedElsewhere(String messageKey, Object... arguments) {
		return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, null, messageKey, arguments);
	}

	public HttpStatus status() {
		return status;
	}

	public String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
