package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.PlatformTest;
import org.yiwang.envelope.MerkleTree;
import org.yiwang.envelope.SignedReceipt;
import org.yiwang.envelope.TreeHead;

/**
 * Batched receipts: statements issued at once share a signed, timestamped tree head; each receipt proves its
 * statement's inclusion; OpenSSL verifies the tree head's SM2 signature and the RFC 3161 token.
 */
@PlatformTest
class ReceiptsTests {

	@Autowired
	Receipts receipts;

	@Autowired
	PlatformKeys keys;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	static byte[] statement(int i) {
		return ("{\"bidder\":\"91500000TEST" + i + "\",\"tradeCode\":\"E5001000001001001\",\"sha256\":\"" + "ab".repeat(32)
				+ "\",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
	}

	List<SignedReceipt> issueConcurrently(int count) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<SignedReceipt>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				byte[] s = statement(i);
				futures.add(pool.submit(() -> receipts.issue(s)));
			}
			List<SignedReceipt> out = new ArrayList<>();
			for (Future<SignedReceipt> f : futures) {
				out.add(f.get());
			}
			return out;
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void concurrentStatementsShareBatchesAndEachReceiptVerifies() throws Exception {
		List<SignedReceipt> issued = issueConcurrently(64);
		Set<Long> batches = new java.util.HashSet<>();
		for (int i = 0; i < issued.size(); i++) {
			SignedReceipt receipt = issued.get(i);
			assertThat(receipt.statement()).isEqualTo(statement(i));
			TreeHead head = receipt.parsedTreeHead();
			batches.add(head.batch());
			assertThat(MerkleTree.verify(MerkleTree.leafHash(receipt.statement()), receipt.leafIndex(), head.treeSize(),
					receipt.auditPath(), head.root())).isTrue();
			assertThat(receipts.verify(receipt)).isTrue();
			assertThat(SignedReceipt.parse(receipt.toJson()).treeHead()).isEqualTo(receipt.treeHead());
		}
		assertThat(batches.size()).as("64 statements issued at once are signed in fewer batches").isLessThan(64);
		for (long batch : batches) {
			assertThat(jdbc.sql("select count(*) from pki.receipt_tree_heads where batch = ?").param(batch)
				.query(Integer.class).single()).isEqualTo(1);
		}
	}

	@Test
	void aTamperedReceiptDoesNotVerify() throws Exception {
		SignedReceipt receipt = receipts.issue(statement(1000));
		assertThat(receipts.verify(receipt)).isTrue();
		SignedReceipt otherStatement = new SignedReceipt(statement(1001), receipt.leafIndex(), receipt.auditPath(),
				receipt.treeHead(), receipt.signature(), receipt.timestampToken());
		assertThat(receipts.verify(otherStatement)).isFalse();
		byte[] signature = receipt.signature().clone();
		signature[10] ^= 1;
		assertThat(receipts.verify(new SignedReceipt(receipt.statement(), receipt.leafIndex(), receipt.auditPath(),
				receipt.treeHead(), signature, receipt.timestampToken()))).isFalse();
		byte[] head = receipt.treeHead().clone();
		head[head.length - 3] = (byte) (head[head.length - 3] == '1' ? '2' : '1');
		assertThat(receipts.verify(new SignedReceipt(receipt.statement(), receipt.leafIndex(), receipt.auditPath(), head,
				receipt.signature(), receipt.timestampToken()))).isFalse();
	}

	@Test
	void openSslVerifiesTheTreeHeadSignatureAndTheTimestamp() throws Exception {
		OpenSsl.assumeInstalled();
		SignedReceipt receipt = receipts.issue(statement(2000));
		Files.write(dir.resolve("sth.txt"), receipt.treeHead());
		Files.write(dir.resolve("sth.sig"), receipt.signature());
		Files.write(dir.resolve("sth.tsr"), receipt.timestampToken());
		Files.writeString(dir.resolve("platform.pem"), keys.certificatePem());
		Files.writeString(dir.resolve("ca.pem"), keys.rootCertificatePem());
		OpenSsl.run(dir, "x509", "-in", "platform.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		assertThat(OpenSsl.run(dir, "dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", OpenSsl.DISTID, "-signature",
				"sth.sig", "sth.txt")).contains("Verified OK");
		assertThat(OpenSsl.run(dir, "ts", "-verify", "-data", "sth.txt", "-in", "sth.tsr", "-token_in", "-CAfile", "ca.pem"))
			.contains("Verification: OK");
		Files.write(dir.resolve("sth.txt"), (new String(receipt.treeHead(), StandardCharsets.US_ASCII) + "x").getBytes());
		assertThat(OpenSsl.attempt(dir, "dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", OpenSsl.DISTID,
				"-signature", "sth.sig", "sth.txt").exitCode()).isNotZero();
	}

	@Test
	void theBidToolVerifiesAReceipt() throws Exception {
		OpenSsl.assumeInstalled();
		Path jar = Path.of("../bidtool/target/bidtool.jar").toAbsolutePath().normalize();
		Assumptions.assumeTrue(Files.isRegularFile(jar), "the bid tool jar is built by the reactor before the platform");
		SignedReceipt receipt = receipts.issue(statement(3000));
		Files.write(dir.resolve("receipt.json"), receipt.toJson());
		Files.writeString(dir.resolve("platform.pem"), keys.certificatePem());
		Files.writeString(dir.resolve("ca.pem"), keys.rootCertificatePem());
		Process ok = new ProcessBuilder("java", "-jar", jar.toString(), "verify-receipt", "--receipt", "receipt.json",
				"--platform-cert", "platform.pem", "--tsa-ca", "ca.pem").directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(ok.waitFor()).as(output).isZero();
		assertThat(output).contains("receipt valid");

		SignedReceipt forged = new SignedReceipt(statement(3001), receipt.leafIndex(), receipt.auditPath(),
				receipt.treeHead(), receipt.signature(), receipt.timestampToken());
		Files.write(dir.resolve("forged.json"), forged.toJson());
		Process bad = new ProcessBuilder("java", "-jar", jar.toString(), "verify-receipt", "--receipt", "forged.json",
				"--platform-cert", "platform.pem", "--tsa-ca", "ca.pem").directory(dir.toFile()).redirectErrorStream(true).start();
		String badOutput = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bad.waitFor()).as(badOutput).isEqualTo(5);
		assertThat(badOutput).contains("inclusion proof: INVALID");
	}
}
