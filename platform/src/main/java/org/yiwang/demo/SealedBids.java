package org.yiwang.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.pki.IssuedCredentials;

/**
 * What a demo bidder does off the platform, as the bid tool does it: seal a bid (the price sheet and a technical file,
 * signed with its demo key, encrypted with SM4-GCM to the section's opening key) and, at the opening, unwrap its own
 * envelope's content key with its private key.
 */
final class SealedBids {

	private SealedBids() {
	}

	/** The sealed envelope of a bid, written into {@code dir} (keys and files beside it). */
	static Path seal(Path dir, String tradeCode, String bidderName, String bidder, IssuedCredentials key,
			byte[] openingKeyDer, BigDecimal price, Instant sealedAt) throws IOException {
		Path keyFile = Files.writeString(dir.resolve(bidder + ".key"), key.privateKeyPem());
		Path certificate = Files.writeString(dir.resolve(bidder + ".pem"), key.certificatePem());
		Path technical = Files.writeString(dir.resolve(bidder + "-" + tradeCode + "-技术标.txt"),
				bidderName + " 技术标：施工组织设计、质量与安全保证措施、进度计划。（演示数据 / demo data）\n");
		Path envelope = dir.resolve(bidder + "-" + tradeCode + ".ywenv");
		try {
			EnvelopeWriter.seal(new EnvelopeWriter.Request(tradeCode,
					new PriceSheet(bidderName, tradeCode, price, 365, "合格", List.of(new PriceSheet.Item("项目经理", "演示项目经理"))),
					List.of(technical), Pem.privateKey(keyFile), Pem.certificate(certificate), Pem.publicKey(openingKeyDer),
					null, ContentCipher.SM4_GCM, 0, MachineFingerprint.of(Map.of("demo-bidder", bidder)), sealedAt),
					envelope);
		}
		catch (EnvelopeException e) {
			throw new IllegalStateException("The demo bid could not be sealed: " + e.getMessage(), e);
		}
		return envelope;
	}

	/** The content key of an envelope, as {@code bidtool unwrap --print-key} prints it (base64). */
	static String contentKey(Path envelope, IssuedCredentials key, Path dir) {
		try {
			Path keyFile = Files.writeString(Files.createTempFile(dir, "key", ".pem"), key.privateKeyPem());
			Path certificate = Files.writeString(Files.createTempFile(dir, "cert", ".pem"), key.certificatePem());
			byte[] content = EnvelopeReader.contentKey(EnvelopeReader.verify(envelope).header(), Pem.privateKey(keyFile),
					Pem.certificate(certificate).getPublicKey());
			return Base64.getEncoder().encodeToString(content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (EnvelopeException e) {
			throw new IllegalStateException("The demo bid could not be unwrapped: " + e.getMessage(), e);
		}
	}
}
