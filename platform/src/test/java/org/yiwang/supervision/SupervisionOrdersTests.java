package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.TradeSecurityView;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.OpeningHall;
import org.yiwang.tendering.SectionOrders;
import org.yiwang.tendering.SectionStatus;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;

/**
 * A regulator's signed re-tender order changes the transaction, not only the record: the section's round fails by
 * order with a signed public record, the trade's bid security is released through the guarantee module, the order is
 * kept beside the section, and staff can re-tender it through the usual flow. Orders in the wrong state, from a
 * regulator of another region or industry, or not signed by a regulator are refused with the field to fix.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class SupervisionOrdersTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	RegulatoryActions actions;

	@Autowired
	SectionOrders orders;

	@Autowired
	TenderDesk desk;

	@Autowired
	OpeningHall hall;

	@Autowired
	BidSecurity security;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	SupervisionFixture f;

	TestActor regulator;

	@BeforeEach
	void a_regulator_with_a_certificate() {
		Assumptions.assumeTrue(SupervisionFixture.opensslInstalled(), "openssl is not installed here");
		f = new SupervisionFixture(dir, context);
		regulator = f.regulator("reg", TestActor.YUZHONG, false);
		f.certificate("reg");
	}

	private ActView signed(ActRequest request) {
		ActView prepared = regulator.call(() -> actions.prepare(request));
		return regulator.call(() -> actions.sign(prepared.id(), f.sign("reg", prepared.content()), f.read("reg.pem"), null));
	}

	private SectionStatus status(SectionView section) {
		return TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(section.id())).section().status();
	}

	@Test
	void a_signed_re_tender_order_fails_the_round_publishes_it_and_releases_the_trades_security() {
		SectionView section = f.published(new BigDecimal("20000"));
		ActView order = signed(new ActRequest(ActKind.ORDER_RE_TENDER, section.id().toString(), null, null,
				"招标人在招标文件中设置排斥潜在投标人的资格条件，且无法补救"));
		assertThat(order.signed()).isTrue();
		assertThat(status(section)).isEqualTo(SectionStatus.FAILED);
		assertThat(f.platform(() -> jdbc.sql("""
				select decision_ref from tendering.section_orders where section_id = ? and kind = 'RE_TENDER'
				  and status_before = 'PUBLISHED'""").param(section.id().value()).query(UUID.class).list()))
			.containsExactly(order.id());
		// the signed public record names the order and its reasons (the portal lists it with the trade)
		await(() -> f.platform(() -> jdbc.sql("""
				select count(*) from portal.records where trade_code = ? and record_type = 'FAILED'
				  and title like '%责令重新招标%'""").param(section.tradeCode().value()).query(Long.class).single()) == 1,
				"the failure record on the portal");
		// the guarantee module ended the trade with no winner: every bidder's security is released
		await(() -> RegionScopes.callAsPlatform(() -> security.biddersDisclosed(section.tradeCode())).ended(),
				"the trade's end in the guarantee module");
		TradeSecurityView trade = RegionScopes.callAsPlatform(() -> security.biddersDisclosed(section.tradeCode()));
		assertThat(trade.winner()).isNull();
		// the same signed act cannot be carried out twice, nor the round ended again by another order
		assertThatThrownBy(() -> regulator.call(() -> orders.reTender(section.id(), "再次执行", order.id())))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("messageKey", "tendering.order.retenderState");
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.ORDER_RE_TENDER,
				section.id().toString(), null, null, "再次责令重新招标"))))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", "target")
			.hasFieldOrPropertyWithValue("messageKey", "supervision.act.retenderEnded");
		// a section that asked security is registered anew: its trade ended with this round (existing tendering rule)
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> hall.retender(section.id())))
			.hasFieldOrPropertyWithValue("messageKey", "tendering.retender.securityPerTrade");
	}

	@Test
	void after_a_re_tender_order_staff_start_the_next_round_and_the_tenderer_drafts_a_new_notice() {
		SectionView section = f.published();
		signed(new ActRequest(ActKind.ORDER_RE_TENDER, section.id().toString(), null, null, "评标前发现招标人与投标人串通"));
		assertThat(status(section)).isEqualTo(SectionStatus.FAILED);
		SectionView next = TestActor.districtStaff(TestActor.YUZHONG).call(() -> hall.retender(section.id()));
		assertThat(next.status()).isEqualTo(SectionStatus.REGISTERED);
		assertThat(next.status().noticeEditable()).isTrue();
		assertThat(f.platform(() -> jdbc.sql("select round from tendering.sections where id = ?")
			.param(section.id().value()).query(Integer.class).single())).isEqualTo(2);
	}

	@Test
	void orders_in_the_wrong_state_out_of_scope_or_not_from_a_regulator_are_refused_naming_the_field() {
		SectionView section = f.published();
		// another district's regulator and another industry's regulator do not see the section
		for (TestActor stranger : new TestActor[] { f.regulator("wz", TestActor.WANZHOU, false),
				f.regulator("water", TestActor.YUZHONG, false, "ENG_WATER") }) {
			assertThatThrownBy(() -> stranger.call(() -> actions.prepare(new ActRequest(ActKind.ORDER_RE_TENDER,
					section.id().toString(), null, null, "越权责令重新招标"))))
				.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", "target")
				.hasFieldOrPropertyWithValue("messageKey", "supervision.act.sectionUnknown");
			assertThatThrownBy(() -> stranger.call(() -> orders.reTender(section.id(), "越权", UUID.randomUUID())))
				.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("messageKey", "tendering.section.notFound");
		}
		// no reason, no decision, not a regulator
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.ORDER_RE_TENDER,
				section.id().toString(), null, null, " ")))).hasFieldOrPropertyWithValue("field", "reason");
		assertThatThrownBy(() -> regulator.call(() -> orders.reTender(section.id(), "理由", null)))
			.hasFieldOrPropertyWithValue("field", "decision");
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> orders.reTender(section.id(), "运营机构不能责令", UUID.randomUUID())))
			.hasFieldOrPropertyWithValue("messageKey", "tendering.order.regulatorOnly");
		assertThat(status(section)).isEqualTo(SectionStatus.PUBLISHED);
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
}
