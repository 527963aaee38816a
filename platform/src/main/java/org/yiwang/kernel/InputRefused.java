package org.yiwang.kernel;

/**
 * Input that breaks one of the {@link InputRules}: the message key says why and what to write instead, the arguments
 * fill it in. The web layer turns it into a refusal of the field (a page error or a problem detail).
 */
public class InputRefused extends IllegalArgumentException {

	private final String messageKey;

	private final transient Object[] arguments;

	InputRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** No stack trace: bad input is an answer, not a fault. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
