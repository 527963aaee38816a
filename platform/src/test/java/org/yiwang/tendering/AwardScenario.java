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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.RegionScopes;

/**
 * A section of 渝中区 taken to the end of its opening, as the opening (another part of the platform) leaves it: a
 * published tender with three standing bids, moved to OPENED in the database; then the evaluation report the evaluation
 * module would publish. The tenderer and the bidders are real registry entities with SM2 certificates made by
 * OpenSSL and bound to them, so they can sign what the platform shows them.
 */
final class AwardScenario {

	static final String PASSWORD = "Award-pass-2026";

	static final String ID = "distid:1234567812345678";

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final Path dir;

	final EntityView tenderer;

	final EntityView first;

	final EntityView second;

	final EntityView third;

	final EntityView stranger;

	final SectionView section;

	private final ApplicationContext context;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AwardScenario(ApplicationContext context, Path dir, String security) {
		this(context, dir, security, List.of());
	}

	/** A section requiring {@code qualifications}, which every bidder holds (valid a year either side of today). */
	AwardScenario(ApplicationContext context, Path dir, String security, List<String> qualifications) {
		this.context = context;
		this.dir = dir;
		this.jdbc = context.getBean(JdbcClient.class);
		this.transactions = context.getBean(TransactionTemplate.class);
		this.clock = context.getBean(Clock.class);
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=Award Test CA " + run,
				"-days", "3650", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> context.getBean(TrustStore.class).addCa(read("ca.pem")));
		tenderer = entity("tdr", "招标人", EntityRole.TENDERER);
		first = entity("b1", "第一投标", EntityRole.BIDDER);
		second = entity("b2", "第二投标", EntityRole.BIDDER);
		third = entity("b3", "第三投标", EntityRole.BIDDER);
		stranger = entity("b4", "局外投标", EntityRole.BIDDER);
		java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(ProcedureClock.CHINA));
		for (EntityView bidder : List.of(first, second, third, stranger)) {
			for (String q : qualifications) {
				bidder(bidder).run(() -> context.getBean(EntityRegistry.class).addQualification(
						new org.yiwang.registry.NewQualification(q, "一级", "D" + Math.abs((q + bidder.id()).hashCode()),
								"重庆市住房和城乡建设委员会", today.minusYears(1), today.plusYears(1))));
			}
		}
		section = opened(security, qualifications);
	}

	// ---- actors ------------------------------------------------------------------------------------------------

	String user(String prefix) {
		return prefix + "." + run;
	}

	TestActor tendererActor() {
		return TestActor.of(user("tdr"), Role.TENDERER, TestActor.CITY, false);
	}

	TestActor bidder(EntityView bidder) {
		String prefix = bidder == first ? "b1" : bidder == second ? "b2" : bidder == third ? "b3" : "b4";
		return TestActor.of(user(prefix), Role.BIDDER, TestActor.CITY, false);
	}

	// ---- the section -----------------------------------------------------------------------------------------

	private EntityView entity(String prefix, String name, EntityRole role) {
		EntityRegistry registry = context.getBean(EntityRegistry.class);
		String code = TestActor.creditCode("500103");
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name + "有限公司" + run, code,
				null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", TestActor.YUZHONG, Set.of(role), user(prefix), PASSWORD));
		EntityView approved = TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", prefix + ".ec");
		openssl("pkcs8", "-topk8", "-nocrypt", "-in", prefix + ".ec", "-out", prefix + ".key");
		openssl("req", "-new", "-key", prefix + ".key", "-sm3", "-sigopt", ID, "-subj",
				"/CN=" + prefix + " " + run + "/serialNumber=" + code, "-out", prefix + ".csr");
		openssl("x509", "-req", "-in", prefix + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID,
				"-vfyopt", ID, "-days", "3650", "-out", prefix + ".pem", "-CAcreateserial");
		Role acting = role == EntityRole.TENDERER ? Role.TENDERER : Role.BIDDER;
		TestActor.of(user(prefix), acting, TestActor.CITY, false)
			.run(() -> context.getBean(EntityCertificates.class).bind(read(prefix + ".pem")));
		return approved;
	}

	/** Published through the desk, then (as the opening would) three standing bids and status OPENED. */
	private SectionView opened(String security, List<String> qualifications) {
		TenderDesk desk = context.getBean(TenderDesk.class);
		TestActor party = tendererActor();
		SectionView registered = party.call(() -> desk.registerTender(new NewTender("授标测试项目" + run, null,
				"授标测试招标" + run, null, new SectionDetails("一标段", "500103", "ENG_BUILDING", new BigDecimal("1000000"),
						new BigDecimal(security), 60, qualifications), ExampleFacts.works())));
		SectionView approved = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.approve(registered.id(), registered.version()));
		party.run(() -> context.getBean(TenderDocuments.class).upload(approved.id(), "文件.txt", "text/plain",
				new ByteArrayInputStream("招标文件".getBytes(StandardCharsets.UTF_8))));
		DocumentSigner.signAll(context, party, approved.id());
		Instant now = clock.instant();
		SectionView drafted = party.call(() -> desk.submitNotice(approved.id(), new NoticeDraft("授标测试公告", "正文", now,
				now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25)), true)));
		SectionView published = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.publish(drafted.id(), drafted.version()));
		platform(() -> {
			for (EntityView bidder : List.of(first, second, third)) {
				jdbc.sql("""
						insert into tendering.bids (id, section_id, region_code, trade_code, bidder_id, bidder_name,
						  bidder_credit_code, sha256, sm3, size, signer_fingerprint, received_at, submitted_by,
						  idempotency_key, status, statement, receipt, receipted_at)
						values (?, ?, '500103', ?, ?, ?, ?, ?, ?, 1000, 'fixture', ?, ?, ?, 'RECEIPTED', ?, ?, ?)""")
					.params(UUID.randomUUID(), published.id().value(), published.tradeCode().value(), bidder.id().value(),
							bidder.name(), bidder.creditCode(), "a".repeat(64), "b".repeat(64), Timestamp.from(now),
							"fixture." + run, UUID.randomUUID().toString(), new byte[] { 1 }, new byte[] { 1 },
							Timestamp.from(now))
					.update();
			}
			return jdbc.sql("update tendering.sections set status = 'OPENED', opened_at = ? where id = ?")
				.params(Timestamp.from(now), published.id().value()).update();
		});
		return published;
	}

	/** The evaluation module's report, published in a transaction as it would be. */
	EvaluationReported report(List<EvaluationReported.Candidate> candidates) {
		EvaluationReported report = new EvaluationReported(new Actor("expert.leader", "EXPERT", TestActor.YUZHONG),
				section.id(), 1, section.region(), UUID.randomUUID(), "WEIGHTED_SCORING", candidates, "c".repeat(64),
				"/evaluation/reports/" + run + ".pdf", clock.instant());
		publish(report);
		return report;
	}

	void publish(EvaluationReported report) {
		platform(() -> {
			context.publishEvent(report);
			return null;
		});
	}

	List<EvaluationReported.Candidate> threeCandidates() {
		return List.of(candidate(1, first, "980000.00"), candidate(2, second, "990000.00"),
				candidate(3, third, "995000.00"));
	}

	static EvaluationReported.Candidate candidate(int rank, EntityView bidder, String price) {
		return new EvaluationReported.Candidate(rank, bidder.id(), bidder.name(), bidder.creditCode(), Money.of(price),
				new BigDecimal(100 - rank));
	}

	/** Waits (at most 20 s) for the asynchronous listeners to bring the section to a status. */
	void awaitStatus(SectionStatus status) {
		await(() -> status.name().equals(platform(() -> jdbc.sql("select status from tendering.sections where id = ?")
			.param(section.id().value()).query(String.class).single())), "section " + status);
	}

	static void await(Supplier<Boolean> condition, String what) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.get()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	<T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> work.get()));
	}

	long count(String sql, Object... params) {
		return platform(() -> jdbc.sql(sql).params(params).query(Long.class).single());
	}

	// ---- files and OpenSSL -------------------------------------------------------------------------------------

	byte[] read(String name) {
		try {
			return Files.readAllBytes(dir.resolve(name));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	Path write(String name, byte[] content) {
		try {
			return Files.write(dir.resolve(name), content);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** A detached SM2 signature over the file, as {@code bidtool sign} makes it. */
	byte[] sign(String keyPrefix, String file) {
		String out = openssl("dgst", "-sm3", "-sign", keyPrefix + ".key", "-sigopt", ID, "-out", file + "." + keyPrefix
				+ ".sig", file);
		assertThat(out).as("openssl dgst -sign").doesNotContain("error");
		return read(file + "." + keyPrefix + ".sig");
	}

	String openssl(String... args) {
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

	/** A small real PDF (one page, a line of text) with something of this run in it. */
	/** A summary of a contract's main content (合同主要内容), as the uploader states it. */
	static final String CONTRACT_SUMMARY = "道路改造工程施工合同：全部土建与排水工程，工期 365 日历天，质量合格，合同价款按中标价。";

	static byte[] contractPdf(String marker) {
		String stream = "BT /F1 12 Tf 72 720 Td (Contract " + marker + ") Tj ET";
		String[] objects = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" };
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.length; i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
		for (int offset : offsets) {
			pdf.append(String.format("%010d 00000 n \n", offset));
		}
		pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
			.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}
}
