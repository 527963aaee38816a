package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.TestActor;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.KeyWrap;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.envelope.VerifiedEnvelope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyCustodians;
import org.yiwang.pki.OpeningKeyView;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.RegionScopes;

/**
 * What opening tests need, on the real platform: a CA and SM2 certificates from OpenSSL, approved bidders bound to
 * them, a published section, envelopes sealed with the envelope library as the bid tool seals them, bids submitted
 * through the bid box, the clock moved past the deadline (by moving the deadline), and the custodians' demo keys.
 */
final class OpeningFixture {

	static final String PASSWORD = "Opening-pass-2026";

	static final String ID = "distid:1234567812345678";

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final Path dir;

	final Beans beans;

	final Map<String, EntityView> bidders = new HashMap<>();

	record Beans(EntityRegistry registry, EntityCertificates certificates, TrustStore trustStore, TenderDesk desk,
			TenderDocuments documents, BidBox bids, OpeningKeys openingKeys, KeyCustodians custodians, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {

		/** The beans from a test's application context. */
		static Beans of(ApplicationContext context) {
			return new Beans(context.getBean(EntityRegistry.class), context.getBean(EntityCertificates.class),
					context.getBean(TrustStore.class), context.getBean(TenderDesk.class),
					context.getBean(TenderDocuments.class), context.getBean(BidBox.class),
					context.getBean(OpeningKeys.class), context.getBean(KeyCustodians.class),
					context.getBean(JdbcClient.class), context.getBean(TransactionTemplate.class),
					context.getBean(Clock.class));
		}
	}

	OpeningFixture(Path dir, Beans beans) {
		this.dir = dir;
		this.beans = beans;
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=Opening Test CA " + run,
				"-days", "3650", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> beans.trustStore().addCa(read("ca.pem")));
	}

	static boolean opensslInstalled() {
		return Files.isExecutable(Path.of("/usr/bin/openssl"));
	}

	/**
	 * An approved bidder with a bound SM2 certificate ({@code <name>.key}, {@code <name>.pem}); its member stated its
	 * own phone ({@link #PHONE}, reported with the bids it submits).
	 */
	EntityView bidder(String name) {
		EntityView bidder = approved(name, EntityRole.BIDDER);
		as(name).run(() -> beans.registry().stateMyPhone(PHONE));
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", name + ".ec");
		openssl("pkcs8", "-topk8", "-nocrypt", "-in", name + ".ec", "-out", name + ".key");
		openssl("req", "-new", "-key", name + ".key", "-sm3", "-sigopt", ID, "-subj",
				"/CN=" + name + " " + run + "/serialNumber=" + bidder.creditCode(), "-out", name + ".csr");
		openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID,
				"-vfyopt", ID, "-days", "3650", "-out", name + ".pem", "-CAcreateserial");
		as(name).run(() -> beans.certificates().bind(read(name + ".pem")));
		bidders.put(name, bidder);
		return bidder;
	}

	/** The phone every bidder's member states for itself. */
	static final String PHONE = "138-0013-8000";

	TestActor as(String name) {
		return TestActor.of(name + "." + run, Role.BIDDER, TestActor.CITY, false);
	}

	EntityView approved(String name, EntityRole role) {
		EntityView registered = beans.registry().register(new Registration(EntityKind.ORGANIZATION,
				name + "开标公司" + run, TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150",
				TestActor.YUZHONG, Set.of(role), name + "." + run, PASSWORD));
		return TestActor.cityStaff().call(() -> beans.registry().approve(registered.id(), registered.version()));
	}

	/** The tenderer of the sections this fixture publishes. */
	TestActor tenderer() {
		return TestActor.of("tdr." + run, Role.TENDERER, TestActor.CITY, false);
	}

	private EntityView tendererEntity;

	SectionView published(String security) {
		return publishNotice(drafted(security).id());
	}

	/** The tenderer's entity, approved on first use. */
	EntityView tendererEntity() {
		if (tendererEntity == null) {
			tendererEntity = approved("tdr", EntityRole.TENDERER);
		}
		return tendererEntity;
	}

	/** The tender document every section of this fixture gets: {@code 文件.txt}. */
	static final byte[] DOCUMENT = "招标文件".getBytes(StandardCharsets.UTF_8);

	/** A section registered and approved, its document uploaded, its notice not yet submitted. */
	SectionView drafted(String security) {
		tendererEntity();
		SectionView registered = tenderer().call(() -> beans.desk().registerTender(new NewTender("开标测试项目" + run, null,
				"开标测试招标" + run, null, new SectionDetails("一标段", "500103", "ENG_BUILDING", new BigDecimal("1000000"),
						new BigDecimal(security), 60, List.of()), ExampleFacts.works())));
		SectionView approved = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> beans.desk().approve(registered.id(), registered.version()));
		tenderer().run(() -> beans.documents().upload(approved.id(), "文件.txt", "text/plain",
				new ByteArrayInputStream(DOCUMENT)));
		return approved;
	}

	/** An SM2 certificate bound to the tenderer ({@code tdr.key}, {@code tdr.pem}). */
	void tendererCertificate() {
		EntityView tenderer = tendererEntity();
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "tdr.ec");
		openssl("pkcs8", "-topk8", "-nocrypt", "-in", "tdr.ec", "-out", "tdr.key");
		openssl("req", "-new", "-key", "tdr.key", "-sm3", "-sigopt", ID, "-subj",
				"/CN=tdr " + run + "/serialNumber=" + tenderer.creditCode(), "-out", "tdr.csr");
		openssl("x509", "-req", "-in", "tdr.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID,
				"-vfyopt", ID, "-days", "3650", "-out", "tdr.pem", "-CAcreateserial");
		tenderer().run(() -> beans.certificates().bind(read("tdr.pem")));
	}

	/**
	 * Signs each document of the section not yet signed with the tenderer's key ({@code tdr.key}, made and bound on
	 * first use) by OpenSSL, as the tenderer would before submitting the notice.
	 */
	void signDocuments(SectionId id) {
		if (!Files.exists(dir.resolve("tdr.pem"))) {
			tendererCertificate();
		}
		for (DocumentView document : tenderer().call(() -> beans.desk().dossier(id)).documents()) {
			if (document.signed()) {
				continue;
			}
			String file = "document-" + document.id();
			try (var in = tenderer().call(() -> beans.documents().download(document.id())).content().get()) {
				Files.write(dir.resolve(file), in.readAllBytes());
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			openssl("dgst", "-sm3", "-sign", "tdr.key", "-sigopt", ID, "-out", file + ".sig", file);
			tenderer().run(() -> beans.documents().sign(document.id(), read(file + ".sig"), read("tdr.pem"), null));
		}
	}

	/** Drafts and publishes the notice of a registered (or re-tendered) section: a deadline 25 days ahead. */
	SectionView publishNotice(SectionId id) {
		signDocuments(id);
		Instant now = beans.clock().instant();
		SectionView drafted = tenderer().call(() -> beans.desk().submitNotice(id, new NoticeDraft("开标测试公告", "正文",
				now, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25)), true)));
		return TestActor.districtStaff(TestActor.YUZHONG).call(() -> beans.desk().publish(drafted.id(), drafted.version()));
	}

	/** The bidder registers, seals (SM4-GCM, one document) with the envelope library and submits; the envelope file. */
	Path bid(SectionView section, String name, String price) throws Exception {
		as(name).run(() -> beans.documents().registerInterest(section.id()));
		Path envelope = seal(section, name, price);
		as(name).run(() -> {
			try (var in = Files.newInputStream(envelope)) {
				beans.bids().submit(section.id(), "key-" + UUID.randomUUID(), "127.0.0.1", "test", in);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		return envelope;
	}

	Path seal(SectionView section, String name, String price) throws Exception {
		Path document = Files.write(dir.resolve(name + "-技术标-" + UUID.randomUUID() + ".pdf"),
				("技术标 " + name).repeat(5000).getBytes(StandardCharsets.UTF_8));
		Path openingKey = Files.writeString(dir.resolve("opening-" + UUID.randomUUID() + ".pem"),
				beans.openingKeys().find(section.openingKey()).orElseThrow().publicKeyPem());
		Path envelope = dir.resolve(name + "-" + UUID.randomUUID() + ".ywenv");
		String code = section.tradeCode().value();
		EnvelopeWriter.seal(new EnvelopeWriter.Request(code,
				new PriceSheet(bidders.get(name).name(), code, new BigDecimal(price), 90, "合格",
						List.of(new PriceSheet.Item("项目经理", "王五"))),
				List.of(document), Pem.privateKey(dir.resolve(name + ".key")), Pem.certificate(dir.resolve(name + ".pem")),
				Pem.publicKey(openingKey), null, ContentCipher.SM4_GCM, 0, MachineFingerprint.of(Map.of("mac", name + run)),
				null), envelope);
		return envelope;
	}

	/** What {@code bidtool unwrap --print-key} prints as the content key: base64. */
	String contentKey(Path envelope, String name) throws Exception {
		VerifiedEnvelope verified = EnvelopeReader.verify(envelope);
		byte[] key = EnvelopeReader.contentKey(verified.header(), Pem.privateKey(dir.resolve(name + ".key")),
				Pem.certificate(dir.resolve(name + ".pem")).getPublicKey());
		return Base64.getEncoder().encodeToString(key);
	}

	/** The bid deadline (and documents period) moved into the past, as if the clock had passed it. */
	void deadlinePassed(SectionView section, Duration ago) {
		Instant then = beans.clock().instant().minus(ago);
		platform(() -> beans.jdbc().sql("update tendering.sections set bid_deadline = ?, documents_until = ? where id = ?")
			.params(Timestamp.from(then), Timestamp.from(then.minusSeconds(1)), section.id().value()).update());
	}

	/** The decryption window of the section's current opening ended. */
	void windowOver(SectionView section) {
		platform(() -> beans.jdbc().sql("update tendering.openings set decryption_until = ? where section_id = ? "
				+ "and outcome = 'OPENING'").params(Timestamp.from(beans.clock().instant().minusMillis(1)),
						section.id().value()).update());
	}

	/** A custodian's encrypted share as the hall shows it, decrypted as {@code bidtool unwrap-share} does. */
	String decryptedShare(String custodian, String encryptedShare) throws Exception {
		IssuedCredentials credentials = TestActor.of(custodian, Role.CENTER_STAFF, TestActor.CITY, true)
			.call(() -> beans.custodians().demoKey());
		Path key = Files.writeString(dir.resolve(custodian + "-custodian.key"), credentials.privateKeyPem());
		Path cert = Files.writeString(dir.resolve(custodian + "-custodian.pem"), credentials.certificatePem());
		byte[] share = KeyWrap.unwrap(KeyWrap.algorithmFor(Pem.certificate(cert).getPublicKey()), Pem.privateKey(key),
				Base64.getDecoder().decode(encryptedShare));
		return Base64.getEncoder().encodeToString(share);
	}

	OpeningKeyView.Share shareOf(SectionView section, String custodian) {
		return beans.openingKeys().find(section.openingKey()).orElseThrow().shares().stream()
			.filter(s -> s.custodian().equals(custodian)).findFirst().orElseThrow();
	}

	/**
	 * The bidder's signature (SM3withSM2, made by OpenSSL with its key) over the statement it confirms the opening
	 * record with, as the bid tool would make it.
	 */
	byte[] signConfirmation(String name, byte[] statement) {
		try {
			String file = "confirmation-" + name + "-" + UUID.randomUUID() + ".txt";
			Files.write(dir.resolve(file), statement);
			openssl("dgst", "-sm3", "-sign", name + ".key", "-sigopt", ID, "-out", file + ".sig", file);
			return read(file + ".sig");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	long count(String sql, Object... params) {
		return platform(() -> beans.jdbc().sql(sql).params(params).query(Long.class).single());
	}

	<T> T platform(java.util.function.Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> beans.transactions().execute(s -> work.get()));
	}

	byte[] read(String name) {
		try {
			return Files.readAllBytes(dir.resolve(name));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	String openssl(String... args) {
		List<String> command = new ArrayList<>();
		command.add("/usr/bin/openssl");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("openssl %s: %s", String.join(" ", args), out).isZero();
			return out;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
