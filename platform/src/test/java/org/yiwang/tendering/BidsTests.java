package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.envelope.SignedReceipt;
import org.yiwang.kernel.Role;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.pki.Receipts;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.CreditKind;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.NewCreditRecord;
import org.yiwang.registry.Registration;
import org.yiwang.system.RegionScopes;

import com.jayway.jsonpath.JsonPath;

/**
 * Sealed bids through the API on PostgreSQL, with envelopes sealed by the envelope library and SM2 keys and
 * certificates made by OpenSSL: a good bid is stored and receipted (the receipt verifies, its files check with
 * OpenSSL), a retry gets the same receipt, a bid can be withdrawn and submitted again; late, duplicate, unsigned,
 * altered, unbound, wrong-section, truncated and malformed envelopes, a bid without security and a blacklisted bidder
 * are each refused with their reason, audited, and leave neither row nor file.
 */
@PlatformTest
class BidsTests {

	private static final String PASSWORD = "Tendering-pass-2026";

	private static final String ID = "distid:1234567812345678";

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityRegistry registry;

	@Autowired
	EntityCertificates certificates;

	@Autowired
	TrustStore trustStore;

	@Autowired
	TenderDesk desk;

	@Autowired
	TenderDocuments documents;

	@Autowired
	OpeningKeys openingKeys;

	@Autowired
	Receipts receipts;

	@Autowired
	Blobs blobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@TempDir
	Path dir;

	String run;

	EntityView bidder;

	SectionView section;

	@BeforeEach
	void a_published_section_and_a_registered_bidder_with_a_bound_sm2_certificate() throws Exception {
		boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl"));
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		run = UUID.randomUUID().toString().substring(0, 8);
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=Bid Test CA " + run, "-days",
				"3650", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> trustStore.addCa(read("ca.pem")));
		bidder = approved("bdr", EntityRole.BIDDER);
		certificate("bidder", bidder.creditCode());
		certificate("stranger", TestActor.creditCode("500103"));
		TestActor.of("bdr." + run, Role.BIDDER, TestActor.CITY, false).run(() -> certificates.bind(read("bidder.pem")));
		section = published("0");
		TestActor.of("bdr." + run, Role.BIDDER, TestActor.CITY, false).run(() -> documents.registerInterest(section.id()));
	}

	@Test
	void a_sealed_bid_is_stored_and_receipted_a_retry_gets_the_same_receipt_and_it_can_be_withdrawn_and_resubmitted()
			throws Exception {
		Path envelope = seal(section, "bidder", section.tradeCode().value(), "1000000.00");
		byte[] receipt = submit(section, envelope, "key-one-" + run).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.format").value("yiwang-receipt"))
			.andReturn().getResponse().getContentAsByteArray();
		SignedReceipt parsed = SignedReceipt.parse(receipt);
		assertThat(receipts.verify(parsed)).isTrue();
		String statement = new String(parsed.statement(), StandardCharsets.UTF_8);
		assertThat(statement).contains("tradeCode=" + section.tradeCode(), "sha256=" + TenderingTests.hex("SHA-256",
				Files.readAllBytes(envelope)), "sm3=" + TenderingTests.sm3(Files.readAllBytes(envelope)),
				"bidder=" + bidder.name());
		String bidId = statement.replaceAll("(?s).*\nbid=([0-9a-f-]{36})\n.*", "$1");
		assertThat(Files.exists(blobs.path(TenderingTests.hex("SHA-256", Files.readAllBytes(envelope))))).isTrue();

		// the same key and envelope again (here as a plain body, what the bid tool sends): the same receipt; the same
		// key with another envelope: refused
		byte[] again = submitPlain(section, Files.readAllBytes(envelope), "key-one-" + run).andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse().getContentAsByteArray();
		assertThat(again).isEqualTo(receipt);
		Path other = seal(section, "bidder", section.tradeCode().value(), "999999.00");
		submit(section, other, "key-one-" + run).andExpect(status().isConflict());
		// a second bid while the first stands is a duplicate
		submit(section, other, "key-two-" + run).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("请先撤回")));

		// the receipt as files OpenSSL checks
		byte[] zip = mvc.perform(get("/api/tendering/bids/" + bidId + "/receipt.zip").with(bidder()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		unzip(zip);
		openssl("x509", "-in", "yiwang-platform-sm2.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		assertThat(openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", ID, "-signature", "sth.sig", "sth.txt"))
			.contains("Verified OK");
		assertThat(openssl("ts", "-verify", "-data", "sth.txt", "-in", "sth.tsr", "-token_in", "-CAfile",
				"yiwang-platform-root-ca.pem")).contains("Verification: OK");
		mvc.perform(get("/api/tendering/bids/" + bidId + "/receipt").with(bidder())).andExpect(status().isOk());
		// evidence: regulators only, after opening
		mvc.perform(get("/api/tendering/bids/" + bidId + "/evidence").with(authentication(TestActor.regulator()
			.authentication()))).andExpect(status().isConflict());

		mvc.perform(post("/api/tendering/bids/" + bidId + "/withdrawal").with(bidder())).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));
		submit(section, other, "key-three-" + run).andExpect(status().isCreated());
		assertThat(count("select count(*) from tendering.bids where section_id = ? and status = 'RECEIPTED'")).isEqualTo(1);
		assertThat(audited("tendering.bid.sealed")).isEqualTo(2);
		assertThat(audited("tendering.bid.withdrawn")).isEqualTo(1);
	}

	@Test
	void bad_envelopes_are_refused_with_their_reason_audited_and_leave_neither_row_nor_file() throws Exception {
		Path good = seal(section, "bidder", section.tradeCode().value(), "1000000.00");
		byte[] bytes = Files.readAllBytes(good);
		long temporary = temporaryFiles();

		byte[] altered = bytes.clone();
		altered[bytes.length / 2] ^= 1;
		refused(section, "altered.ywenv", altered, 400, "pki.envelope.signatureMismatch");
		refused(section, "truncated.ywenv", Arrays.copyOf(bytes, bytes.length - 100), 400, "pki.envelope.truncated");
		// as a plain body too: truncated, and nothing at all
		submitPlain(section, Arrays.copyOf(bytes, bytes.length - 100), "bad-" + UUID.randomUUID())
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("不完整")));
		submitPlain(section, new byte[0], "bad-" + UUID.randomUUID()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("投标文件是空的")));
		refused(section, "unsigned.ywenv", unsigned(bytes, signatureLength(bytes)), 400, "pki.envelope.unsigned");
		refused(section, "malformed.ywenv", "这不是投标文件".repeat(100).getBytes(StandardCharsets.UTF_8), 400,
				"pki.envelope.notAnEnvelope");
		refused(section, "unbound.ywenv", Files.readAllBytes(seal(section, "stranger", section.tradeCode().value(),
				"1.00")), 400, "tendering.bid.signerNotBound");
		refused(section, "wrong-section.ywenv", Files.readAllBytes(seal(section, "bidder", "CQ-500103-2026-999999",
				"1.00")), 400, "tendering.bid.wrongSection");
		SectionView other = published("0");
		refused(section, "other-key.ywenv", Files.readAllBytes(seal(other, "bidder", section.tradeCode().value(),
				"1.00")), 400, "pki.envelope.notSealedToOpeningKey");

		SectionView secured = published("20000.00");
		TestActor.of("bdr." + run, Role.BIDDER, TestActor.CITY, false).run(() -> documents.registerInterest(secured.id()));
		refused(secured, "no-security.ywenv", Files.readAllBytes(seal(secured, "bidder", secured.tradeCode().value(),
				"1.00")), 409, "tendering.bid.noSecurity");

		LocalDate today = LocalDate.now(clock.withZone(ProcedureClock.CHINA));
		TestActor.cityStaff().run(() -> registry.recordCredit(bidder.id(), new NewCreditRecord(CreditKind.BLACKLIST,
				"串通投标", "处罚决定书", Set.of("500103"), Set.of(), today, today.plusYears(1))));
		refused(section, "barred.ywenv", bytes, 409, "tendering.bidder.barred");

		assertThat(count("select count(*) from tendering.bids where bidder_id = ?", bidder.id().value())).isZero();
		assertThat(temporaryFiles()).isEqualTo(temporary);
		assertThat(Files.exists(blobs.path(TenderingTests.hex("SHA-256", bytes)))).isFalse();
		assertThat(audited("tendering.bid.refused")).isEqualTo(10);
	}

	@Test
	void a_bid_whose_price_sheet_names_another_bidder_is_refused_at_submission_before_it_is_stored() throws Exception {
		Path envelope = seal(section, "bidder", section.tradeCode().value(), "1000000.00", "重庆某某其他建设有限公司");
		byte[] bytes = Files.readAllBytes(envelope);
		long temporary = temporaryFiles();
		submit(section, envelope, "other-sheet-" + run).andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.errors[0].field").value("envelope"))
			.andExpect(jsonPath("$.detail").value(containsString("重庆某某其他建设有限公司")))
			.andExpect(jsonPath("$.detail").value(containsString(bidder.name())));
		mvc.perform(post("/api/tendering/sections/" + section.id() + "/bids").with(bidder())
			.header("Idempotency-Key", "other-sheet-en-" + run).header("Accept-Language", "en")
			.contentType("application/octet-stream").content(bytes))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("price sheet names")));
		assertThat(count("select count(*) from tendering.bids where bidder_id = ?", bidder.id().value())).isZero();
		assertThat(Files.exists(blobs.path(TenderingTests.hex("SHA-256", bytes)))).isFalse();
		assertThat(temporaryFiles()).isEqualTo(temporary);
		assertThat(audited("tendering.bid.refused")).isEqualTo(2);
	}

	@Test
	void a_bid_after_the_deadline_is_refused_and_logged_and_nothing_is_kept() throws Exception {
		Path envelope = seal(section, "bidder", section.tradeCode().value(), "1000000.00");
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc
			.sql("update tendering.sections set bid_deadline = ?, documents_until = ? where id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minusMillis(1)),
					java.sql.Timestamp.from(clock.instant().minusMillis(1)), section.id().value())
			.update()));
		submit(section, envelope, "late-" + run).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已过")));
		assertThat(count("select count(*) from tendering.bids where section_id = ?", section.id().value())).isZero();
		assertThat(audited("tendering.bid.refused")).isEqualTo(1);
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private void refused(SectionView to, String name, byte[] envelope, int status, String reasonKey) throws Exception {
		Path file = Files.write(dir.resolve(name), envelope);
		submit(to, file, "bad-" + UUID.randomUUID()).andExpect(status().is(status));
		long logged = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from audit.entries where action = 'tendering.bid.refused' and payload::text like ?")
			.param("%" + reasonKey + "%").query(Long.class).single()));
		assertThat(logged).as("audited with its reason " + reasonKey).isPositive();
	}

	private ResultActions submit(SectionView to, Path envelope, String key) throws Exception {
		return mvc.perform(post("/api/tendering/sections/" + to.id() + "/bids").with(bidder())
			.header("Idempotency-Key", key).contentType("multipart/form-data; boundary=" + TenderingTests.BOUNDARY)
			.content(multipart(Files.readAllBytes(envelope))));
	}

	private ResultActions submitPlain(SectionView to, byte[] envelope, String key) throws Exception {
		return mvc.perform(post("/api/tendering/sections/" + to.id() + "/bids").with(bidder())
			.header("Idempotency-Key", key).contentType("application/octet-stream").content(envelope));
	}

	private static byte[] multipart(byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + TenderingTests.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"envelope\"; "
				+ "filename=\"bid.ywenv\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + TenderingTests.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	/** The envelope with its signature length set to zero and the signature removed. */
	private static byte[] unsigned(byte[] bytes, int signatureLength) {
		byte[] without = Arrays.copyOf(bytes, bytes.length - signatureLength);
		without[without.length - 2] = 0;
		without[without.length - 1] = 0;
		return without;
	}

	/** Finds S: the two bytes before the last S bytes read S. */
	private static int signatureLength(byte[] bytes) {
		for (int s = 1; s <= 1024 && s + 2 <= bytes.length; s++) {
			int at = bytes.length - s - 2;
			if (((bytes[at] & 0xff) << 8 | (bytes[at + 1] & 0xff)) == s) {
				return s;
			}
		}
		throw new IllegalStateException("no signature length found");
	}

	private Path seal(SectionView to, String signer, String tradeCode, String price) throws Exception {
		return seal(to, signer, tradeCode, price, bidder.name());
	}

	private Path seal(SectionView to, String signer, String tradeCode, String price, String sheetBidder)
			throws Exception {
		Path document = Files.write(dir.resolve(signer + "-技术标-" + UUID.randomUUID() + ".pdf"), new byte[50_000]);
		Path openingKey = Files.writeString(dir.resolve("opening-" + to.id() + ".pem"),
				openingKeys.find(to.openingKey()).orElseThrow().publicKeyPem());
		Path envelope = dir.resolve(signer + "-" + UUID.randomUUID() + ".ywenv");
		EnvelopeWriter.seal(new EnvelopeWriter.Request(tradeCode,
				new PriceSheet(sheetBidder, tradeCode, new BigDecimal(price), 90, "合格", List.of()), List.of(document),
				Pem.privateKey(dir.resolve(signer + ".key")), Pem.certificate(dir.resolve(signer + ".pem")),
				Pem.publicKey(openingKey), null, ContentCipher.SM4_GCM, 0, MachineFingerprint.of(Map.of("mac", run)), null),
				envelope);
		return envelope;
	}

	private SectionView published(String security) throws Exception {
		EntityView tenderer = approved("tdr" + UUID.randomUUID().toString().substring(0, 4), EntityRole.TENDERER);
		String user = registryUser(tenderer);
		TestActor party = TestActor.of(user, Role.TENDERER, TestActor.CITY, false);
		SectionView registered = party.call(() -> desk.registerTender(new NewTender("投标测试项目" + run, null,
				"投标测试招标" + run, null, new SectionDetails("一标段", "500103", "ENG_BUILDING", new BigDecimal("1000000"),
						new BigDecimal(security), 60, List.of()), ExampleFacts.works())));
		SectionView approved = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.approve(registered.id(), registered.version()));
		party.run(() -> documents.upload(approved.id(), "文件.txt", "text/plain",
				new ByteArrayInputStream("招标文件".getBytes(StandardCharsets.UTF_8))));
		DocumentSigner.signAll(desk, documents, certificates, party, approved.id());
		Instant now = clock.instant();
		SectionView drafted = party.call(() -> desk.submitNotice(approved.id(), new NoticeDraft("投标测试公告", "正文", now,
				now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25)), true)));
		return TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.publish(drafted.id(), drafted.version()));
	}

	private final Map<String, String> users = new java.util.HashMap<>();

	private String registryUser(EntityView entity) {
		return users.get(entity.id().toString());
	}

	private EntityView approved(String prefix, EntityRole role) {
		String user = prefix + "." + run;
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, prefix + "投标公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", TestActor.YUZHONG,
				Set.of(role), user, PASSWORD));
		users.put(registered.id().toString(), user);
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	private RequestPostProcessor bidder() {
		return authentication(TestActor.of("bdr." + run, Role.BIDDER, TestActor.CITY, false).authentication());
	}

	private void certificate(String name, String creditCode) {
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", name + ".ec");
		openssl("pkcs8", "-topk8", "-nocrypt", "-in", name + ".ec", "-out", name + ".key");
		openssl("req", "-new", "-key", name + ".key", "-sm3", "-sigopt", ID, "-subj",
				"/CN=" + name + " " + run + "/serialNumber=" + creditCode, "-out", name + ".csr");
		openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID,
				"-vfyopt", ID, "-days", "3650", "-out", name + ".pem", "-CAcreateserial");
	}

	private void unzip(byte[] zip) throws Exception {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				Files.write(dir.resolve(entry.getName()), in.readAllBytes());
			}
		}
	}

	private byte[] read(String name) {
		try {
			return Files.readAllBytes(dir.resolve(name));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private long count(String sql) {
		return count(sql, section.id().value());
	}

	private long count(String sql, UUID id) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc.sql(sql).param(id).query(Long.class)
			.single()));
	}

	private long audited(String action) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from audit.entries where action = ? and (target = ? or payload::text like ?)")
			.params(action, "section:" + section.id(), "%" + section.id() + "%").query(Long.class).single()));
	}

	private long temporaryFiles() throws Exception {
		Path tmp = blobs.root().resolve("tmp");
		if (!Files.isDirectory(tmp)) {
			return 0;
		}
		try (var files = Files.list(tmp)) {
			return files.count();
		}
	}

	private String openssl(String... args) {
		try {
			List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
			command.addAll(List.of(args));
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			byte[] output = process.getInputStream().readAllBytes();
			process.waitFor(60, TimeUnit.SECONDS);
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
