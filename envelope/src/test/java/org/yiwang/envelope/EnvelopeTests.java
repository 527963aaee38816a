package org.yiwang.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yiwang.envelope.EnvelopeException.Problem;
import org.yiwang.envelope.EnvelopeHeader.Role;

class EnvelopeTests {

	static TestKeys sm2Bidder;

	static TestKeys opening;

	@TempDir
	Path dir;

	@BeforeAll
	static void keys() {
		sm2Bidder = TestKeys.make(TestKeys.Kind.SM2);
		opening = TestKeys.make(TestKeys.Kind.SM2);
	}

	static PriceSheet sheet(String tradeCode) {
		return new PriceSheet("重庆测试建设有限公司", tradeCode, new BigDecimal("12345678.9"), 180, "合格",
				List.of(new PriceSheet.Item("项目经理", "张三")));
	}

	EnvelopeWriter.Request request(TestKeys bidder, ContentCipher cipher, int chunk, List<Path> files) {
		return new EnvelopeWriter.Request("E5001000001001001", sheet("E5001000001001001"), files, bidder.keys().getPrivate(),
				bidder.certificate(), opening.keys().getPublic(), opening.certificate(), cipher, chunk,
				MachineFingerprint.of(Map.of("mac", "00:11:22:33:44:55", "cpu", "Test CPU")), null);
	}

	Path file(String name, int size, long seed) throws IOException {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return Files.write(dir.resolve(name), bytes);
	}

	byte[] seal(EnvelopeWriter.Request request) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		EnvelopeWriter.seal(request, out);
		return out.toByteArray();
	}

	@ParameterizedTest
	@CsvSource({ "SM2, SM4_GCM, 1024", "EC, AES_256_GCM, 4096", "RSA, AES_256_GCM, 65536", "SM2, AES_256_GCM, 1024" })
	void sealsVerifiesAndOpensForBothRecipients(TestKeys.Kind kind, ContentCipher cipher, int chunk) throws Exception {
		TestKeys bidder = kind == TestKeys.Kind.SM2 ? sm2Bidder : TestKeys.make(kind);
		Path a = file("技术标.pdf", 10_000, 1);
		Path b = file("exact.bin", chunk * 3, 2);
		Path envelope = dir.resolve("bid.ywenv");
		EnvelopeWriter.Sealed sealed = EnvelopeWriter.seal(request(bidder, cipher, chunk, List.of(a, b)), envelope);

		assertThat(sealed.size()).isEqualTo(Files.size(envelope));
		assertThat(sealed.sha256()).isEqualTo(Crypto.hex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(envelope))));
		assertThat(sealed.sm3()).isEqualTo(Crypto.hex(Crypto.sm3().digest(Files.readAllBytes(envelope))));
		assertThat(sealed.header().chunkCount()).isGreaterThan(1);

		VerifiedEnvelope verified = EnvelopeReader.verify(envelope);
		assertThat(verified.sm3()).isEqualTo(sealed.sm3());
		assertThat(verified.sha256()).isEqualTo(sealed.sha256());
		assertThat(verified.header().tradeCode()).isEqualTo("E5001000001001001");
		assertThat(verified.header().cipher()).isEqualTo(cipher);
		assertThat(verified.header().bidder()).as("the sheet's bidder, in the clear for the check at submission")
			.isEqualTo("重庆测试建设有限公司");
		assertThat(verified.signer()).isEqualTo(bidder.certificate());
		assertThat(verified.header().recipient(Role.OPENING).orElseThrow().keyId()).isEqualTo(Crypto.keyId(opening.keys().getPublic()));

		OpenedEnvelope mine = EnvelopeReader.open(envelope, bidder.keys().getPrivate(), bidder.keys().getPublic(), dir.resolve("mine"));
		assertThat(mine.content().priceSheet().totalPrice()).isEqualByComparingTo("12345678.90");
		assertThat(mine.content().priceSheet().totalPrice().toPlainString()).isEqualTo("12345678.90");
		assertThat(mine.content().evidence().machine().identifiers()).containsKeys("mac", "cpu");
		assertThat(mine.content().evidence().documents()).extracting(DocumentMetadata::name).containsExactly("技术标.pdf", "exact.bin");
		assertThat(Files.readAllBytes(dir.resolve("mine/files/技术标.pdf"))).isEqualTo(Files.readAllBytes(a));
		assertThat(Files.readAllBytes(dir.resolve("mine/files/exact.bin"))).isEqualTo(Files.readAllBytes(b));

		OpenedEnvelope atOpening = EnvelopeReader.open(envelope, opening.keys().getPrivate(), opening.keys().getPublic(), null);
		assertThat(atOpening.content().priceSheet()).isEqualTo(mine.content().priceSheet());
		assertThat(atOpening.envelope().sha256()).isEqualTo(sealed.sha256());
	}

	@Test
	void truncationAnywhereIsRefusedWithTheRegionItEndsIn() throws Exception {
		byte[] bytes = seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of(file("a.bin", 3000, 3))));
		int headerEnd = Envelope.PREAMBLE_BYTES + ByteBuffer.wrap(bytes, 10, 4).getInt();
		int signatureStart = bytes.length - 2 - (((bytes[bytes.length - 0 - 2 - 0] & 0xff)) * 0 + signatureLength(bytes));
		for (int cut = 0; cut < bytes.length; cut++) {
			byte[] truncated = Arrays.copyOf(bytes, cut);
			EnvelopeException e = catchThrowableOfType(EnvelopeException.class,
					() -> EnvelopeReader.verify(new ByteArrayInputStream(truncated)));
			assertThat(e).as("cut at %d", cut).isNotNull();
			Problem expected = cut == 0 ? Problem.NOT_AN_ENVELOPE : cut == signatureStart ? Problem.UNSIGNED : Problem.TRUNCATED;
			assertThat(e.problem()).as("cut at %d (header ends %d, signature at %d)", cut, headerEnd, signatureStart)
				.isEqualTo(expected);
		}
	}

	private static int signatureLength(byte[] bytes) throws Exception {
		VerifiedEnvelope v = EnvelopeReader.verify(new ByteArrayInputStream(bytes));
		long signatureField = Envelope.PREAMBLE_BYTES + headerLength(bytes) + v.header().bodyLength();
		return (int) (bytes.length - signatureField - 2);
	}

	private static int headerLength(byte[] bytes) {
		return ByteBuffer.wrap(bytes, 10, 4).getInt();
	}

	@Test
	void everyFlippedByteIsRefused() throws Exception {
		byte[] bytes = seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of(file("a.bin", 1500, 4))));
		int headerEnd = Envelope.PREAMBLE_BYTES + headerLength(bytes);
		for (int i = 0; i < bytes.length; i++) {
			byte[] flipped = bytes.clone();
			flipped[i] ^= 0x01;
			EnvelopeException e = catchThrowableOfType(EnvelopeException.class,
					() -> EnvelopeReader.verify(new ByteArrayInputStream(flipped)));
			assertThat(e).as("flip at %d", i).isNotNull();
			Set<Problem> allowed = i < 8 ? Set.of(Problem.NOT_AN_ENVELOPE) : i < 10 ? Set.of(Problem.UNSUPPORTED_VERSION)
					// the header length one off: when the byte it then takes in or leaves out is JSON whitespace (the
					// body is random, so now and then), the header still parses and what follows is misread instead
					: i < 14 ? Set.of(Problem.TRUNCATED, Problem.HEADER_TOO_LARGE, Problem.MALFORMED_HEADER,
							Problem.SIGNATURE_MISMATCH, Problem.TRAILING_DATA, Problem.UNSIGNED)
							: i < headerEnd ? Set.of(Problem.MALFORMED_HEADER, Problem.SIGNATURE_MISMATCH, Problem.MALFORMED_SIGNER,
									Problem.UNSUPPORTED_VERSION, Problem.TRUNCATED, Problem.TRAILING_DATA)
									: Set.of(Problem.SIGNATURE_MISMATCH, Problem.TRUNCATED, Problem.TRAILING_DATA, Problem.UNSIGNED);
			assertThat(e.problem()).as("flip at %d: %s", i, e.getMessage()).isIn(allowed);
		}
	}

	@Test
	void aFlippedBodyByteIsDetectedByDecryptionToo() throws Exception {
		Path envelope = dir.resolve("bid.ywenv");
		EnvelopeWriter.seal(request(sm2Bidder, ContentCipher.AES_256_GCM, 1024, List.of(file("a.bin", 5000, 5))), envelope);
		byte[] bytes = Files.readAllBytes(envelope);
		bytes[Envelope.PREAMBLE_BYTES + headerLength(bytes) + 2000] ^= 0x40;
		Files.write(envelope, bytes);
		Path out = dir.resolve("out");
		assertThatThrownBy(() -> EnvelopeReader.open(envelope, opening.keys().getPrivate(), opening.keys().getPublic(), out))
			.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONTENT_TAMPERED));
		assertThat(out).doesNotExist();
	}

	@Test
	void reorderedChunksAreDetected() throws Exception {
		Path envelope = dir.resolve("bid.ywenv");
		EnvelopeWriter.seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of(file("a.bin", 6000, 6))), envelope);
		byte[] bytes = Files.readAllBytes(envelope);
		int body = Envelope.PREAMBLE_BYTES + headerLength(bytes);
		int sealedChunk = 1024 + 16;
		byte[] first = Arrays.copyOfRange(bytes, body + sealedChunk, body + 2 * sealedChunk);
		System.arraycopy(bytes, body + 2 * sealedChunk, bytes, body + sealedChunk, sealedChunk);
		System.arraycopy(first, 0, bytes, body + 2 * sealedChunk, sealedChunk);
		Files.write(envelope, bytes);
		assertThatThrownBy(() -> EnvelopeReader.open(envelope, sm2Bidder.keys().getPrivate(), sm2Bidder.keys().getPublic(), null))
			.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONTENT_TAMPERED));
	}

	@Test
	void someoneElsesKeyIsNotARecipientAndAWrongPrivateKeyDoesNotOpen() throws Exception {
		Path envelope = dir.resolve("bid.ywenv");
		EnvelopeWriter.seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of()), envelope);
		TestKeys stranger = TestKeys.make(TestKeys.Kind.SM2);
		assertThatThrownBy(() -> EnvelopeReader.open(envelope, stranger.keys().getPrivate(), stranger.keys().getPublic(), null))
			.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_A_RECIPIENT));
		assertThatThrownBy(() -> EnvelopeReader.open(envelope, stranger.keys().getPrivate(), opening.keys().getPublic(), null))
			.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_KEY));
	}

	@Test
	void theContentKeyTheBidToolPrintsOpensTheEnvelopeAndAWrongOneOrAnAlteredFileIsNamed() throws Exception {
		Path a = file("技术标.pdf", 7000, 7);
		Path envelope = dir.resolve("bid.ywenv");
		EnvelopeWriter.seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of(a)), envelope);
		VerifiedEnvelope verified = EnvelopeReader.verify(envelope);
		byte[] key = EnvelopeReader.contentKey(verified.header(), sm2Bidder.keys().getPrivate(), sm2Bidder.keys().getPublic());

		OpenedEnvelope opened = EnvelopeReader.open(envelope, key, dir.resolve("opened"));
		assertThat(opened.content().priceSheet().totalPrice()).isEqualByComparingTo("12345678.90");
		assertThat(opened.envelope().sha256()).isEqualTo(verified.sha256());
		assertThat(Files.readAllBytes(dir.resolve("opened/files/技术标.pdf"))).isEqualTo(Files.readAllBytes(a));

		byte[] wrong = key.clone();
		wrong[0] ^= 1;
		assertThatThrownBy(() -> EnvelopeReader.open(envelope, wrong, dir.resolve("wrong")))
			.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_KEY));
		assertThat(dir.resolve("wrong")).doesNotExist();
		assertThatThrownBy(() -> EnvelopeReader.open(envelope, Arrays.copyOf(key, 32), null))
			.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_KEY));

		byte[] bytes = Files.readAllBytes(envelope);
		bytes[Envelope.PREAMBLE_BYTES + headerLength(bytes) + 100] ^= 0x40;
		Path altered = Files.write(dir.resolve("altered.ywenv"), bytes);
		assertThatThrownBy(() -> EnvelopeReader.open(altered, key, dir.resolve("altered")))
			.isInstanceOfSatisfying(EnvelopeException.class,
					e -> assertThat(e.problem()).isEqualTo(Problem.SIGNATURE_MISMATCH));
		assertThat(dir.resolve("altered")).doesNotExist();
	}

	@Test
	void aStoredEnvelopeOpensWithItsContentKeyAgainstItsSha256AndNothingElse() throws Exception {
		Path a = file("商务标.pdf", 9000, 8);
		Path envelope = dir.resolve("stored.ywenv");
		EnvelopeWriter.Sealed sealed = EnvelopeWriter.seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of(a)),
				envelope);
		byte[] key = EnvelopeReader.contentKey(sealed.header(), sm2Bidder.keys().getPrivate(), sm2Bidder.keys().getPublic());

		OpenedEnvelope opened = EnvelopeReader.openStored(envelope, sealed.sha256(), key, dir.resolve("opened"));
		assertThat(opened.envelope().sha256()).isEqualTo(sealed.sha256());
		assertThat(opened.envelope().sm3()).isNull();
		assertThat(Files.readAllBytes(dir.resolve("opened/files/商务标.pdf"))).isEqualTo(Files.readAllBytes(a));

		byte[] wrong = key.clone();
		wrong[5] ^= 1;
		assertThatThrownBy(() -> EnvelopeReader.openStored(envelope, sealed.sha256(), wrong, dir.resolve("wrong")))
			.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.WRONG_KEY));
		assertThatThrownBy(() -> EnvelopeReader.openStored(envelope, "0".repeat(64), key, dir.resolve("other")))
			.isInstanceOfSatisfying(EnvelopeException.class,
					e -> assertThat(e.problem()).isEqualTo(Problem.SIGNATURE_MISMATCH));
		assertThat(dir.resolve("other")).doesNotExist();
		byte[] bytes = Files.readAllBytes(envelope);
		bytes[Envelope.PREAMBLE_BYTES + headerLength(bytes) + 50] ^= 0x02;
		Path altered = Files.write(dir.resolve("altered.ywenv"), bytes);
		assertThatThrownBy(() -> EnvelopeReader.openStored(altered, sealed.sha256(), key, dir.resolve("altered")))
			.isInstanceOfSatisfying(EnvelopeException.class,
					e -> assertThat(e.problem()).isEqualTo(Problem.SIGNATURE_MISMATCH));
		assertThat(dir.resolve("altered")).doesNotExist();
	}

	@Test
	void aKeyThatIsNotTheCertificatesIsRefusedAtSealing() {
		TestKeys other = TestKeys.make(TestKeys.Kind.SM2);
		var request = new EnvelopeWriter.Request("E1", sheet("E1"), List.of(), other.keys().getPrivate(), sm2Bidder.certificate(),
				opening.keys().getPublic(), null, ContentCipher.SM4_GCM, 0, MachineFingerprint.ofThisMachine(), null);
		assertThatThrownBy(() -> seal(request)).isInstanceOfSatisfying(EnvelopeException.class,
				e -> assertThat(e.getMessage()).contains("does not belong to the certificate"));
		var wrongCode = new EnvelopeWriter.Request("E2", sheet("E1"), List.of(), sm2Bidder.keys().getPrivate(),
				sm2Bidder.certificate(), opening.keys().getPublic(), null, ContentCipher.SM4_GCM, 0,
				MachineFingerprint.ofThisMachine(), null);
		assertThatThrownBy(() -> seal(wrongCode)).hasMessageContaining("names trade code E1");
		var missing = new EnvelopeWriter.Request("E1", sheet("E1"), List.of(dir.resolve("nope.pdf")), sm2Bidder.keys().getPrivate(),
				sm2Bidder.certificate(), opening.keys().getPublic(), null, ContentCipher.SM4_GCM, 0,
				MachineFingerprint.ofThisMachine(), null);
		assertThatThrownBy(() -> seal(missing)).hasMessageContaining("no readable file");
	}

	@Test
	void wrongVersionTrailingDataAndOversizedHeadersAreRefused() throws Exception {
		byte[] bytes = seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of()));
		byte[] v2 = bytes.clone();
		v2[9] = 2;
		assertThat(problem(v2)).isEqualTo(Problem.UNSUPPORTED_VERSION);
		byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
		assertThat(problem(trailing)).isEqualTo(Problem.TRAILING_DATA);
		assertThat(problem("%PDF-1.7 not an envelope".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Problem.NOT_AN_ENVELOPE);

		byte[] huge = bytes.clone();
		ByteBuffer.wrap(huge, 10, 4).putInt(Envelope.MAX_HEADER_BYTES + 1);
		assertThat(problem(huge)).isEqualTo(Problem.HEADER_TOO_LARGE);

		String header = new String(bytes, 14, headerLength(bytes), StandardCharsets.UTF_8);
		String code = header.replace("\"E5001000001001001\"", "\"" + "E".repeat(65) + "\"");
		assertThat(problem(withHeader(bytes, code))).isEqualTo(Problem.MALFORMED_HEADER);
		String notJson = header.replace("{", "[");
		assertThat(problem(withHeader(bytes, notJson))).isEqualTo(Problem.MALFORMED_HEADER);
		String chunks = header.replaceFirst("\"chunkCount\":\\d+", "\"chunkCount\":99");
		assertThat(problem(withHeader(bytes, chunks))).isEqualTo(Problem.MALFORMED_HEADER);
	}

	@Test
	void aSignatureByAnotherCertificateDoesNotVerify() throws Exception {
		byte[] bytes = seal(request(sm2Bidder, ContentCipher.SM4_GCM, 1024, List.of()));
		String header = new String(bytes, 14, headerLength(bytes), StandardCharsets.UTF_8);
		TestKeys impostor = TestKeys.make(TestKeys.Kind.SM2);
		String swapped = header.replace(java.util.Base64.getEncoder().encodeToString(sm2Bidder.certificate().getEncoded()),
				java.util.Base64.getEncoder().encodeToString(impostor.certificate().getEncoded()));
		assertThat(swapped).isNotEqualTo(header);
		assertThat(problem(withHeader(bytes, swapped))).isEqualTo(Problem.SIGNATURE_MISMATCH);
	}

	/** The envelope with its header replaced (the rest, signature included, unchanged). */
	private static byte[] withHeader(byte[] bytes, String header) {
		byte[] json = header.getBytes(StandardCharsets.UTF_8);
		int old = headerLength(bytes);
		ByteBuffer out = ByteBuffer.allocate(bytes.length - old + json.length);
		out.put(bytes, 0, 10).putInt(json.length).put(json).put(bytes, 14 + old, bytes.length - 14 - old);
		return out.array();
	}

	private static Problem problem(byte[] bytes) {
		EnvelopeException e = catchThrowableOfType(EnvelopeException.class, () -> EnvelopeReader.verify(new ByteArrayInputStream(bytes)));
		assertThat(e).isNotNull();
		return e.problem();
	}

	@Test
	void priceSheetsAreCheckedStrictly() throws Exception {
		assertThat(PriceSheet.parse("""
				{"bidder":"甲","tradeCode":"E1","totalPrice":"100.5","durationDays":30,"quality":"合格"}""".getBytes(StandardCharsets.UTF_8))
			.totalPrice().toPlainString()).isEqualTo("100.50");
		for (String bad : List.of("{}", "[]", "not json",
				"{\"bidder\":\"甲\",\"tradeCode\":\"E1\",\"totalPrice\":\"100.555\",\"durationDays\":30,\"quality\":\"q\"}",
				"{\"bidder\":\"甲\",\"tradeCode\":\"E1\",\"totalPrice\":\"-1\",\"durationDays\":30,\"quality\":\"q\"}",
				"{\"bidder\":\"甲\",\"tradeCode\":\"E1\",\"totalPrice\":\"abc\",\"durationDays\":30,\"quality\":\"q\"}",
				"{\"bidder\":\"甲\",\"tradeCode\":\"E1\",\"totalPrice\":\"1\",\"durationDays\":0,\"quality\":\"q\"}",
				"{\"bidder\":\"" + "甲".repeat(201) + "\",\"tradeCode\":\"E1\",\"totalPrice\":\"1\",\"durationDays\":1,\"quality\":\"q\"}")) {
			assertThatThrownBy(() -> PriceSheet.parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
				.isInstanceOfSatisfying(EnvelopeException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_INPUT));
		}
	}

	@Test
	void documentMetadataIsReadFromOfficeAndPdfFiles() throws Exception {
		Path pdf = Files.writeString(dir.resolve("a.pdf"),
				"%PDF-1.4\n1 0 obj << /Author (Zhang San) /Creator (Microsoft Word) /Producer (Acrobat) >> endobj\n",
				StandardCharsets.ISO_8859_1);
		DocumentMetadata pdfMeta = DocumentMetadata.of(pdf);
		assertThat(pdfMeta.author()).isEqualTo("Zhang San");
		assertThat(pdfMeta.application()).isEqualTo("Microsoft Word / Acrobat");
		Path docx = dir.resolve("b.docx");
		try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(docx))) {
			zip.putNextEntry(new java.util.zip.ZipEntry("docProps/core.xml"));
			zip.write("<cp:coreProperties><dc:creator>李四</dc:creator><cp:lastModifiedBy>王五</cp:lastModifiedBy></cp:coreProperties>"
				.getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("docProps/app.xml"));
			zip.write("<Properties><Application>WPS Office</Application></Properties>".getBytes(StandardCharsets.UTF_8));
		}
		DocumentMetadata docMeta = DocumentMetadata.of(docx);
		assertThat(docMeta.author()).isEqualTo("李四");
		assertThat(docMeta.lastModifiedBy()).isEqualTo("王五");
		assertThat(docMeta.application()).isEqualTo("WPS Office");
		assertThat(docMeta.sha256()).isEqualTo(Crypto.hex(Crypto.sha256(Files.readAllBytes(docx))));
	}

	@Test
	void theMachineFingerprintIsStableAndHashed() {
		MachineFingerprint a = MachineFingerprint.ofThisMachine();
		MachineFingerprint b = MachineFingerprint.ofThisMachine();
		assertThat(a).isEqualTo(b);
		assertThat(a.identifiers()).containsKey("os");
		assertThat(a.identifiers().values()).allMatch(v -> v.matches("[0-9a-f]{64}"));
		assertThat(a.combined()).matches("[0-9a-f]{64}");
	}
}
