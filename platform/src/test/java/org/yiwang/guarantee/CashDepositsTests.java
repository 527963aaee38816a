package org.yiwang.guarantee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.Refusal;

/**
 * Cash deposits with a real bank machine account: each bidder gets its own sub-account, the bank reports arrivals
 * through the API under idempotency keys, the bidder's own payment of the full amount counts as security, and a
 * payment by someone else, a short one, one to an unknown sub-account or a replayed bank reference does not.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class CashDepositsTests {

	private static final String PASSWORD = "Deposit-pass-2026";

	@Autowired
	BidSecurity security;

	@Autowired
	CashDeposits deposits;

	@Autowired
	EntityRegistry registry;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuthenticationProvider login;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.yiwang.audit.AuditLog audit;

	String run;

	EntityView first;

	EntityView second;

	TradeCode trade;

	String token;

	EntityView tenderer;

	@Autowired
	SecurityReleases releases;

	@Autowired
	SecurityClaims claims;

	@Autowired
	SecurityFigures figures;

	/** Money is held for days here: the platform's clock moves forward, no value date is back-dated. */
	@Autowired
	AdjustableClock clock;

	@BeforeEach
	void a_requirement_two_bidders_and_a_registered_bank() {
		run = UUID.randomUUID().toString().substring(0, 8);
		tenderer = approved("dt." + run, EntityRole.TENDERER);
		first = approved("d1." + run, EntityRole.BIDDER);
		second = approved("d2." + run, EntityRole.BIDDER);
		trade = TradeCode.of("CQ-500103-2026-D" + run.toUpperCase());
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> security.require(new NewRequirement(trade.value(), "存款标段",
				TestActor.YUZHONG, "ENG_BUILDING", null, tenderer.creditCode(), new BigDecimal("50000.00"),
				today().plusDays(60))));
		String bank = "settle." + run;
		AccountView client = TestActor.admin().call(() -> accounts.create(new NewAccount(bank, "结算银行 " + run,
				AccountKind.MACHINE, Set.of(Role.API_CLIENT), null, false, Set.of(), null)));
		token = TestActor.admin().call(() -> accounts.issueToken(client.id(), "deposit test", 3650)).secret();
		TestActor.cityStaff().run(() -> deposits.registerBank(bank, "演示结算银行"));
	}

	@Test
	void the_bidders_own_full_payment_counts_and_a_retry_gets_the_first_answer() throws Exception {
		DepositAccountView account = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		assertThat(account.accountNumber()).matches("[1-9][0-9]{19}");
		assertThat(signedIn("d1." + run, () -> deposits.openAccount(trade.value())).accountNumber())
			.as("one sub-account per bidder and trade").isEqualTo(account.accountNumber());
		assertThat(signedIn("d2." + run, () -> deposits.openAccount(trade.value())).accountNumber())
			.isNotEqualTo(account.accountNumber());

		String body = arrival(account.accountNumber(), "50000.00", first.name(), "REF-" + run);
		report("k1-" + run, body).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.outcome").value("MATCHED"));
		report("k1-" + run, body).andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.outcome").value("MATCHED"));
		report("k1-" + run, body.replace("50000.00", "60000.00")).andExpect(status().isConflict());
		report("k2-" + run, body).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("REF-" + run)));

		assertThat(TestActor.cityStaff().call(() -> audit.latest(account.accountNumber(), 50)).stream()
			.filter(e -> e.action().equals("guarantee.deposit.refused") && e.target().equals("deposit:" + account.accountNumber())))
			.as("the reused key and the replayed reference are audited").hasSize(2);

		Instant paid = signedIn("d1." + run, deposits::myArrivals).stream()
			.filter(a -> a.outcome() == DepositOutcome.MATCHED).map(ArrivalView::paidAt).findFirst().orElseThrow();
		assertThat(security.securityHeld(first.id(), trade, Money.of("50000"))).hasValueSatisfying(held -> {
			assertThat(held.form()).isEqualTo(SecurityForm.CASH_DEPOSIT);
			assertThat(held.reference()).isEqualTo(account.accountNumber());
			assertThat(held.lodgedAt()).as("保证金递交时间: when the bank says the cash was paid in").isEqualTo(paid);
		});
		assertThat(signedIn("d1." + run, deposits::myArrivals)).extracting(ArrivalView::outcome)
			.containsExactly(DepositOutcome.MATCHED);
		var session = login.authenticate(new UsernamePasswordAuthenticationToken("d1." + run, PASSWORD));
		mvc.perform(get("/guarantees/my").with(authentication(session))).andExpect(status().isOk())
			.andExpect(content().string(containsString(account.accountNumber())))
			.andExpect(content().string(containsString("已匹配")));
	}

	@Test
	void someone_elses_payment_a_short_one_and_an_unknown_sub_account_are_flagged_and_do_not_count() throws Exception {
		DepositAccountView account = signedIn("d2." + run, () -> deposits.openAccount(trade.value()));
		report("w-" + run, arrival(account.accountNumber(), "50000.00", "别的公司", "W-" + run))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("WRONG_PAYER"));
		report("s-" + run, arrival(account.accountNumber(), "49999.99", second.name(), "S-" + run))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("SHORT"));
		report("u-" + run, arrival("99999999999999999999", "50000.00", second.name(), "U-" + run))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("UNKNOWN_ACCOUNT"));
		assertThat(security.securityHeld(second.id(), trade, Money.of("1"))).isEmpty();

		report("t-" + run, arrival(account.accountNumber(), "50000.001", second.name(), "T-" + run))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amount"));
		mvc.perform(post("/api/guarantees/bank/arrivals").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(arrival(account.accountNumber(), "1", second.name(), "N-" + run)))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/guarantees/bank/arrivals")
			.header("Authorization", "Bearer ywt_demo-api-client-token-not-for-production").header("Idempotency-Key", "x")
			.contentType(MediaType.APPLICATION_JSON).content(arrival(account.accountNumber(), "1", second.name(), "X-" + run)))
			.andExpect(status().isNotFound());
	}

	@Test
	void unsuccessful_deposits_are_refunded_at_once_with_interest_the_winners_after_signing_and_each_confirmed_once()
			throws Exception {
		DepositAccountView winning = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		DepositAccountView losing = signedIn("d2." + run, () -> deposits.openAccount(trade.value()));
		Instant paid = clock.instant();
		report("r1-" + run, arrival(winning.accountNumber(), "50000.00", first.name(), "R1-" + run, paid))
			.andExpect(status().isCreated());
		report("r2-" + run, arrival(losing.accountNumber(), "50000.00", second.name(), "R2-" + run, paid))
			.andExpect(status().isCreated());
		clock.advanceTo(paid.plus(36, ChronoUnit.DAYS));
		TestActor yuzhong = TestActor.districtStaff(TestActor.YUZHONG);

		assertRefused(TestActor.districtStaff(TestActor.WANZHOU), () -> releases.transactionEnded(trade, Optional.of(first.id())),
				"guarantee.requirement.notFound");
		mvc.perform(get("/api/guarantees/requirements/{code}/security", trade.value())
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())))
			.andExpect(status().isNotFound());
		assertRefused(yuzhong, () -> security.transactionEnded(trade, Optional.of(tenderer.id())),
				"guarantee.release.winnerUnknown");
		assertRefused(yuzhong, () -> security.contractSigned(trade, today()), "guarantee.release.notEnded");
		assertThat(security.securityHeld(second.id(), trade, Money.of("50000"))).as("nothing half-released").isPresent();

		TradeSecurityView ended = yuzhong.call(() -> security.transactionEnded(trade, Optional.of(first.id())));
		assertThat(ended.winner()).isEqualTo(first.id());
		assertThat(ended.refunds()).singleElement().satisfies(refund -> {
			assertThat(refund.accountNumber()).isEqualTo(losing.accountNumber());
			assertThat(refund.reason()).isEqualTo(ReleaseReason.UNSUCCESSFUL);
			assertThat(refund.daysHeld()).isEqualTo(36);
			assertThat(refund.interest()).as("50000 × 0.35%% × 36 / 360").isEqualTo(Money.of("17.50"));
			assertThat(refund.total()).isEqualTo(Money.of("50017.50"));
			assertThat(refund.dueOn()).isEqualTo(today().plusDays(5));
			assertThat(refund.status()).isEqualTo(RefundStatus.INSTRUCTED);
		});
		assertThat(security.securityHeld(second.id(), trade, Money.of("1"))).as("a refunded deposit is no security").isEmpty();
		assertThat(security.securityHeld(first.id(), trade, Money.of("50000"))).isPresent();
		assertThat(yuzhong.call(() -> security.transactionEnded(trade, Optional.of(first.id()))).refunds())
			.as("ending again releases nothing twice").hasSize(1);
		assertRefused(yuzhong, () -> security.transactionEnded(trade, Optional.of(second.id())),
				"guarantee.release.alreadyEnded");

		UUID refund = ended.refunds().get(0).id();
		mvc.perform(get("/api/guarantees/bank/refunds").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')].total", refund).value(50017.50))
			.andExpect(jsonPath("$[?(@.id == '%s')].payerAccount", refund).value("6222000011112222"));
		String execution = "{\"bankReference\":\"RF-" + run + "\",\"executedAt\":\"" + clock.instant().minusSeconds(5) + "\"}";
		confirm(refund, "c1-" + run, execution).andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.status").value("EXECUTED"));
		confirm(refund, "c1-" + run, execution).andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"));
		confirm(refund, "c2-" + run, execution).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("RF-" + run)));
		confirm(refund, "c1-" + run, execution.replace("RF-", "RG-")).andExpect(status().isConflict());
		confirm(UUID.randomUUID(), "c3-" + run, execution).andExpect(status().isNotFound());
		confirm(refund, "c4-" + run, "{\"bankReference\":\"RH-" + run + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("executedAt"));
		mvc.perform(get("/api/guarantees/bank/refunds").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[?(@.id == '%s')]", refund).isEmpty());

		assertRefused(yuzhong, () -> security.contractSigned(trade, today().plusDays(1)),
				"guarantee.release.signedInFuture");
		TradeSecurityView signed = yuzhong.call(() -> security.contractSigned(trade, today().minusDays(10)));
		assertThat(signed.contractSignedOn()).isEqualTo(today().minusDays(10));
		assertThat(signed.refunds()).filteredOn(r -> r.reason() == ReleaseReason.CONTRACT_SIGNED).singleElement()
			.satisfies(r -> {
				assertThat(r.accountNumber()).isEqualTo(winning.accountNumber());
				assertThat(r.dueOn()).as("5 days after signing").isEqualTo(today().minusDays(5));
				assertThat(r.overdue()).isTrue();
			});
		assertThat(security.securityHeld(first.id(), trade, Money.of("1"))).isEmpty();
		assertThat(yuzhong.call(() -> security.contractSigned(trade, today().minusDays(10))).refunds()).hasSize(2);
		assertRefused(yuzhong, () -> security.contractSigned(trade, today()), "guarantee.release.alreadySigned");

		assertThat(yuzhong.call(releases::overdueRefunds)).extracting(RefundView::accountNumber)
			.contains(winning.accountNumber()).doesNotContain(losing.accountNumber());
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(releases::overdueRefunds))
			.extracting(RefundView::accountNumber).doesNotContain(winning.accountNumber());
		assertThat(signedIn("d2." + run, releases::myRefunds)).singleElement()
			.satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.EXECUTED));
		var session = login.authenticate(new UsernamePasswordAuthenticationToken("d2." + run, PASSWORD));
		mvc.perform(get("/guarantees/my").with(authentication(session))).andExpect(status().isOk())
			.andExpect(content().string(containsString("50017.50"))).andExpect(content().string(containsString("已退还")));
		mvc.perform(get("/guarantees/trades/{code}", trade.value()).with(authentication(yuzhong.authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("逾期")))
			.andExpect(content().string(containsString(winning.accountNumber())));

		assertThat(TestActor.cityStaff().call(() -> audit.latest("trade:" + trade, 50)).stream()
			.map(e -> e.action()).toList()).contains("guarantee.transaction.ended", "guarantee.contract.signed")
			.filteredOn("guarantee.release.refused"::equals).hasSizeGreaterThanOrEqualTo(5);
		assertThat(TestActor.cityStaff().call(() -> audit.latest("refund:" + refund, 50)).stream()
			.filter(e -> e.action().equals("guarantee.release.refused"))).as("replayed confirmations are audited")
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void the_staff_page_ends_a_trade_and_refuses_a_stranger_as_winner() throws Exception {
		DepositAccountView account = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		report("p-" + run, arrival(account.accountNumber(), "50000.00", first.name(), "P-" + run)).andExpect(status().isCreated());
		var staff = authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication());
		mvc.perform(get("/guarantees/trades/{code}", trade.value()).with(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString(account.accountNumber())))
			.andExpect(content().string(containsString("交易进行中")));
		mvc.perform(get("/guarantees/trades/{code}", trade.value())
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/guarantees/trades/{code}/end", trade.value()).with(csrf()).with(staff).param("winner", "no-id"))
			.andExpect(redirectedUrl("/guarantees/trades/" + trade.value()))
			.andExpect(flash().attribute("refused", "guarantee.release.winnerUnknown"));
		mvc.perform(post("/guarantees/trades/{code}/end", trade.value()).with(csrf()).with(staff).param("winner", ""))
			.andExpect(flash().attribute("saved", "guarantee.saved.ended"));
		mvc.perform(post("/guarantees/trades/{code}/signing", trade.value()).with(csrf()).with(staff)
			.param("signedOn", today().toString()))
			.andExpect(flash().attribute("refused", "guarantee.release.noWinner"));
		mvc.perform(post("/api/guarantees/requirements/{code}/transaction-end", trade.value()).with(staff)
			.contentType(MediaType.APPLICATION_JSON).content("{\"winner\":\"" + first.id() + "\"}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/guarantees/trades/{code}", trade.value()).with(staff).param("lang", "en"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Refund instructed")));
		assertThat(security.securityHeld(first.id(), trade, Money.of("1"))).isEmpty();
	}

	@Test
	void an_approved_claim_forfeits_the_deposit_and_a_rejected_one_lets_it_be_refunded() throws Exception {
		DepositAccountView withdrawn = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		DepositAccountView kept = signedIn("d2." + run, () -> deposits.openAccount(trade.value()));
		report("f1-" + run, arrival(withdrawn.accountNumber(), "50000.00", first.name(), "F1-" + run)).andExpect(status().isCreated());
		report("f2-" + run, arrival(kept.accountNumber(), "50000.00", second.name(), "F2-" + run)).andExpect(status().isCreated());
		String tendererUser = "dt." + run;
		approved("dx." + run, EntityRole.TENDERER);
		assertClaimRefused(tendererUser, new NewClaim(trade.value(), first.id().toString(), "WITHDREW_AFTER_DEADLINE", null),
				"guarantee.claim.biddersSealed");
		TestActor.cityStaff().run(() -> security.biddersDisclosed(trade));

		assertClaimRefused(tendererUser, new NewClaim(trade.value(), first.id().toString(), "LATE", null), "guarantee.claim.ground");
		assertClaimRefused(tendererUser, new NewClaim(trade.value(), first.id().toString(), "OTHER", " "),
				"guarantee.claim.textRequired");
		assertClaimRefused(tendererUser, new NewClaim(trade.value(), "not-an-id", "WITHDREW_AFTER_DEADLINE", null),
				"guarantee.claim.bidderUnknown");
		assertClaimRefused(tendererUser, new NewClaim(trade.value(), tenderer.id().toString(), "WITHDREW_AFTER_DEADLINE", null),
				"guarantee.claim.noSecurity");
		assertClaimRefused("dx." + run, new NewClaim(trade.value(), first.id().toString(), "WITHDREW_AFTER_DEADLINE", null),
				"guarantee.claim.notBeneficiary");
		assertClaimRefused("d1." + run, new NewClaim(trade.value(), second.id().toString(), "WITHDREW_AFTER_DEADLINE", null),
				"guarantee.claim.tendererOnly");

		ClaimView forfeit = signedIn(tendererUser,
				() -> claims.file(new NewClaim(trade.value(), first.id().toString(), "WITHDREW_AFTER_DEADLINE", null)));
		assertThat(forfeit.form()).isEqualTo(SecurityForm.CASH_DEPOSIT);
		assertThat(forfeit.amount()).isEqualTo(Money.of("50000.00"));
		assertClaimRefused(tendererUser, new NewClaim(trade.value(), first.id().toString(), "OTHER", "再次"),
				"guarantee.claim.open");
		ClaimView rejected = signedIn(tendererUser,
				() -> claims.file(new NewClaim(trade.value(), second.id().toString(), "OTHER", "投标文件有误")));

		TestActor yuzhong = TestActor.districtStaff(TestActor.YUZHONG);
		assertThat(yuzhong.call(() -> security.transactionEnded(trade, Optional.empty())).refunds())
			.as("securities under a claim not yet decided stay").isEmpty();
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.WANZHOU)
			.run(() -> claims.decide(forfeit.id().toString(), true, "撤销投标")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("guarantee.claim.notFound"));
		assertThatThrownBy(() -> yuzhong.run(() -> claims.decide(forfeit.id().toString(), true, " ")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("guarantee.claim.reasonRequired"));

		assertThat(yuzhong.call(() -> claims.decide(forfeit.id().toString(), true, "截止后撤销，证据确凿")).status())
			.isEqualTo(ClaimStatus.FORFEITED);
		assertThatThrownBy(() -> yuzhong.run(() -> claims.decide(forfeit.id().toString(), false, "改判")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("guarantee.claim.decided"));
		assertThat(security.securityHeld(first.id(), trade, Money.of("1"))).as("a forfeited deposit is no security").isEmpty();

		var staff = authentication(yuzhong.authentication());
		mvc.perform(post("/guarantees/trades/{code}/claims/{id}", trade.value(), rejected.id()).with(csrf()).with(staff)
			.param("decision", "reject").param("reason", "理由不成立"))
			.andExpect(flash().attribute("saved", "guarantee.saved.claimDecided"));
		TradeSecurityView after = yuzhong.call(() -> releases.trade(trade.value()));
		assertThat(after.refunds()).as("only the rejected claim's deposit is refunded").singleElement()
			.satisfies(r -> assertThat(r.accountNumber()).isEqualTo(kept.accountNumber()));
		assertThat(after.claims()).extracting(ClaimView::status).containsExactly(ClaimStatus.FORFEITED, ClaimStatus.REJECTED);
		assertThat(signedIn(tendererUser, claims::myClaims)).hasSize(2);
		assertThat(TestActor.cityStaff().call(() -> audit.latest("trade:" + trade, 100)).stream()
			.filter(e -> e.action().equals("guarantee.claim.refused"))).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void value_dates_in_the_future_before_the_sub_account_or_after_its_refund_are_refused_with_the_reason()
			throws Exception {
		DepositAccountView account = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		String number = account.accountNumber();
		report("vf-" + run, arrival(number, "50000.00", first.name(), "VF-" + run, clock.instant().plus(1, ChronoUnit.HOURS)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("paidAt"))
			.andExpect(jsonPath("$.detail").value(containsString("晚于平台当前时间")));
		mvc.perform(post("/api/guarantees/bank/arrivals").header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "vf-en-" + run).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(arrival(number, "50000.00", first.name(), "VF-EN-" + run, clock.instant().plus(1, ChronoUnit.DAYS))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("later than the platform's time")));
		report("vb-" + run, arrival(number, "50000.00", first.name(), "VB-" + run,
				account.openedAt().minus(1, ChronoUnit.DAYS)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("paidAt"))
			.andExpect(jsonPath("$.detail").value(containsString("早于该保证金子账号的开立时间")));

		// Real value dates: paid now, held while the platform's time runs 30 days; the wrong payer's money earns nothing.
		Instant paid = clock.instant();
		report("vm-" + run, arrival(number, "50000.00", first.name(), "VM-" + run, paid))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("MATCHED"));
		report("vw-" + run, arrival(number, "50000.00", "别的公司", "VW-" + run, paid))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("WRONG_PAYER"));
		clock.advanceTo(paid.plus(30, ChronoUnit.DAYS));
		TradeSecurityView ended = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> security.transactionEnded(trade, Optional.empty()));
		assertThat(ended.refunds()).hasSize(2);
		assertThat(ended.refunds()).filteredOn(r -> r.payerName().equals(first.name())).singleElement().satisfies(r -> {
			assertThat(r.daysHeld()).isEqualTo(30);
			assertThat(r.interest()).as("50000 × 0.35%% × 30 / 360").isEqualTo(Money.of("14.58"));
		});
		assertThat(ended.refunds()).filteredOn(r -> r.payerName().equals("别的公司")).singleElement().satisfies(r -> {
			assertThat(r.daysHeld()).isZero();
			assertThat(r.interest()).as("a wrong payer's money goes back as it came").isEqualTo(Money.ZERO);
			assertThat(r.total()).isEqualTo(Money.of("50000.00"));
		});

		clock.advance(java.time.Duration.ofHours(1));
		report("va-" + run, arrival(number, "50000.00", first.name(), "VA-" + run, clock.instant().minusSeconds(60)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("paidAt"))
			.andExpect(jsonPath("$.detail").value(containsString("子账号已结清")));
		assertThat(signedIn("d1." + run, deposits::myArrivals)).as("nothing refused was recorded").hasSize(2);
	}

	@Test
	void figures_show_cash_held_in_yuan_days_to_the_trades_district_only() throws Exception {
		DepositAccountView account = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		Instant paid = clock.instant();
		report("fg-" + run, arrival(account.accountNumber(), "50000.00", first.name(), "FG-" + run, paid))
			.andExpect(status().isCreated());
		clock.advanceTo(paid.plus(10, ChronoUnit.DAYS));
		String month = java.time.YearMonth.from(paid.atZone(ZoneId.of("Asia/Shanghai"))).toString();
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(() -> figures.figures(12)))
			.filteredOn(f -> f.region().equals(TestActor.YUZHONG) && f.form() == SecurityForm.CASH_DEPOSIT
					&& f.month().equals(month) && f.category().equals("ENG_BUILDING"))
			.singleElement().satisfies(f -> {
				assertThat(f.amount().isAtLeast(Money.of("50000"))).isTrue();
				assertThat(f.yuanDays()).as("50000 yuan held 10 days").isGreaterThanOrEqualTo(new BigDecimal("500000"));
			});
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(() -> figures.figures(12)))
			.extracting(SecurityFigure::region).doesNotContain(TestActor.YUZHONG);
		var staff = authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication());
		mvc.perform(get("/api/guarantees/figures").param("months", "0").with(staff)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("months"));
		mvc.perform(get("/api/guarantees/figures").with(staff)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.region == '%s' && @.form == 'CASH_DEPOSIT')]", TestActor.YUZHONG).isNotEmpty());
		mvc.perform(get("/guarantees/figures").with(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("amount-chart")))
			.andExpect(content().string(containsString("现金保证金")));
		mvc.perform(get("/guarantees/figures").param("lang", "en").with(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Capital held")));
	}

	@Test
	void the_bank_looks_up_a_sub_account_it_hosts_and_an_unknown_one_is_not_found() throws Exception {
		DepositAccountView account = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		mvc.perform(get("/api/guarantees/bank/accounts/{n}", account.accountNumber()).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()).andExpect(jsonPath("$.tradeCode").value(trade.value()))
			.andExpect(jsonPath("$.bidderName").value(first.name())).andExpect(jsonPath("$.amountRequired").value(50000.00));
		mvc.perform(get("/api/guarantees/bank/accounts/{n}", "99999999999999999999").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("没有这个保证金子账号。"));
		mvc.perform(get("/api/guarantees/bank/accounts/{n}", "X".repeat(41)).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/guarantees/bank/accounts/{n}", account.accountNumber())
			.header("Authorization", "Bearer ywt_demo-api-client-token-not-for-production").header("Accept-Language", "en"))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(containsString("bank")));
	}

	@Test
	void the_tenderer_sees_each_bidders_security_on_its_claims_page_and_bad_claims_are_refused_with_their_reason()
			throws Exception {
		DepositAccountView account = signedIn("d1." + run, () -> deposits.openAccount(trade.value()));
		report("c-" + run, arrival(account.accountNumber(), "50000.00", first.name(), "C-" + run)).andExpect(status().isCreated());
		var session = authentication(login.authenticate(new UsernamePasswordAuthenticationToken("dt." + run, PASSWORD)));
		// Before the bids are opened the bidders are secret (招标投标法 Art. 22): the trade shows, who bid does not.
		mvc.perform(get("/guarantees/claims").with(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString(trade.value())))
			.andExpect(content().string(containsString("尚未开标")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(first.name()))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(account.accountNumber()))));
		fileOnPage(session, first.id().toString(), "WITHDREW_AFTER_DEADLINE", null)
			.andExpect(flash().attribute("refused", "guarantee.claim.biddersSealed"));
		TestActor.cityStaff().run(() -> security.biddersDisclosed(trade));
		mvc.perform(get("/guarantees/claims").with(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString(trade.value())))
			.andExpect(content().string(containsString(first.name())))
			.andExpect(content().string(containsString(account.accountNumber())))
			.andExpect(content().string(containsString("现金保证金")));
		mvc.perform(get("/guarantees/claims").param("lang", "en").with(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Claims on bid security")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("??"))));

		fileOnPage(session, first.id().toString(), null, null).andExpect(flash().attribute("refused", "guarantee.claim.ground"));
		fileOnPage(session, first.id().toString(), "OTHER", " ").andExpect(flash().attribute("refused", "guarantee.claim.textRequired"));
		fileOnPage(session, first.id().toString(), "OTHER", "很".repeat(501))
			.andExpect(flash().attribute("refused", "guarantee.claim.textTooLong"));
		fileOnPage(session, "not-an-entity", "REFUSED_TO_SIGN", null)
			.andExpect(flash().attribute("refused", "guarantee.claim.bidderUnknown"));
		fileOnPage(session, second.id().toString(), "WITHDREW_AFTER_DEADLINE", null)
			.andExpect(flash().attribute("refused", "guarantee.claim.noSecurity"));
		assertThat(signedIn("dt." + run, claims::myClaims)).as("nothing filed by the refused attempts").isEmpty();

		fileOnPage(session, first.id().toString(), "WITHDREW_AFTER_DEADLINE", null)
			.andExpect(flash().attribute("saved", "guarantee.saved.claimFiled"));
		fileOnPage(session, first.id().toString(), "WITHDREW_AFTER_DEADLINE", null)
			.andExpect(flash().attribute("refused", "guarantee.claim.open"));
		mvc.perform(get("/guarantees/claims").with(session)).andExpect(status().isOk())
			.andExpect(content().string(containsString("已提出，待决定")));

		EntityView stranger = approved("ds." + run, EntityRole.TENDERER);
		var strangerSession = authentication(login.authenticate(new UsernamePasswordAuthenticationToken("ds." + run, PASSWORD)));
		mvc.perform(get("/guarantees/claims").with(strangerSession)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(trade.value()))));
		mvc.perform(post("/guarantees/claims").with(csrf()).with(strangerSession).param("tradeCode", trade.value())
			.param("bidder", first.id().toString()).param("ground", "OTHER").param("text", "不是受益人"))
			.andExpect(status().isForbidden());
		assertThat(stranger.holds(EntityRole.TENDERER)).isTrue();
		mvc.perform(get("/guarantees/claims").with(authentication(login.authenticate(
				new UsernamePasswordAuthenticationToken("d1." + run, PASSWORD))))).andExpect(status().isForbidden());
	}

	@Test
	void the_demo_bank_is_not_found_while_demo_clients_are_off() throws Exception {
		var bidder = authentication(login.authenticate(new UsernamePasswordAuthenticationToken("d2." + run, PASSWORD)));
		mvc.perform(get("/demo-bank").with(bidder)).andExpect(status().isNotFound());
		mvc.perform(post("/demo-bank/transfers").with(csrf()).with(bidder).param("accountNumber", "12345678901234567890")
			.param("amount", "1.00")).andExpect(status().isNotFound());
	}

	private ResultActions fileOnPage(org.springframework.test.web.servlet.request.RequestPostProcessor session, String bidder,
			String ground, String text) throws Exception {
		var request = post("/guarantees/claims").with(csrf()).with(session).param("tradeCode", trade.value())
			.param("bidder", bidder);
		if (ground != null) {
			request.param("ground", ground);
		}
		if (text != null) {
			request.param("text", text);
		}
		return mvc.perform(request).andExpect(redirectedUrl("/guarantees/claims"));
	}

	private void assertClaimRefused(String user, NewClaim claim, String key) {
		assertThatThrownBy(() -> signedIn(user, () -> claims.file(claim)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}

	private ResultActions confirm(UUID refund, String key, String body) throws Exception {
		return mvc.perform(post("/api/guarantees/bank/refunds/{id}/execution", refund)
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static void assertRefused(TestActor actor, Runnable work, String key) {
		assertThatThrownBy(() -> actor.run(work))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
	}

	private ResultActions report(String key, String body) throws Exception {
		return mvc.perform(post("/api/guarantees/bank/arrivals").header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private String arrival(String account, String amount, String payer, String reference) {
		return arrival(account, amount, payer, reference, clock.instant().minus(1, ChronoUnit.MINUTES));
	}

	private static String arrival(String account, String amount, String payer, String reference, Instant paidAt) {
		return """
				{"accountNumber":"%s","amount":%s,"payerAccount":"6222000011112222","payerName":"%s",
				 "paidAt":"%s","bankReference":"%s"}""".formatted(account, amount, payer, paidAt, reference);
	}

	private EntityView approved(String user, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, "存款测试公司" + user,
				GuaranteeIssuanceTests.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150",
				TestActor.YUZHONG, Set.of(role), user, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	private <T> T signedIn(String username, Supplier<T> work) {
		return TestActor.signedIn(login, username, PASSWORD, work);
	}
}
