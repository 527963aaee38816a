package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;
import org.yiwang.supervision.alert.AlertView;
import org.yiwang.supervision.alert.Alerts;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidOrigins;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionView;

/**
 * Bids of one section from the same IP address, or signed with the same certificate, by different bidders raise
 * SAME_IP / SAME_CERTIFICATE when the section's bids are opened; where each bid came from is what tendering recorded
 * when it received it (here written straight into its tables, as its bid box does, for a real published section), and
 * nothing of it is given out before the opening.
 */
@PlatformTest
class BidOriginAlertTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BidOrigins origins;

	@Autowired
	Alerts alerts;

	@Autowired
	Clock clock;

	@TempDir
	Path dir;

	SupervisionFixture f;

	@BeforeEach
	void fixture() {
		Assumptions.assumeTrue(SupervisionFixture.opensslInstalled(), "openssl is not installed here");
		f = new SupervisionFixture(dir, context);
	}

	record Sent(String ip, String fingerprint) {
	}

	/** Stores one receipted bid per origin in the section, as the bid box does; returns them as the opening reads them. */
	List<OpenedBid> bids(SectionView section, Sent... sent) {
		return java.util.Arrays.stream(sent).map(s -> {
			UUID id = UUID.randomUUID();
			EntityId bidder = EntityId.random();
			String name = "来源" + s.ip() + "-" + id.toString().substring(0, 4);
			f.platform(() -> {
				jdbc.sql("""
						insert into tendering.bids (id, section_id, region_code, trade_code, bidder_id, bidder_name, sha256,
						  sm3, size, signer_fingerprint, received_at, submitted_by, idempotency_key, status, statement)
						values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 'test', ?, 'RECEIPTED', ?)""")
					.params(id, section.id().value(), section.region().value(), section.tradeCode().value(), bidder.value(),
							name, "a".repeat(64), "b".repeat(64), s.fingerprint(), Timestamp.from(clock.instant()),
							id.toString(), new byte[] { 1 })
					.update();
				return jdbc.sql("insert into tendering.bid_evidence (bid_id, region_code, source_ip) values (?, ?, ?)")
					.params(id, section.region().value(), s.ip()).update();
			});
			return new OpenedBid(id, bidder, name, null, Money.of("900000.00"), 300, "合格", List.of(),
					OpenedBid.Decryption.BY_BIDDER);
		}).toList();
	}

	void open(SectionView section, List<OpenedBid> bids) {
		f.platform(() -> jdbc.sql("update tendering.sections set opened_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), section.id().value()).update());
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(new BidsOpened(
				Actor.SYSTEM, section.id(), section.tradeCode(), 1, section.region(), section.category(), section.tenderer(),
				section.estimatedPrice(), bids, UUID.randomUUID(), clock.instant()))));
	}

	AlertView await(SectionView section, String rule) {
		return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> of(section, rule), Optional::isPresent).get();
	}

	Optional<AlertView> of(SectionView section, String rule) {
		return TestActor.regulator().call(() -> alerts.visible()).stream()
			.filter(a -> a.tradeCode().equals(section.tradeCode().value()) && a.rule().equals(rule)).findFirst();
	}

	@Test
	void twoBiddersFromOneAddressRaiseSameIpAndNoCertificateIsShared() {
		SectionView section = f.published();
		List<OpenedBid> bids = bids(section, new Sent("203.0.113.7", "1".repeat(64)), new Sent("203.0.113.7", "2".repeat(64)),
				new Sent("198.51.100.9", "3".repeat(64)));
		// before the opening, where a bid came from is as closed as the bid
		assertThat(origins.ofOpened(bids.stream().map(OpenedBid::bidId).toList())).isEmpty();
		open(section, bids);
		assertThat(origins.ofOpened(bids.stream().map(OpenedBid::bidId).toList())).hasSize(3);
		AlertView ip = await(section, "SAME_IP");
		assertThat(ip.evidence()).contains("203.0.113.7: ").contains(bids.get(0).bidderName())
			.contains(bids.get(1).bidderName()).doesNotContain("198.51.100.9");
		assertThat(of(section, "SAME_CERTIFICATE")).isEmpty();
	}

	@Test
	void twoBiddersSigningWithOneCertificateRaiseSameCertificateAndDistinctAddressesDoNot() {
		SectionView section = f.published();
		List<OpenedBid> bids = bids(section, new Sent("203.0.113.21", "c".repeat(64)), new Sent("203.0.113.22", "c".repeat(64)),
				new Sent("203.0.113.23", "d".repeat(64)));
		open(section, bids);
		AlertView certificate = await(section, "SAME_CERTIFICATE");
		assertThat(certificate.evidence()).contains("c".repeat(64) + ": ").contains(bids.get(0).bidderName())
			.doesNotContain("d".repeat(64));
		assertThat(of(section, "SAME_IP")).isEmpty();
	}
}
