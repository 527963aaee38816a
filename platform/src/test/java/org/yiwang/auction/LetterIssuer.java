package org.yiwang.auction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationContext;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.guarantee.ApplicationView;
import org.yiwang.guarantee.CanonicalLetter;
import org.yiwang.guarantee.GuaranteeIssuance;
import org.yiwang.guarantee.LetterSubmission;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;

/**
 * A guarantee issuer as in production: its entity registered, an SM2 certificate from a CA in the trust store bound
 * to it, its machine account registered as the issuer's system, which posts letters signed with OpenSSL.
 */
final class LetterIssuer {

	private static final String ID = "distid:1234567812345678";

	private final AuctionFixture fixture;

	private final GuaranteeIssuance issuance;

	private final Path dir;

	private final String client;

	final EntityView entity;

	LetterIssuer(ApplicationContext context, AuctionFixture fixture) throws IOException {
		this.fixture = fixture;
		this.issuance = context.getBean(GuaranteeIssuance.class);
		this.dir = Files.createTempDirectory("letters");
		String run = fixture.run;
		this.entity = fixture.entity("iss." + run, EntityRole.GUARANTEE_ISSUER);
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=Ledger Test CA " + run,
				"-days", "3650", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> context.getBean(TrustStore.class).addCa(read("ca.pem")));
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "issuer.key");
		openssl("req", "-new", "-key", "issuer.key", "-sm3", "-sigopt", ID, "-subj",
				"/CN=Issuer " + run + "/serialNumber=" + entity.creditCode(), "-out", "issuer.csr");
		openssl("x509", "-req", "-in", "issuer.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID, "-vfyopt",
				ID, "-days", "3650", "-out", "issuer.pem", "-CAcreateserial");
		fixture.as("iss." + run, () -> context.getBean(EntityCertificates.class).bind(read("issuer.pem")));
		client = "issuersys." + run;
		TestActor.admin().call(() -> context.getBean(AccountManagement.class).create(new NewAccount(client,
				"保函系统 " + run, AccountKind.MACHINE, Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), null, false, Set.of(),
				null)));
		TestActor.cityStaff().run(() -> issuance.registerIssuer(entity.creditCode(), client));
	}

	/** The bidder applies for a guarantee of the listing's security and the issuer's system posts the signed letter. */
	void issue(ListingView listing, String beneficiaryCreditCode, String bidderUser, String bidderCreditCode) {
		ApplicationView application = fixture.as(bidderUser,
				() -> issuance.apply(listing.tradeCode().value(), entity.id().toString()));
		String number = "BH-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		byte[] pdf = ("%PDF-1.4\n% 电子投标保函 " + number + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		TradeCode trade = listing.tradeCode();
		CanonicalLetter canonical = new CanonicalLetter(number, trade, beneficiaryCreditCode, bidderCreditCode,
				listing.security(), today, today.plusDays(180), Sha256.hex(pdf));
		write(number + ".txt", canonical.bytes());
		openssl("dgst", "-sm3", "-sign", "issuer.key", "-sigopt", ID, "-out", number + ".sig", number + ".txt");
		LetterSubmission letter = new LetterSubmission(number, trade.value(), beneficiaryCreditCode, bidderCreditCode,
				listing.security().yuan(), today, today.plusDays(180), Base64.getEncoder().encodeToString(pdf),
				Base64.getEncoder().encodeToString(read(number + ".sig")), "SM3_WITH_SM2",
				new String(read("issuer.pem"), StandardCharsets.US_ASCII));
		new TestActor(new Actor(client, "API_CLIENT", TestActor.CITY), client,
				Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), RegionScope.of(RegionCode.of(TestActor.CITY)), Set.of())
			.call(() -> issuance.submitLetter(application.id(), "l-" + number, letter));
	}

	private byte[] read(String name) {
		try {
			return Files.readAllBytes(dir.resolve(name));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private void write(String name, byte[] content) {
		try {
			Files.write(dir.resolve(name), content);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private void openssl(String... args) {
		String[] command = new String[args.length + 1];
		command[0] = "openssl";
		System.arraycopy(args, 0, command, 1, args.length);
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
