package org.yiwang.guarantee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The e-guarantee flow end to end on PostgreSQL: staff set a requirement and register an issuer with its machine
 * account; a bidder applies; the issuer's system, with its real API token, fetches the application and posts a
 * letter signed by OpenSSL with an SM2 key whose certificate is bound to the issuer in the registry. Forged,
 * altered and mismatching letters are refused with their reason, audited, and leave nothing recorded.
 */
@PlatformTest
class GuaranteeIssuanceTests {

	private static final String ID = "distid:1234567812345678";

	private static final String PASSWORD = "Guarantee-pass-2026";

	@Autowired
	BidSecurity security;

	@Autowired
	GuaranteeIssuance issuance;

	@Autowired
	SecurityClaims claims;

	@Autowired
	EntityRegistry registry;

	@Autowired
	EntityCertificates certificates;

	@Autowired
	TrustStore trustStore;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuthenticationProvider login;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@TempDir
	Path dir;

	String run;

	EntityView tenderer;

	EntityView bidder;

	EntityView issuer;

	String bidderUser;

	String clientUsername;

	String token;

	TradeCode trade;

	LocalDate bidValidityEnd;

	ApplicationView application;

	@BeforeEach
	void a_requirement_an_issuer_with_a_bound_certificate_and_an_application() throws Exception {
		boolean openssl = Files.isExecutable(Path.of("/usr/bin/openssl"));
		if (System.getenv("CI") != null) {
			assertThat(openssl).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(openssl, "openssl is not installed here");
		run = UUID.randomUUID().toString().substring(0, 8);
		tenderer = approved("tenderer", EntityRole.TENDERER);
		bidderUser = "bid." + run;
		bidder = approved("bidder", EntityRole.BIDDER);
		issuer = approved("issuer", EntityRole.GUARANTEE_ISSUER);

		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=Guarantee Test CA " + run,
				"-days", "3650", "-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> trustStore.addCa(read("ca.pem")));
		sm2Certificate("issuer", "/CN=Issuer " + run + "/serialNumber=" + issuer.creditCode());
		sm2Certificate("unbound", "/CN=Issuer " + run + " unbound key");
		signedIn("iss." + run, () -> certificates.bind(read("issuer.pem")));

		clientUsername = "bank." + run;
		AccountView client = TestActor.admin().call(() -> accounts.create(new NewAccount(clientUsername, "保函系统 " + run,
				AccountKind.MACHINE, Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), null, false, Set.of(), null)));
		token = TestActor.admin().call(() -> accounts.issueToken(client.id(), "guarantee test", 30)).secret();
		TestActor.cityStaff().run(() -> issuance.registerIssuer(issuer.creditCode(), clientUsername));

		trade = TradeCode.of("CQ-500103-2026-" + run.toUpperCase());
		bidValidityEnd = today().plusDays(90);
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> security.require(new NewRequirement(trade.value(),
				"示范工程施工一标段", TestActor.YUZHONG, "ENG_BUILDING", null, tenderer.creditCode(), new BigDecimal("80000"),
				bidValidityEnd)));
		application = signedIn(bidderUser, () -> issuance.apply(trade.value(), issuer.id().toString()));
	}

	@Test
	void the_issuers_system_fetches_the_application_and_posts_a_signed_letter_that_anyone_can_then_check() throws Exception {
		mvc.perform(get("/api/guarantees/issuer/applications").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')].tradeCode", application.id()).value(trade.value()))
			.andExpect(jsonPath("$[?(@.id == '%s')].beneficiaryCreditCode", application.id()).value(tenderer.creditCode()))
			.andExpect(jsonPath("$[?(@.id == '%s')].amount", application.id()).value(80000.00));

		LetterSubmission letter = letter("BH-" + run, tenderer.creditCode(), bidder.creditCode(), "80000.00", today(),
				bidValidityEnd.plusDays(30), "issuer.key", "issuer.pem");
		String body = json(letter);
		String first = mvc.perform(post("/api/guarantees/issuer/applications/{id}/letter", application.id())
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", "key-" + run)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.letterNumber").value("BH-" + run))
			.andExpect(jsonPath("$.status").value("VALID"))
			.andReturn().getResponse().getContentAsString();
		String code = first.replaceAll(".*\"verificationCode\":\"([A-Z0-9]+)\".*", "$1");
		assertThat(code).hasSize(12);

		mvc.perform(post("/api/guarantees/issuer/applications/{id}/letter", application.id())
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", "key-" + run)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.verificationCode").value(code));
		mvc.perform(post("/api/guarantees/issuer/applications/{id}/letter", application.id())
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", "key-" + run)
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("80000.00", "90000.00")))
			.andExpect(status().isConflict());

		mvc.perform(get("/api/guarantees/verify").param("number", "BH-" + run).param("code", code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.issuerName").value(issuer.name()))
			.andExpect(jsonPath("$.beneficiaryName").value(tenderer.name()))
			.andExpect(jsonPath("$.tradeCode").value(trade.value()))
			.andExpect(jsonPath("$.inForce").value(true))
			.andExpect(jsonPath("$.applicantName").doesNotExist());
		mvc.perform(get("/api/guarantees/verify").param("number", "BH-" + run).param("code", "AAAAAAAAAAAA"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.issuerName").doesNotExist());
		mvc.perform(get("/guarantees/verify").param("number", "BH-" + run).param("code", code))
			.andExpect(status().isOk());

		assertThat(security.securityHeld(bidder.id(), trade, Money.of("80000")))
			.hasValueSatisfying(held -> {
				assertThat(held.form()).isEqualTo(SecurityForm.GUARANTEE);
				assertThat(held.reference()).isEqualTo("BH-" + run);
				assertThat(held.lodgedAt()).as("保证金递交时间: when the issuer's letter reached the platform")
					.isEqualTo(signedIn(bidderUser, issuance::myGuarantees).stream()
						.filter(g -> g.letterNumber().equals("BH-" + run)).findFirst().orElseThrow().recordedAt());
			});
		assertThat(security.securityHeld(bidder.id(), trade, Money.of("80000.01"))).isEmpty();
		assertThat(security.securityHeld(tenderer.id(), trade, Money.of("1"))).isEmpty();
		assertThat(signedIn(bidderUser, issuance::myGuarantees)).extracting(GuaranteeView::verificationCode).contains(code);
		assertThat(audited("guarantee.letter.recorded", "guarantee:")).isPositive();
	}

	@Test
	void forged_altered_and_mismatching_letters_are_refused_with_their_reason_and_nothing_is_recorded() throws Exception {
		String ok = tenderer.creditCode();
		LocalDate until = bidValidityEnd.plusDays(30);
		assertRefused(letter("F1-" + run, ok, bidder.creditCode(), "80000.00", today(), until, "unbound.key", "unbound.pem"),
				"guarantee.letter.signatureRefused", "registry.signature.notBound");
		LetterSubmission signed = letter("F2-" + run, ok, bidder.creditCode(), "80000.00", today(), until, "issuer.key",
				"issuer.pem");
		LetterSubmission altered = new LetterSubmission(signed.letterNumber(), signed.tradeCode(),
				signed.beneficiaryCreditCode(), signed.applicantCreditCode(), new BigDecimal("800000.00"), signed.validFrom(),
				signed.validUntil(), signed.pdf(), signed.signature(), signed.algorithm(), signed.certificate());
		assertRefused(altered, "guarantee.letter.signatureRefused", "pki.failure.signatureMismatch");
		LetterSubmission otherPdf = new LetterSubmission(signed.letterNumber(), signed.tradeCode(),
				signed.beneficiaryCreditCode(), signed.applicantCreditCode(), signed.amount(), signed.validFrom(),
				signed.validUntil(), Base64.getEncoder().encodeToString("%PDF-1.7 another letter".getBytes()),
				signed.signature(), signed.algorithm(), signed.certificate());
		assertRefused(otherPdf, "guarantee.letter.signatureRefused", "pki.failure.signatureMismatch");

		String stranger = creditCode("500101");
		assertRefused(letter("F3-" + run, stranger, bidder.creditCode(), "80000.00", today(), until, "issuer.key", "issuer.pem"),
				"guarantee.letter.beneficiaryMismatch", null);
		assertRefused(letter("F4-" + run, ok, stranger, "80000.00", today(), until, "issuer.key", "issuer.pem"),
				"guarantee.letter.applicantMismatch", null);
		assertRefused(letter("F5-" + run, ok, bidder.creditCode(), "79999.99", today(), until, "issuer.key", "issuer.pem"),
				"guarantee.letter.amountTooSmall", null);
		assertRefused(letter("F6-" + run, ok, bidder.creditCode(), "80000.00", today().minusDays(30), today().minusDays(1),
				"issuer.key", "issuer.pem"), "guarantee.letter.expired", null);
		assertRefused(letter("F7-" + run, ok, bidder.creditCode(), "80000.00", today(), bidValidityEnd.minusDays(1),
				"issuer.key", "issuer.pem"), "guarantee.letter.validityShort", null);
		LetterSubmission notPdf = new LetterSubmission("F8-" + run, trade.value(), ok, bidder.creditCode(),
				new BigDecimal("80000"), today(), until, Base64.getEncoder().encodeToString("<html>".getBytes()), "AA==",
				"SM3_WITH_SM2", "AA==");
		assertRefused(notPdf, "guarantee.letter.notPdf", null);
		LetterSubmission threeDecimals = new LetterSubmission("F9-" + run, trade.value(), ok, bidder.creditCode(),
				new BigDecimal("80000.005"), today(), until, signed.pdf(), signed.signature(), "SM3_WITH_SM2",
				signed.certificate());
		assertRefused(threeDecimals, "guarantee.amount.decimals", null);

		assertThat(asClient(issuance::pendingApplications)).extracting(ApplicationView::id).contains(application.id());
		assertThat(security.securityHeld(bidder.id(), trade, Money.of("1"))).isEmpty();
		assertThat(audited("guarantee.letter.refused", "application:" + application.id())).isGreaterThanOrEqualTo(9);
	}

	@Test
	void a_letter_number_is_recorded_once_and_an_application_gets_one_letter() throws Exception {
		LocalDate until = bidValidityEnd.plusDays(30);
		asClient(() -> issuance.submitLetter(application.id(), "a-" + run,
				letter("DUP-" + run, tenderer.creditCode(), bidder.creditCode(), "80000", today(), until, "issuer.key",
						"issuer.pem")));
		TradeCode second = TradeCode.of("CQ-500103-2026-" + run.toUpperCase() + "-2");
		TestActor.cityStaff().run(() -> security.require(new NewRequirement(second.value(), "二标段", TestActor.YUZHONG,
				"ENG_BUILDING", tenderer.id().toString(), null, new BigDecimal("1000.50"), bidValidityEnd)));
		ApplicationView another = signedIn(bidderUser, () -> issuance.apply(second.value(), issuer.id().toString()));
		LetterSubmission reused = letter("DUP-" + run, second, tenderer.creditCode(), bidder.creditCode(), "1000.50",
				today(), until, "issuer.key", "issuer.pem");
		LetterSubmission duplicate = reused;
		assertThatThrownBy(() -> asClient(() -> issuance.submitLetter(another.id(), "b-" + run, duplicate)))
			.isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.messageKey()).isEqualTo("guarantee.letter.duplicateNumber"));
		assertThatThrownBy(() -> asClient(() -> issuance.submitLetter(application.id(), "c-" + run,
				letter("AGAIN-" + run, tenderer.creditCode(), bidder.creditCode(), "80000", today(), until, "issuer.key",
						"issuer.pem"))))
			.isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.messageKey()).isEqualTo("guarantee.application.notPending"));
		assertThat(signedIn(bidderUser, () -> issuance.apply(trade.value(), issuer.id().toString())).id())
			.as("applying again returns the first application").isEqualTo(application.id());
		assertThat(signedIn(bidderUser, issuance::issuers)).filteredOn(i -> i.entity().equals(issuer.id()))
			.singleElement().satisfies(i -> assertThat(i.clientUsername()).as("bidders do not learn API accounts").isNull());
		assertThat(TestActor.cityStaff().call(issuance::issuers)).extracting(IssuerView::clientUsername)
			.contains(clientUsername);
	}

	@Test
	void requirements_belong_to_their_region_and_refuse_bad_input() throws Exception {
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(() -> security.requirement(trade.value())).amount())
			.isEqualTo(Money.of("80000"));
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.WANZHOU).run(() -> security.requirement(trade.value())))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("guarantee.requirement.notFound"));
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(security::requirements))
			.extracting(RequirementView::tradeCode).doesNotContain(trade);
		assertThat(TestActor.cityStaff().call(security::requirements)).extracting(RequirementView::tradeCode).contains(trade);
		mvc.perform(get("/api/guarantees/requirements/{code}", trade.value())
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/guarantees/requirements/{code}", trade.value())
			.with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication())))
			.andExpect(status().isOk()).andExpect(jsonPath("$.beneficiaryCreditCode").value(tenderer.creditCode()));

		String code = "CQ-500103-2026-" + run.toUpperCase() + "-X";
		assertRequirementRefused(TestActor.districtStaff(TestActor.WANZHOU),
				new NewRequirement(code, "x", TestActor.YUZHONG, "ENG_BUILDING", null, tenderer.creditCode(),
						BigDecimal.TEN, bidValidityEnd), "guarantee.region.outOfScope");
		assertRequirementRefused(TestActor.cityStaff(), new NewRequirement(code, "x", TestActor.YUZHONG, "ENG_BUILDING",
				null, tenderer.creditCode(), new BigDecimal("10.001"), bidValidityEnd), "guarantee.amount.decimals");
		assertRequirementRefused(TestActor.cityStaff(), new NewRequirement(code, "x", TestActor.YUZHONG, "ENG_BUILDING",
				null, bidder.creditCode(), BigDecimal.TEN, bidValidityEnd), "guarantee.beneficiary.notTenderer");
		assertRequirementRefused(TestActor.cityStaff(), new NewRequirement("cq-lower-case", "x", TestActor.YUZHONG,
				"ENG_BUILDING", null, tenderer.creditCode(), BigDecimal.TEN, bidValidityEnd), "guarantee.tradeCode.form");
		assertRequirementRefused(TestActor.cityStaff(), new NewRequirement(trade.value(), "x", TestActor.YUZHONG,
				"ENG_BUILDING", null, tenderer.creditCode(), BigDecimal.TEN, bidValidityEnd), "guarantee.requirement.duplicate");
		assertRequirementRefused(TestActor.cityStaff(), new NewRequirement(code, "x", TestActor.YUZHONG, "ENG_BUILDING",
				null, tenderer.creditCode(), BigDecimal.TEN, today().minusDays(1)), "guarantee.bidValidityEnd.past");
	}

	@Test
	void a_failed_trade_releases_the_guarantee_at_once_and_the_issuers_system_acknowledges_it_once() throws Exception {
		GuaranteeView letter = asClient(() -> issuance.submitLetter(application.id(), "rel-" + run,
				letter("REL-" + run, tenderer.creditCode(), bidder.creditCode(), "80000.00", today(),
						bidValidityEnd.plusDays(30), "issuer.key", "issuer.pem"))).guarantee();
		assertThat(security.securityHeld(bidder.id(), trade, Money.of("80000"))).isPresent();

		TradeSecurityView ended = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> security.transactionEnded(trade, Optional.empty()));
		assertThat(ended.winner()).isNull();
		assertThat(ended.guarantees()).singleElement()
			.satisfies(g -> assertThat(g.status()).isEqualTo(GuaranteeStatus.RELEASED));
		assertThat(ended.releases()).singleElement().satisfies(r -> {
			assertThat(r.letterNumber()).isEqualTo("REL-" + run);
			assertThat(r.reason()).isEqualTo(ReleaseReason.UNSUCCESSFUL);
			assertThat(r.acknowledgedAt()).isNull();
		});
		assertThat(security.securityHeld(bidder.id(), trade, Money.of("1"))).as("a released letter is no security").isEmpty();
		mvc.perform(get("/api/guarantees/verify").param("number", "REL-" + run).param("code", letter.verificationCode()))
			.andExpect(jsonPath("$.status").value("RELEASED")).andExpect(jsonPath("$.inForce").value(false));
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.YUZHONG)
			.run(() -> security.contractSigned(trade, today())))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("guarantee.release.noWinner"));

		UUID release = ended.releases().get(0).id();
		mvc.perform(get("/api/guarantees/issuer/releases").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')].letterNumber", release).value("REL-" + run));
		String acknowledged = mvc.perform(post("/api/guarantees/issuer/releases/{id}/acknowledgement", release)
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()).andExpect(jsonPath("$.acknowledgedAt").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		mvc.perform(post("/api/guarantees/issuer/releases/{id}/acknowledgement", release)
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()).andExpect(content().json(acknowledged));
		mvc.perform(get("/api/guarantees/issuer/releases").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[?(@.id == '%s')]", release).isEmpty());
		mvc.perform(post("/api/guarantees/issuer/releases/{id}/acknowledgement", UUID.randomUUID())
			.header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
		assertThat(audited("guarantee.letter.released", "letter:REL-" + run)).isEqualTo(1);
		assertThat(audited("guarantee.release.acknowledged", "letter:REL-" + run)).isEqualTo(1);
	}

	@Test
	void an_approved_claim_goes_to_the_issuer_which_records_what_it_paid_once_and_never_more_than_the_guarantee()
			throws Exception {
		asClient(() -> issuance.submitLetter(application.id(), "clm-" + run, letter("CLM-" + run, tenderer.creditCode(),
				bidder.creditCode(), "80000.00", today(), bidValidityEnd.plusDays(30), "issuer.key", "issuer.pem")));
		TestActor.cityStaff().run(() -> security.biddersDisclosed(trade));
		ClaimView claim = signedIn("tdr." + run, () -> claims.file(new NewClaim(trade.value(), bidder.id().toString(),
				"REFUSED_TO_SIGN", null)));
		assertThat(claim.form()).isEqualTo(SecurityForm.GUARANTEE);
		assertThat(claim.reference()).isEqualTo("CLM-" + run);
		mvc.perform(post("/api/guarantees/claims/{id}/decision", claim.id())
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true,\"reason\":\"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/guarantees/claims/{id}/decision", claim.id())
			.with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true,\"reason\":\"中标后拒签\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		assertThat(security.securityHeld(bidder.id(), trade, Money.of("1"))).as("a claimed letter is no security").isEmpty();

		mvc.perform(get("/api/guarantees/issuer/claims").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[?(@.id == '%s')].reference", claim.id()).value("CLM-" + run));
		String paidAt = Instant.now().minusSeconds(10).toString();
		pay(claim.id(), "p0-" + run, "{\"paidAmount\":80000.01,\"paidAt\":\"" + paidAt + "\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("paidAmount"));
		pay(claim.id(), "p1-" + run, "{\"paidAmount\":100.005,\"paidAt\":\"" + paidAt + "\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("paidAmount"));
		String body = "{\"paidAmount\":80000.00,\"paidAt\":\"" + paidAt + "\"}";
		pay(claim.id(), "p2-" + run, body).andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "false")).andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.paidAmount").value(80000.00));
		pay(claim.id(), "p2-" + run, body).andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"));
		pay(claim.id(), "p3-" + run, body).andExpect(status().isConflict());
		pay(UUID.randomUUID(), "p4-" + run, body).andExpect(status().isNotFound());
		assertThat(audited("guarantee.claim.paid", "claim:" + claim.id())).isEqualTo(1);
		assertThat(audited("guarantee.claim.refused", "claim:" + claim.id())).isGreaterThanOrEqualTo(4);
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(() -> security.transactionEnded(trade, Optional.empty()))
			.releases()).as("a claimed letter is not released").isEmpty();
	}

	private org.springframework.test.web.servlet.ResultActions pay(UUID claim, String key, String body) throws Exception {
		return mvc.perform(post("/api/guarantees/issuer/claims/{id}/payment", claim).header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void the_api_refuses_an_amount_with_three_decimals_and_a_missing_idempotency_key() throws Exception {
		String body = json(new LetterSubmission("J-" + run, trade.value(), tenderer.creditCode(), bidder.creditCode(),
				new BigDecimal("80000.005"), today(), bidValidityEnd.plusDays(1), "JVBERi0=", "AA==", "SM3_WITH_SM2", "AA=="));
		mvc.perform(post("/api/guarantees/issuer/applications/{id}/letter", application.id())
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", "k3-" + run)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		mvc.perform(post("/api/guarantees/issuer/applications/{id}/letter", application.id())
			.header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/guarantees/issuer/applications").header("Authorization", "Bearer ywt_demo-api-client-token-not-for-production"))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_pages_show_requirements_to_their_region_applications_to_the_bidder_and_refuse_three_decimals() throws Exception {
		mvc.perform(get("/guarantees/requirements")
			.with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString(trade.value())))
			.andExpect(content().string(containsString("投标保证金要求")));
		mvc.perform(get("/guarantees/requirements")
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString(trade.value()))));
		mvc.perform(post("/guarantees/requirements").with(csrf())
			.with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication()))
			.param("tradeCode", trade.value() + "-P").param("sectionName", "页面标段").param("region", TestActor.YUZHONG)
			.param("category", "ENG_BUILDING").param("beneficiaryCreditCode", tenderer.creditCode())
			.param("amount", "5000.125").param("bidValidityEnd", bidValidityEnd.toString()))
			.andExpect(redirectedUrl("/guarantees/requirements"))
			.andExpect(flash().attribute("refused", "guarantee.amount.decimals"));
		mvc.perform(post("/guarantees/requirements").with(csrf())
			.with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication()))
			.param("tradeCode", trade.value() + "-P").param("sectionName", "页面标段").param("region", TestActor.YUZHONG)
			.param("category", "ENG_BUILDING").param("beneficiaryCreditCode", tenderer.creditCode())
			.param("amount", "5000.12").param("bidValidityEnd", bidValidityEnd.toString()))
			.andExpect(redirectedUrl("/guarantees/requirements"))
			.andExpect(flash().attribute("saved", "guarantee.saved.requirement"));

		var bidderSession = login.authenticate(new UsernamePasswordAuthenticationToken(bidderUser, PASSWORD));
		mvc.perform(post("/guarantees/my/applications").with(csrf()).with(authentication(bidderSession))
			.param("tradeCode", trade.value() + "-P").param("issuer", issuer.id().toString()))
			.andExpect(redirectedUrl("/guarantees/my"))
			.andExpect(flash().attribute("saved", "guarantee.saved.application"));
		mvc.perform(get("/guarantees/my").with(authentication(bidderSession)))
			.andExpect(status().isOk()).andExpect(content().string(containsString(trade.value() + "-P")))
			.andExpect(content().string(containsString(issuer.name())));
		mvc.perform(get("/guarantees/verify").param("number", "NONE-" + run).param("code", "ABCDEFGHJKMN"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("找不到与该编号和验证码对应的保函")));
	}

	@Test
	void the_openapi_description_tells_an_issuer_what_to_sign_and_send() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/guarantees/issuer/applications/{id}/letter'].post.description")
				.value(containsString("pdfSha256=")))
			.andExpect(jsonPath("$.components.schemas.LetterSubmission.properties.pdf.description")
				.value(containsString("%PDF-")))
			.andExpect(jsonPath("$.paths['/api/guarantees/bank/arrivals'].post").exists());
	}

	private void assertRequirementRefused(TestActor actor, NewRequirement request, String key) {
		assertThatThrownBy(() -> actor.run(() -> security.require(request)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}

	private void assertRefused(LetterSubmission letter, String key, String nestedKey) {
		assertThatThrownBy(() -> asClient(() -> issuance.submitLetter(application.id(), UUID.randomUUID().toString(), letter)))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).as(letter.letterNumber()).isEqualTo(key);
				if (nestedKey != null) {
					assertThat(((DefaultMessageSourceResolvable) r.arguments()[0]).getCode()).isEqualTo(nestedKey);
				}
			});
	}

	private LetterSubmission letter(String number, String beneficiary, String applicant, String amount, LocalDate from,
			LocalDate until, String key, String certificate) {
		return letter(number, trade, beneficiary, applicant, amount, from, until, key, certificate);
	}

	private LetterSubmission letter(String number, TradeCode trade, String beneficiary, String applicant, String amount,
			LocalDate from, LocalDate until, String key, String certificate) {
		byte[] pdf = ("%PDF-1.4\n% 电子投标保函 " + number + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		CanonicalLetter canonical = new CanonicalLetter(number, trade, beneficiary, applicant, Money.of(amount), from, until,
				Sha256.hex(pdf));
		write(number + ".txt", canonical.bytes());
		openssl("dgst", "-sm3", "-sign", key, "-sigopt", ID, "-out", number + ".sig", number + ".txt");
		return new LetterSubmission(number, trade.value(), beneficiary, applicant, new BigDecimal(amount), from, until,
				Base64.getEncoder().encodeToString(pdf), Base64.getEncoder().encodeToString(read(number + ".sig")),
				"SM3_WITH_SM2", new String(read(certificate), StandardCharsets.US_ASCII));
	}

	private static String json(LetterSubmission l) {
		return """
				{"letterNumber":"%s","tradeCode":"%s","beneficiaryCreditCode":"%s","applicantCreditCode":"%s",
				 "amount":%s,"validFrom":"%s","validUntil":"%s","pdf":"%s","signature":"%s","algorithm":"%s",
				 "certificate":"%s"}""".formatted(l.letterNumber(), l.tradeCode(), l.beneficiaryCreditCode(),
				l.applicantCreditCode(), l.amount().toPlainString(), l.validFrom(), l.validUntil(), l.pdf(), l.signature(),
				l.algorithm(), l.certificate().replace("\n", "\\n"));
	}

	private long audited(String action, String targetPrefix) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from audit.entries where action = ? and target like ?")
			.params(action, targetPrefix + "%").query(Long.class).single()));
	}

	private <T> T asClient(Supplier<T> work) {
		return new TestActor(new Actor(clientUsername, "API_CLIENT", TestActor.CITY), clientUsername,
				Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), RegionScope.of(RegionCode.of(TestActor.CITY)), Set.of())
			.call(work);
	}

	private EntityView approved(String what, EntityRole role) {
		String user = switch (what) {
			case "bidder" -> bidderUser;
			case "issuer" -> "iss." + run;
			default -> "tdr." + run;
		};
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, what + "公司" + run,
				creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", TestActor.YUZHONG, Set.of(role), user,
				PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	static String creditCode(String division) {
		return TestActor.creditCode(division);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private <T> T signedIn(String username, Supplier<T> work) {
		return TestActor.signedIn(login, username, PASSWORD, work);
	}

	private void sm2Certificate(String name, String subject) {
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", name + ".key");
		openssl("req", "-new", "-key", name + ".key", "-sm3", "-sigopt", ID, "-subj", subject, "-out", name + ".csr");
		openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID,
				"-vfyopt", ID, "-days", "3650", "-out", name + ".pem", "-CAcreateserial");
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
		try {
			run(args);
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private void run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("openssl " + String.join(" ", args) + "\n" + output).isZero();
	}
}
