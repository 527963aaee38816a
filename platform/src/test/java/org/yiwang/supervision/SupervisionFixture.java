package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.DocumentView;
import org.yiwang.tendering.NoticeDraft;
import org.yiwang.tendering.ProjectFacts;
import org.yiwang.tendering.SectionDetails;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;
import org.yiwang.tendering.NewTender;

/**
 * What supervision tests need, on the real platform through public APIs: a test CA made by OpenSSL and trusted, a
 * tenderer with a published works section in Yuzhong, a bidder, and regulators (with accounts that can sign in, and
 * SM2 keys and certificates for signing acts with OpenSSL).
 */
final class SupervisionFixture {

	static final String PASSWORD = "Supervise-pass-2026";

	static final String ID = "distid:1234567812345678";

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final Path dir;

	final ApplicationContext context;

	SupervisionFixture(Path dir, ApplicationContext context) {
		this.dir = dir;
		this.context = context;
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		// ten years: the shared context's adjustable clock may already stand months ahead of the real time OpenSSL uses
		openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=Supervision Test CA " + run,
				"-days", "3650", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> bean(TrustStore.class).addCa(read("ca.pem")));
	}

	static boolean opensslInstalled() {
		return Files.isExecutable(Path.of("/usr/bin/openssl"));
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	// ---- parties -------------------------------------------------------------------------------------------------

	TestActor member(String name, Role role) {
		return TestActor.of(name + "." + run, role, TestActor.CITY, false);
	}

	EntityView approved(String name, EntityRole role) {
		EntityRegistry registry = bean(EntityRegistry.class);
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name + "监管测试公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区",
				"150", TestActor.YUZHONG, Set.of(role), name + "." + run, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	/** A regulator of building works in the given scope (not a stored account: for service-level tests). */
	TestActor regulator(String name, String region, boolean cityWide, String... industries) {
		Set<CategoryCode> codes = new java.util.HashSet<>();
		for (String code : industries.length == 0 ? new String[] { "ENG_BUILDING" } : industries) {
			codes.add(CategoryCode.of(code));
		}
		return new TestActor(new Actor(name + "." + run, "REGULATOR", region), name, Set.of(Role.REGULATOR),
				cityWide ? RegionScope.wholeCity() : RegionScope.of(RegionCode.of(region)), codes);
	}

	/** A regulator account that signs in with {@link #PASSWORD}: building works, Yuzhong district. */
	String regulatorAccount(String name) {
		String username = name + "." + run;
		TestActor.admin().run(() -> bean(AccountManagement.class).create(new NewAccount(username, "住建监管" + name,
				AccountKind.PERSON, Set.of(Role.REGULATOR), TestActor.YUZHONG, false, Set.of("ENG_BUILDING"), PASSWORD)));
		return username;
	}

	/** An SM2 key and certificate ({@code <name>.key}, {@code <name>.pem}) issued by the test CA. */
	void certificate(String name) {
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", name + ".ec");
		openssl("pkcs8", "-topk8", "-nocrypt", "-in", name + ".ec", "-out", name + ".key");
		openssl("req", "-new", "-key", name + ".key", "-sm3", "-sigopt", ID, "-subj", "/CN=" + name + " " + run
				+ "/O=Supervision Tests", "-out", name + ".csr");
		openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID,
				"-vfyopt", ID, "-days", "3650", "-out", name + ".pem", "-CAcreateserial");
	}

	/** OpenSSL's raw SM2 signature by {@code name}'s key over the text. */
	byte[] sign(String name, String text) {
		String file = "text-" + UUID.randomUUID() + ".txt";
		write(file, text.getBytes(StandardCharsets.UTF_8));
		openssl("dgst", "-sm3", "-sign", name + ".key", "-sigopt", ID, "-out", file + ".sig", file);
		return read(file + ".sig");
	}

	// ---- a published section ----------------------------------------------------------------------------------

	private EntityView tenderer;

	TestActor tendererActor() {
		return member("tdr", Role.TENDERER);
	}

	/** A works section in Yuzhong, published, its deadline 25 days ahead; documents signed by the tenderer. */
	SectionView published() {
		return published(BigDecimal.ZERO);
	}

	/** The same, asking this bid security (yuan; the guarantee module then keeps a requirement for its trade). */
	SectionView published(BigDecimal security) {
		TenderDesk desk = bean(TenderDesk.class);
		TenderDocuments documents = bean(TenderDocuments.class);
		if (tenderer == null) {
			tenderer = approved("tdr", EntityRole.TENDERER);
			openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "tdr.ec");
			openssl("pkcs8", "-topk8", "-nocrypt", "-in", "tdr.ec", "-out", "tdr.key");
			openssl("req", "-new", "-key", "tdr.key", "-sm3", "-sigopt", ID, "-subj",
					"/CN=tdr " + run + "/serialNumber=" + tenderer.creditCode(), "-out", "tdr.csr");
			openssl("x509", "-req", "-in", "tdr.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID,
					"-vfyopt", ID, "-days", "3650", "-out", "tdr.pem", "-CAcreateserial");
			tendererActor().run(() -> bean(EntityCertificates.class).bind(read("tdr.pem")));
		}
		SectionView registered = tendererActor().call(() -> desk.registerTender(new NewTender("监管测试项目" + run, null,
				"监管测试招标" + run, null, new SectionDetails("一标段", "500103", "ENG_BUILDING", new BigDecimal("1000000"),
						security, 60, List.of()), facts())));
		SectionView approved = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.approve(registered.id(), registered.version()));
		tendererActor().run(() -> documents.upload(approved.id(), "文件.txt", "text/plain",
				new ByteArrayInputStream("招标文件".getBytes(StandardCharsets.UTF_8))));
		for (DocumentView document : tendererActor().call(() -> desk.dossier(approved.id())).documents()) {
			String file = "document-" + document.id();
			try (var in = tendererActor().call(() -> documents.download(document.id())).content().get()) {
				write(file, in.readAllBytes());
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			openssl("dgst", "-sm3", "-sign", "tdr.key", "-sigopt", ID, "-out", file + ".sig", file);
			tendererActor().run(() -> documents.sign(document.id(), read(file + ".sig"), read("tdr.pem"), null));
		}
		Instant now = bean(Clock.class).instant();
		SectionView drafted = tendererActor().call(() -> desk.submitNotice(approved.id(), new NoticeDraft("监管测试公告",
				"正文", now, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25)), true)));
		return TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.publish(drafted.id(), drafted.version()));
	}

	static ProjectFacts facts() {
		return org.yiwang.tendering.ExampleFacts.works();
	}

	// ---- files -----------------------------------------------------------------------------------------------------

	<T> T platform(java.util.function.Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> bean(TransactionTemplate.class).execute(s -> work.get()));
	}

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
