package org.yiwang.bidtool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.security.cert.X509Certificate;
import org.yiwang.envelope.KeyWrap;
import org.yiwang.envelope.Pem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.EnvelopeHeader;

/**
 * Runs the tool's main class as a bidder would, with keys and certificates made by OpenSSL, and checks what it
 * wrote with OpenSSL again (key unwrapping, the signature) as another vendor's tool would.
 */
class BidToolTests {

	static final Path OPENSSL = Path.of("/usr/bin/openssl");

	static final String DISTID = "distid:1234567812345678";

	@TempDir
	static Path keys;

	@TempDir
	Path dir;

	record Outcome(int code, String out, String err) {
	}

	@BeforeAll
	static void makeKeysWithOpenSsl() {
		boolean installed = Files.isExecutable(OPENSSL);
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		openssl(keys, "genpkey", "-algorithm", "SM2", "-out", "ca.key");
		openssl(keys, "req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=Test SM2 CA/O=Yiwang Tests/C=CN", "-days", "30",
				"-sm3", "-sigopt", DISTID, "-out", "ca.pem");
		openssl(keys, "genpkey", "-algorithm", "SM2", "-out", "bidder.key");
		openssl(keys, "req", "-new", "-key", "bidder.key", "-utf8", "-subj", "/CN=重庆测试建设有限公司/O=重庆测试建设有限公司/C=CN",
				"-sm3", "-sigopt", DISTID, "-out", "bidder.csr");
		openssl(keys, "x509", "-req", "-in", "bidder.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "0x1234",
				"-days", "30", "-sm3", "-sigopt", DISTID, "-vfyopt", DISTID, "-out", "bidder.pem");
		openssl(keys, "pkey", "-in", "bidder.key", "-pubout", "-out", "bidder-pub.pem");
		openssl(keys, "genpkey", "-algorithm", "SM2", "-out", "opening.key");
		openssl(keys, "pkey", "-in", "opening.key", "-pubout", "-out", "opening-pub.pem");
		openssl(keys, "genpkey", "-algorithm", "SM2", "-out", "other.key");
	}

	static String openssl(Path dir, String... args) {
		List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
		command.addAll(List.of(args));
		try {
			Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			p.getOutputStream().close();
			String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(p.exitValue()).as("openssl %s%n%s", command, output).isZero();
			return output;
		}
		catch (IOException | InterruptedException e) {
			throw new AssertionError(e);
		}
	}

	static Outcome tool(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = BidTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	Path sheet(String tradeCode) throws IOException {
		return Files.writeString(dir.resolve("sheet.json"), """
				{"bidder": "重庆测试建设有限公司", "tradeCode": "%s", "totalPrice": "9876543.21", "durationDays": 365,
				 "quality": "合格", "items": [{"name": "项目经理", "value": "张三"}]}""".formatted(tradeCode));
	}

	Outcome seal(String... extra) throws IOException {
		Files.writeString(dir.resolve("技术标.txt"), "技术方案 ".repeat(50_000));
		List<String> args = new ArrayList<>(List.of("seal", "--trade-code", "E5001000001001001", "--price-sheet",
				sheet("E5001000001001001").toString(), "--key", keys.resolve("bidder.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--opening-key", keys.resolve("opening-pub.pem").toString(), "--out",
				dir.resolve("bid.ywenv").toString(), dir.resolve("技术标.txt").toString()));
		args.addAll(List.of(extra));
		return tool(args.toArray(String[]::new));
	}

	static String field(String output, String name) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (.+)$").matcher(output);
		assertThat(m.find()).as("%s in%n%s", name, output).isTrue();
		return m.group(1).strip();
	}

	@Test
	void sealsInspectsAndUnwrapsWithOpenSslKeys() throws Exception {
		Outcome sealed = seal();
		assertThat(sealed.code()).as(sealed.err()).isZero();
		Path envelope = dir.resolve("bid.ywenv");
		assertThat(field(sealed.out(), "sha256")).isEqualTo(Crypto.hex(Crypto.sha256(Files.readAllBytes(envelope))));
		assertThat(field(sealed.out(), "sm3")).isEqualTo(openssl(dir, "dgst", "-sm3", "-r", "bid.ywenv").split(" ")[0]);

		Outcome inspected = tool("inspect", envelope.toString());
		assertThat(inspected.code()).as(inspected.err()).isZero();
		assertThat(field(inspected.out(), "trade code")).isEqualTo("E5001000001001001");
		assertThat(field(inspected.out(), "sha256")).isEqualTo(field(sealed.out(), "sha256"));
		assertThat(field(inspected.out(), "cipher")).startsWith("SM4-GCM");

		Outcome opened = tool("unwrap", "--key", keys.resolve("bidder.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--out-dir", dir.resolve("opened").toString(), envelope.toString());
		assertThat(opened.code()).as(opened.err()).isZero();
		assertThat(field(opened.out(), "total price")).isEqualTo("9876543.21");
		assertThat(dir.resolve("opened/files/技术标.txt")).hasSameBinaryContentAs(dir.resolve("技术标.txt"));

		Outcome key = tool("unwrap", "--key", keys.resolve("bidder.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--print-key", envelope.toString());
		assertThat(key.code()).as(key.err()).isZero();
		byte[] contentKey = Base64.getDecoder().decode(field(key.out(), "content key"));
		assertThat(contentKey).hasSize(16);

		// Another vendor's view: OpenSSL unwraps the opening recipient's key (GM/T 0009 SM2 ciphertext) ...
		EnvelopeHeader header = EnvelopeReader.verify(envelope).header();
		Files.write(dir.resolve("wrapped.der"), header.recipient(EnvelopeHeader.Role.OPENING).orElseThrow().wrappedKey());
		openssl(dir, "pkeyutl", "-decrypt", "-inkey", keys.resolve("opening.key").toString(), "-in", "wrapped.der", "-out",
				"opening-unwrapped.bin");
		assertThat(Files.readAllBytes(dir.resolve("opening-unwrapped.bin"))).isEqualTo(contentKey);

		// ... and checks the bidder's signature over "YWSEALED-SIG" || SM3(prefix) || SHA-256(prefix).
		byte[] bytes = Files.readAllBytes(envelope);
		int headerLength = ByteBuffer.wrap(bytes, 10, 4).getInt();
		int signatureField = (int) (14 + headerLength + header.bodyLength());
		int signatureLength = ((bytes[signatureField] & 0xff) << 8) | (bytes[signatureField + 1] & 0xff);
		assertThat(signatureField + 2 + signatureLength).isEqualTo(bytes.length);
		byte[] prefix = Arrays.copyOf(bytes, signatureField);
		ByteBuffer tbs = ByteBuffer.allocate(76).put("YWSEALED-SIG".getBytes(StandardCharsets.US_ASCII))
			.put(Crypto.sm3().digest(prefix)).put(Crypto.sha256(prefix));
		Files.write(dir.resolve("tbs.bin"), tbs.array());
		Files.write(dir.resolve("bid.sig"), Arrays.copyOfRange(bytes, signatureField + 2, bytes.length));
		assertThat(openssl(dir, "dgst", "-sm3", "-verify", keys.resolve("bidder-pub.pem").toString(), "-sigopt", DISTID,
				"-signature", "bid.sig", "tbs.bin")).contains("Verified OK");
	}

	@Test
	void aesIsChosenOnRequest() throws Exception {
		Outcome sealed = seal("--cipher", "AES-256-GCM");
		assertThat(sealed.code()).as(sealed.err()).isZero();
		assertThat(field(tool("inspect", dir.resolve("bid.ywenv").toString()).out(), "cipher")).startsWith("AES-256-GCM");
	}

	@Test
	void badInputGetsAClearErrorAndExitCode() throws Exception {
		assertThat(tool().code()).isEqualTo(BidTool.USAGE);
		assertThat(tool("frobnicate").code()).isEqualTo(BidTool.USAGE);
		assertThat(tool("seal", "--trade-code").code()).isEqualTo(BidTool.USAGE);
		Outcome missingOption = tool("seal", "--trade-code", "E1");
		assertThat(missingOption.code()).isEqualTo(BidTool.USAGE);
		assertThat(missingOption.err()).contains("--price-sheet is required");

		Files.writeString(dir.resolve("not-a-key.pem"), "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n");
		Outcome malformed = tool("seal", "--trade-code", "E5001000001001001", "--price-sheet", sheet("E5001000001001001").toString(),
				"--key", dir.resolve("not-a-key.pem").toString(), "--cert", keys.resolve("bidder.pem").toString(),
				"--opening-key", keys.resolve("opening-pub.pem").toString(), "--out", dir.resolve("x.ywenv").toString());
		assertThat(malformed.code()).isEqualTo(BidTool.BAD_INPUT);
		assertThat(malformed.err()).contains("not-a-key.pem");

		Outcome wrongKey = tool("seal", "--trade-code", "E5001000001001001", "--price-sheet", sheet("E5001000001001001").toString(),
				"--key", keys.resolve("other.key").toString(), "--cert", keys.resolve("bidder.pem").toString(),
				"--opening-key", keys.resolve("opening-pub.pem").toString(), "--out", dir.resolve("x.ywenv").toString());
		assertThat(wrongKey.code()).isEqualTo(BidTool.BAD_INPUT);
		assertThat(wrongKey.err()).contains("does not belong to the certificate");
		assertThat(dir.resolve("x.ywenv")).doesNotExist();
		assertThat(dir.resolve("x.ywenv.partial")).doesNotExist();

		Outcome missingFile = seal(dir.resolve("missing.pdf").toString());
		assertThat(missingFile.code()).isEqualTo(BidTool.BAD_INPUT);
		assertThat(missingFile.err()).contains("missing.pdf");

		Outcome badSheet = tool("seal", "--trade-code", "OTHER-CODE", "--price-sheet", sheet("E5001000001001001").toString(),
				"--key", keys.resolve("bidder.key").toString(), "--cert", keys.resolve("bidder.pem").toString(),
				"--opening-key", keys.resolve("opening-pub.pem").toString(), "--out", dir.resolve("x.ywenv").toString());
		assertThat(badSheet.code()).isEqualTo(BidTool.BAD_INPUT);
		assertThat(badSheet.err()).contains("names trade code E5001000001001001");

		assertThat(seal().code()).isZero();
		byte[] bytes = Files.readAllBytes(dir.resolve("bid.ywenv"));
		Files.write(dir.resolve("cut.ywenv"), Arrays.copyOf(bytes, bytes.length / 2));
		Outcome truncated = tool("inspect", dir.resolve("cut.ywenv").toString());
		assertThat(truncated.code()).isEqualTo(BidTool.REFUSED);
		assertThat(truncated.err()).contains("TRUNCATED");

		Outcome notMine = tool("unwrap", "--key", keys.resolve("other.key").toString(), "--cert",
				keys.resolve("ca.pem").toString(), "--print-key", dir.resolve("bid.ywenv").toString());
		assertThat(notMine.code()).isEqualTo(BidTool.REFUSED);
		assertThat(notMine.err()).contains("NOT_A_RECIPIENT");

		assertThat(tool("inspect", dir.resolve("nothing.ywenv").toString()).code()).isEqualTo(BidTool.BAD_INPUT);
		assertThat(tool("verify-receipt", "--receipt", dir.resolve("nothing.json").toString(), "--platform-cert",
				keys.resolve("ca.pem").toString(), "--tsa-ca", keys.resolve("ca.pem").toString()).code()).isEqualTo(BidTool.BAD_INPUT);
	}

	@Test
	void printsTheMachineFingerprint() {
		Outcome fingerprint = tool("fingerprint");
		assertThat(fingerprint.code()).isZero();
		assertThat(field(fingerprint.out(), "fingerprint")).matches("[0-9a-f]{64}");
	}

	@Test
	void signsAFileAsOpenSslVerifiesIt() throws Exception {
		Path contract = Files.writeString(dir.resolve("合同.txt"), "合同金额 9876543.21 元");
		Outcome signed = tool("sign", "--key", keys.resolve("bidder.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--out", dir.resolve("合同.sig").toString(), contract.toString());
		assertThat(signed.code()).as(signed.err()).isEqualTo(BidTool.OK);
		assertThat(field(signed.out(), "algorithm")).isEqualTo("SM3withSM2");
		assertThat(openssl(dir, "dgst", "-sm3", "-verify", keys.resolve("bidder-pub.pem").toString(), "-sigopt", DISTID,
				"-signature", "合同.sig", "合同.txt")).contains("Verified OK");

		Outcome wrongKey = tool("sign", "--key", keys.resolve("other.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--out", dir.resolve("x.sig").toString(), contract.toString());
		assertThat(wrongKey.code()).isEqualTo(BidTool.BAD_INPUT);
		assertThat(wrongKey.err()).contains("not the certificate's key");
		assertThat(tool("sign", "--key", keys.resolve("bidder.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--out", dir.resolve("y.sig").toString(), "missing.txt").code())
			.isEqualTo(BidTool.BAD_INPUT);
	}

	/**
	 * The platform hands experts and key custodians one file: the PKCS#8 private key, then its certificate
	 * ({@code /experts/me/demo-key.pem}, {@code /pki/custodian/demo-key.pem}). It serves as {@code --key} and
	 * {@code --cert} at once, or as {@code --key} alone; a file with no certificate says what it holds instead.
	 */
	@Test
	void takesThePlatformsCombinedKeyAndCertificateFile() throws Exception {
		Path combined = Files.writeString(dir.resolve("expert-key.pem"),
				Files.readString(keys.resolve("bidder.key")) + Files.readString(keys.resolve("bidder.pem")));
		Path challenge = Files.writeString(dir.resolve("challenge.txt"), "yiwang-expert-sign-in/1 test");
		Outcome both = tool("sign", "--key", combined.toString(), "--cert", combined.toString(), "--out",
				dir.resolve("a.sig").toString(), challenge.toString());
		assertThat(both.code()).as(both.err()).isEqualTo(BidTool.OK);
		assertThat(openssl(dir, "dgst", "-sm3", "-verify", keys.resolve("bidder-pub.pem").toString(), "-sigopt", DISTID,
				"-signature", "a.sig", "challenge.txt")).contains("Verified OK");
		Outcome keyOnly = tool("sign", "--key", combined.toString(), "--out", dir.resolve("b.sig").toString(),
				challenge.toString());
		assertThat(keyOnly.code()).as(keyOnly.err()).isEqualTo(BidTool.OK);
		// OpenSSL takes the same file as the key
		assertThat(openssl(dir, "dgst", "-sm3", "-sign", combined.toString(), "-sigopt", DISTID, "-out", "c.sig",
				"challenge.txt")).isEmpty();

		// sealing and unwrapping with it as well
		Outcome sealed = tool("seal", "--trade-code", "E5001000001001001", "--price-sheet",
				sheet("E5001000001001001").toString(), "--key", combined.toString(), "--cert", combined.toString(),
				"--opening-key", keys.resolve("opening-pub.pem").toString(), "--out", dir.resolve("bid.ywenv").toString());
		assertThat(sealed.code()).as(sealed.err()).isEqualTo(BidTool.OK);

		// the certificate first, then the key: the order does not matter
		Path reversed = Files.writeString(dir.resolve("reversed.pem"),
				Files.readString(keys.resolve("bidder.pem")) + Files.readString(keys.resolve("bidder.key")));
		assertThat(tool("sign", "--key", reversed.toString(), "--out", dir.resolve("d.sig").toString(),
				challenge.toString()).code()).isEqualTo(BidTool.OK);

		// a key alone as --cert: the error says what the file holds
		Outcome noCertificate = tool("sign", "--key", keys.resolve("bidder.key").toString(), "--out",
				dir.resolve("e.sig").toString(), challenge.toString());
		assertThat(noCertificate.code()).isEqualTo(BidTool.BAD_INPUT);
		assertThat(noCertificate.err()).contains("holds no PEM certificate; it holds a private key");
	}

	@Test
	void aCustodianUnwrapsItsShare() throws Exception {
		byte[] share = "share-bytes-0123456789".getBytes(StandardCharsets.UTF_8);
		X509Certificate custodian = Pem.certificate(keys.resolve("bidder.pem"));
		byte[] wrapped = KeyWrap.wrap(custodian.getPublicKey(), share);
		Path shareFile = Files.writeString(dir.resolve("share.txt"), Base64.getMimeEncoder().encodeToString(wrapped));
		Outcome opened = tool("unwrap-share", "--key", keys.resolve("bidder.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--share", shareFile.toString());
		assertThat(opened.code()).as(opened.err()).isEqualTo(BidTool.OK);
		assertThat(Base64.getDecoder().decode(field(opened.out(), "share"))).isEqualTo(share);

		Outcome wrongKey = tool("unwrap-share", "--key", keys.resolve("other.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--share", shareFile.toString());
		assertThat(wrongKey.code()).isEqualTo(BidTool.REFUSED);
		Path garbage = Files.writeString(dir.resolve("garbage.txt"), "not base64 ###");
		assertThat(tool("unwrap-share", "--key", keys.resolve("bidder.key").toString(), "--cert",
				keys.resolve("bidder.pem").toString(), "--share", garbage.toString()).code()).isEqualTo(BidTool.BAD_INPUT);
	}
}
