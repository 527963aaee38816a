package org.yiwang.procurement;

import java.time.Instant;
import java.util.List;

import org.yiwang.kernel.Money;

/**
 * A case's opening key as a reader may see it: the public key suppliers seal their quotes or final offers to (with the
 * bid tool), how many custodians' shares open them, and, for the team and the custodians, the envelopes received.
 *
 * @param stage the stage whose offers are sealed now ({@code first}: quotes or first offers; {@code final}: final offers;
 *     {@code response}: a framework's responses; {@code recompetition}: a re-competition's offers)
 * @param sharesHeld shares given so far for that stage (held in memory until enough are there)
 * @param myShareIndex the signed-in custodian's share index, else null
 * @param myEncryptedShare that share encrypted to the custodian's certificate (base64), shown after the deadline
 * @param offers the envelopes received (empty for a supplier or the public)
 * @param tradeCode what the sealed price sheet must name as its {@code tradeCode}
 */
public record SealingView(String publicKeyPem, String keyId, int threshold, String stage, int sharesHeld,
		Integer myShareIndex, String myEncryptedShare, List<Offer> offers, String tradeCode) {

	/**
	 * @param amount the amount read from the opened envelope; null while sealed or when refused
	 * @param refusal why the opened envelope was refused (a message key), else null
	 */
	public record Offer(String supplier, String sha256, Instant receivedAt, boolean receipted, Instant openedAt,
			Money amount, String refusal) {

		public boolean sealed() {
			return openedAt == null;
		}
	}

	public boolean custodian() {
		return myShareIndex != null;
	}
}
