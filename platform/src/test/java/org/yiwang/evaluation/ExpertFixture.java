package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.NewTender;
import org.yiwang.tendering.NoticeDraft;
import org.yiwang.tendering.SectionDetails;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

/**
 * What the pool and draw tests share: an SM2 CA made by OpenSSL and trusted, expert certificates and signatures made
 * by OpenSSL, experts registered through the pool, and a section whose bid deadline has passed.
 */
final class ExpertFixture {

	static final String DISTID = "distid:1234567812345678";

	static final String PASSWORD = "Fixture2026pw";

	final Path dir;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	private final ExpertPool pool;

	private int serial;

	ExpertFixture(Path dir, TrustStore trustStore, ExpertPool pool) {
		this.dir = dir;
		this.pool = pool;
		boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl"));
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		openssl("genpkey", "-algorithm", "SM2", "-out", "ca.key");
		openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", DISTID, "-subj", "/CN=Expert Test CA " + run,
				"-days", "3650", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> trustStore.addCa(read("ca.pem")));
	}

	/** An SM2 key {@code name.key} and its certificate {@code name.pem} from the test CA (or expired when asked). */
	byte[] certificate(String name, boolean expired) {
		openssl("genpkey", "-algorithm", "SM2", "-out", name + ".key");
		openssl("req", "-new", "-key", name + ".key", "-sm3", "-sigopt", DISTID, "-subj", "/CN=" + name + " " + run,
				"-out", name + ".csr");
		write(name + ".ext", "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n");
		ca();
		List<String> sign = new ArrayList<>(List.of("ca", "-batch", "-config", "ca.cnf", "-in", name + ".csr", "-out",
				name + ".pem", "-extfile", name + ".ext", "-notext", "-sigopt", DISTID, "-vfyopt", DISTID));
		if (expired) {
			sign.addAll(List.of("-startdate", "20240101000000Z", "-enddate", "20240201000000Z"));
		}
		openssl(sign.toArray(String[]::new));
		return read(name + ".pem");
	}

	/** A CRL of the test CA revoking the certificate. */
	byte[] revoke(String name) {
		openssl("ca", "-config", "ca.cnf", "-revoke", name + ".pem", "-crl_reason", "keyCompromise");
		openssl("ca", "-config", "ca.cnf", "-gencrl", "-out", "crl.pem", "-sigopt", DISTID);
		return read("crl.pem");
	}

	/** The detached signature {@code openssl dgst -sm3 -sign key -sigopt distid:…} over the bytes. */
	byte[] sign(String key, byte[] content) {
		String file = "content-" + (++serial);
		try {
			Files.write(dir.resolve(file), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		openssl("dgst", "-sm3", "-sign", key + ".key", "-sigopt", DISTID, "-out", file + ".sig", file);
		return read(file + ".sig");
	}

	/** Registers an expert as city staff, with a bound certificate {@code <username>.pem}. */
	ExpertView expert(String username, String name, String region, Set<String> specialties, String employerCode) {
		byte[] certificate = certificate(username, false);
		ExpertView expert = TestActor.cityStaff().call(() -> pool.register(new NewExpert(username, name,
				idNumber(region), "023-60001234", region, "测试单位" + run, employerCode, specialties)));
		return TestActor.cityStaff().call(() -> pool.bindCertificate(expert.id(), certificate));
	}

	/**
	 * A fresh valid resident ID number under the region: a random birthday in 1960–1999 and sequence, about 14 million
	 * numbers per region, so the experts of every test in the shared database do not collide.
	 */
	static String idNumber(String region) {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		java.time.LocalDate birthday = java.time.LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
		String first17 = region + birthday.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", random.nextInt(1000));
		return first17 + ExpertPool.checkCharacter(first17);
	}

	/** A published section in Yuzhong whose bid deadline has just passed; its tenderer is returned too. */
	static SectionView closedSection(TenderDesk desk, TenderDocuments documents,
			org.yiwang.registry.EntityCertificates certificates, EntityRegistry registry,
			JdbcClient jdbc, TransactionTemplate transactions, java.time.Clock clock, String run, String tendererUser,
			EntityView tenderer) {
		TestActor party = TestActor.of(tendererUser, Role.TENDERER, TestActor.CITY, false);
		SectionView registered = party.call(() -> desk.registerTender(new NewTender("抽取测试项目" + run, null,
				"抽取测试招标" + run, null, new SectionDetails("一标段", "500103", "ENG_BUILDING", new BigDecimal("1000000"),
						new BigDecimal("0"), 60, List.of()), org.yiwang.tendering.ExampleFacts.works())));
		SectionView approved = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.approve(registered.id(), registered.version()));
		party.run(() -> documents.upload(approved.id(), "文件.txt", "text/plain",
				new ByteArrayInputStream("招标文件".getBytes(StandardCharsets.UTF_8))));
		org.yiwang.tendering.DocumentSigner.signAll(desk, documents, certificates, party, approved.id());
		Instant now = clock.instant();
		SectionView drafted = party.call(() -> desk.submitNotice(approved.id(), new NoticeDraft("抽取测试公告", "正文",
				now, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25)), true)));
		SectionView published = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.publish(drafted.id(), drafted.version()));
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc
			.sql("update tendering.sections set bid_deadline = ?, documents_until = ? where id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minusMillis(1)),
					java.sql.Timestamp.from(clock.instant().minusMillis(1)), published.id().value())
			.update()));
		return published;
	}

	static EntityView approvedTenderer(EntityRegistry registry, String user) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, "抽取测试招标人" + user,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", TestActor.YUZHONG,
				Set.of(EntityRole.TENDERER), user, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	private void ca() {
		if (Files.exists(dir.resolve("ca.cnf"))) {
			return;
		}
		write("index.txt", "");
		write("crlnumber", "01\n");
		write("serial", "1000\n");
		write("ca.cnf", "[ ca ]\ndefault_ca = test\n[ test ]\ndatabase = index.txt\ncrlnumber = crlnumber\n"
				+ "serial = serial\nnew_certs_dir = .\ncertificate = ca.pem\nprivate_key = ca.key\ndefault_md = sm3\n"
				+ "default_days = 3650\ndefault_crl_days = 7\npolicy = any\nunique_subject = no\n[ any ]\ncommonName = supplied\n");
	}

	private void write(String file, String content) {
		try {
			Files.writeString(dir.resolve(file), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] read(String file) {
		try {
			return Files.readAllBytes(dir.resolve(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void openssl(String... args) {
		List<String> command = new ArrayList<>();
		command.add("/usr/bin/openssl");
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("openssl %s%n%s", String.join(" ", args), output).isZero();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
