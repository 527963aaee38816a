package org.yiwang.portal;

/**
 * The outcome of checking a record's platform signature.
 *
 * @param messageKey what to tell: valid, does not match, or unreadable
 * @param signer subject of the platform certificate checked against
 * @param fingerprint SHA-256 of that certificate
 */
public record SignatureCheck(boolean valid, String messageKey, String signer, String fingerprint) {
}
