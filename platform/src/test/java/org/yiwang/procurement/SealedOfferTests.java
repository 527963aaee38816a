package org.yiwang.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.procurement.ProcurementTests.refused;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.envelope.SignedReceipt;
import org.yiwang.kernel.Role;
import org.yiwang.pki.Receipts;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Quotes and final offers sealed by the supplier (issue 23): real SM2/SM4 envelopes made with the envelope library, as
 * the bid tool makes them, to the case's opening key whose private key only the custodians' shares reassemble; every
 * bad input (wrong key, tampered, late, another supplier's, unsigned, altered in the database) refused with its reason.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class SealedOfferTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Receipts receipts;

	@Autowired
	org.yiwang.pki.OpeningKeys openingKeys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void final_offers_sealed_by_the_suppliers_open_only_with_the_custodians_shares_and_bad_envelopes_are_refused()
			throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.seated("GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "500000", 3);
		ProcurementView other = f.published("GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "500000", 3);
		for (int i = 1; i <= 3; i++) {
			f.quote(c, i, "490000");
		}
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		f.openSealed(c);
		f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		f.purchaserActor().call(() -> f.room.negotiate(c.id(), Map.of(f.suppliers.get(0).id(), "请报最后价格")));
		ProcurementView calling = f.purchaserActor()
			.call(() -> f.room.callFinalOffers(c.id(), clock.instant().plus(Duration.ofHours(1))));

		// the receipt is the platform's signed transparency-log leaf over the envelope's SHA-256
		OfferReceipt receipt = f.offer(calling, 1, "470000");
		assertThat(receipt.stage()).isEqualTo("final");
		assertThat(receipts.verify(SignedReceipt.parse(receipt.receipt()))).isTrue();
		assertThat(new String(SignedReceipt.parse(receipt.receipt()).statement(), StandardCharsets.UTF_8))
			.contains(receipt.sha256()).contains(c.tradeCode().value());
		f.offer(calling, 2, "460000");
		f.offer(calling, 3, "480000");

		String name1 = f.suppliers.get(0).name();
		String code = "pki.envelope.notSealedToOpeningKey";
		Path wrongKey = f.seal(calling, 1, "1000", name1, f.publicKeyPem(other, 1));
		refusedOn(() -> f.submit(calling, 1, wrongKey), "envelope", code);
		Path good = f.seal(calling, 1, "1000", name1, f.publicKeyPem(calling, 1));
		byte[] bytes = Files.readAllBytes(good);
		byte[] flipped = bytes.clone();
		flipped[bytes.length / 2] ^= 0x01;
		Path tampered = Files.write(good.resolveSibling("tampered-" + good.getFileName()), flipped);
		assertThatThrownBy(() -> f.submit(calling, 1, tampered)).isInstanceOfSatisfying(Refusal.class, r -> {
			assertThat(r.field()).isEqualTo("envelope");
			assertThat(r.messageKey()).startsWith("pki.envelope.");
		});
		Path unsigned = Files.write(good.resolveSibling("unsigned-" + good.getFileName()),
				Arrays.copyOf(bytes, bytes.length - 40));
		assertThatThrownBy(() -> f.submit(calling, 1, unsigned)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.messageKey()).isIn("pki.envelope.truncated", "pki.envelope.unsigned",
						"pki.envelope.malformed"));
		Path empty = Files.write(good.resolveSibling("empty-" + good.getFileName()), new byte[0]);
		refusedOn(() -> f.submit(calling, 1, empty), "envelope", "procurement.envelope.empty");
		// another supplier's: supplier 2's signed envelope submitted by supplier 1; a sheet naming supplier 1 signed by 2
		Path seconds = f.seal(calling, 2, "1000");
		refusedOn(() -> f.submit(calling, 1, seconds), "envelope", "procurement.envelope.otherSupplier");
		Path signedBy2 = f.seal(calling, 2, "1000", name1, f.publicKeyPem(calling, 1));
		refusedOn(() -> f.submit(calling, 1, signedBy2), "envelope", "procurement.envelope.signerNotBound");
		refused(() -> f.supplier(1).call(() -> f.room.submitFinalOffer(c.id(), new BigDecimal("1"))),
				"procurement.finalOffer.sealEnvelope");

		// the platform holds the envelope only: no amount readable in its tables
		byte[] stored = platform(() -> jdbc.sql("select envelope from procurement.sealed_offers where subject_id = ? "
				+ "and stage = 'final' and supplier_id = ?").params(c.id(), f.suppliers.get(1).id().value())
			.query(byte[].class).single());
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("460000");
		// the team sees envelopes and hashes, not amounts; the public sees the key only
		SealingView team = f.purchaserActor().call(() -> f.sealedOffers.sealing(c.id())).orElseThrow();
		assertThat(team.offers()).hasSize(3).allSatisfy(o -> assertThat(o.amount()).isNull())
			.allSatisfy(o -> assertThat(o.receipted()).isTrue());
		assertThat(f.sealedOffers.sealing(c.id()).orElseThrow().offers()).isEmpty();

		// custodians: not before the deadline, only their own share, once, and not for others
		String custodian = ProcurementFixture.CUSTODIANS.get(0);
		refused(() -> ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), "AQID")),
				"procurement.shares.beforeDeadline");
		clock.advanceTo(calling.finalOfferDeadline().plusSeconds(1));
		refused(() -> f.submit(calling, 1, good), "procurement.finalOffer.closed");
		refused(() -> f.purchaserActor().call(() -> f.room.conclude(c.id(), Map.of())), "procurement.open.sharesNeeded");
		refused(() -> f.purchaserActor().call(() -> f.sealedOffers.giveShare(c.id(), "AQID")),
				"procurement.shares.notCustodian");
		refusedOn(() -> ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), "不是分片")),
				"share", "procurement.shares.form");
		String others = f.decryptedShare(calling, ProcurementFixture.CUSTODIANS.get(1));
		refusedOn(() -> ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), others)),
				"share", "procurement.shares.notYours");
		String mine = f.decryptedShare(calling, custodian);
		SealingView one = ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), mine));
		assertThat(one.sharesHeld()).isEqualTo(1);
		assertThat(one.offers()).allSatisfy(o -> assertThat(o.sealed()).isTrue());
		refused(() -> ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), mine)),
				"procurement.shares.alreadyGiven");

		// supplier 3's stored envelope altered in the database: refused at opening against the receipted SHA-256
		platform(() -> jdbc.sql("update procurement.sealed_offers set envelope = ? where subject_id = ? and supplier_id = ? "
				+ "and stage = 'final'").params(flipped, c.id(), f.suppliers.get(2).id().value()).update());
		SealingView opened = ProcurementFixture.custodian(ProcurementFixture.CUSTODIANS.get(1))
			.call(() -> f.sealedOffers.giveShare(c.id(), others));
		assertThat(opened.offers()).allSatisfy(o -> assertThat(o.sealed()).isFalse());
		assertThat(opened.offers()).filteredOn(o -> o.supplier().equals(f.suppliers.get(2).name())).singleElement()
			.satisfies(o -> assertThat(o.refusal()).isEqualTo("procurement.offer.tampered"));
		assertThat(opened.offers()).filteredOn(o -> o.refusal() == null).extracting(o -> o.amount().yuan().toPlainString())
			.containsExactlyInAnyOrder("470000.00", "460000.00");
		refused(() -> ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), mine)),
				"procurement.shares.nothingToOpen");

		ProcurementView done = f.purchaserActor().call(() -> f.room.conclude(c.id(), Map.of()));
		assertThat(done.status()).as("two valid final offers of three: too few (第三十六条)")
			.isEqualTo(ProcurementStatus.FAILED);
		assertThat(done.failureReason()).isEqualTo("procurement.failed.tooFewOffers");
	}

	@Test
	void first_offers_are_sealed_by_the_suppliers_and_nothing_is_readable_before_the_custodians_give_their_shares()
			throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.seated("GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "500000", 3);
		ProcurementView other = f.published("GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "500000", 3);
		String name1 = f.suppliers.get(0).name();
		SealingView key = f.supplier(1).call(() -> f.sealedOffers.sealing(c.id())).orElseThrow();
		assertThat(key.stage()).isEqualTo("first");
		assertThat(key.tradeCode()).isEqualTo(c.tradeCode().value());

		// no typed amount, and no envelope before the response
		refused(() -> f.supplier(1).call(() -> f.room.respond(c.id(), "响应", new BigDecimal("480000"))),
				"procurement.respond.sealFirstOffer");
		refused(() -> f.offer(c, 1, "480000"), "procurement.quote.respondFirst");
		f.supplier(1).run(() -> f.room.respond(c.id(), "响应文件", null));
		// sealed to another case's key, naming another case, signed by a certificate not the supplier's
		refusedOn(() -> f.submit(c, 1, f.seal(c, 1, "480000", name1, f.publicKeyPem(other, 1))), "envelope",
				"pki.envelope.notSealedToOpeningKey");
		refusedOn(() -> f.submit(c, 1, f.seal(other.tradeCode().value(), 1, "480000", name1, f.publicKeyPem(c, 1))),
				"envelope", "procurement.envelope.wrongCase");
		f.supplier(2).run(() -> f.room.respond(c.id(), "响应文件", null));
		refusedOn(() -> f.submit(c, 1, f.seal(c, 2, "480000", name1, f.publicKeyPem(c, 1))), "envelope",
				"procurement.envelope.signerNotBound");
		OfferReceipt receipt = f.offer(c, 1, "480000");
		assertThat(receipt.stage()).isEqualTo("first");
		assertThat(receipts.verify(SignedReceipt.parse(receipt.receipt()))).isTrue();
		f.offer(c, 2, "470000");
		f.quote(c, 3, "475000");

		// before the deadline: no share taken, the responses do not open
		String custodian = ProcurementFixture.CUSTODIANS.get(0);
		refused(() -> ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), "AQID")),
				"procurement.shares.beforeDeadline");
		refused(() -> f.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.open.beforeDeadline");
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		refused(() -> f.offer(c, 1, "1"), "procurement.respond.closed");

		// after the deadline, with one custodian's share of two: still nothing readable. The platform holds the
		// envelopes (no amount in them or beside them), the public key and shares encrypted to the custodians'
		// certificates; one decrypted share does not rebuild the key
		String mine = f.decryptedShare(c, custodian);
		ProcurementFixture.custodian(custodian).call(() -> f.sealedOffers.giveShare(c.id(), mine));
		refused(() -> f.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.open.sharesNeeded");
		Integer readable = platform(() -> jdbc.sql("select count(*) from procurement.sealed_offers where subject_id = ? "
				+ "and (amount is not null or opened_at is not null)").param(c.id()).query(Integer.class).single());
		assertThat(readable).isZero();
		assertThat(platform(() -> jdbc.sql("select envelope from procurement.sealed_offers where subject_id = ?")
			.param(c.id()).query(byte[].class).list())).hasSize(3)
			.allSatisfy(e -> assertThat(new String(e, StandardCharsets.ISO_8859_1)).doesNotContain("480000")
				.doesNotContain("470000").doesNotContain("475000"));
		Integer platformSealed = platform(() -> jdbc.sql("select count(*) from procurement.suppliers where case_id = ? "
				+ "and (first_offer_sealed is not null or first_offer is not null)").param(c.id()).query(Integer.class)
			.single());
		assertThat(platformSealed).as("nothing sealed by the platform, no amount").isZero();
		java.util.UUID keyId = platform(() -> jdbc.sql("select opening_key from procurement.sealing_keys "
				+ "where subject_id = ? and stage = 'first'").param(c.id()).query(java.util.UUID.class).single());
		refused(() -> TestActor.cityStaff().call(() -> openingKeys.reassemble(keyId,
				java.util.List.of(Base64.getDecoder().decode(mine)))), "pki.openingKey.tooFewShares");
		assertThat(f.purchaserActor().call(() -> f.sealedOffers.sealing(c.id())).orElseThrow().offers())
			.allSatisfy(o -> assertThat(o.amount()).isNull());

		// the second share opens them, and the responses open with the first offers the suppliers sealed
		String second = ProcurementFixture.CUSTODIANS.get(1);
		String theirs = f.decryptedShare(c, second);
		SealingView opened = ProcurementFixture.custodian(second).call(() -> f.sealedOffers.giveShare(c.id(), theirs));
		assertThat(opened.offers()).extracting(o -> o.amount().yuan().toPlainString())
			.containsExactlyInAnyOrder("480000.00", "470000.00", "475000.00");
		ProcurementView negotiating = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(negotiating.status()).isEqualTo(ProcurementStatus.NEGOTIATING);
		assertThat(f.purchaserActor().call(() -> f.desk.get(c.id())).suppliers())
			.extracting(s -> s.firstOffer().yuan().toPlainString()).containsExactlyInAnyOrder("480000.00", "470000.00", "475000.00");
	}

	@Test
	void a_request_for_quotations_opens_supplier_sealed_quotes_and_a_single_source_has_no_key() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.seated("GOV_GOODS", ProcurementMethod.REQUEST_FOR_QUOTATIONS, "100000", 3);
		refused(() -> f.offer(c, 1, "90000"), "procurement.quote.respondFirst");
		f.quote(c, 1, "95000");
		f.quote(c, 2, "91000");
		f.quote(c, 3, "99000");
		f.quote(c, 2, "92000"); // replaced before the deadline: the last counts
		refused(() -> TestActor.of("nobody", Role.BIDDER, TestActor.CITY, false)
			.call(() -> f.sealedOffers.submit(c.id(), new java.io.ByteArrayInputStream(new byte[] { 1 }))),
				"procurement.noEntity");
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		f.openSealed(c);
		ProcurementView done = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(done.status()).isEqualTo(ProcurementStatus.CONCLUDED);
		assertThat(done.winnerName()).isEqualTo(f.suppliers.get(1).name());
		assertThat(done.winnerPrice().yuan()).isEqualByComparingTo("92000");

		ProcurementView single = f.published("GOV_SERVICES", ProcurementMethod.SINGLE_SOURCE, "100000", 1);
		assertThat(f.sealedOffers.sealing(single.id())).isEmpty();
	}

	private <T> T platform(java.util.function.Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> work.get()));
	}

	private static void refusedOn(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String field, String key) {
		assertThatThrownBy(action).isInstanceOfSatisfying(Refusal.class, r -> {
			assertThat(r.messageKey()).isEqualTo(key);
			assertThat(r.field()).isEqualTo(field);
		});
	}
}
