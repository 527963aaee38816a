package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.annotation.Import;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.catalog.Catalog;
import org.yiwang.intermediary.IntermediaryMarket;
import org.yiwang.intermediary.RequestStatus;
import org.yiwang.intermediary.RequestView;
import org.yiwang.intermediary.SelectionDesk;
import org.yiwang.intermediary.ServiceDelivery;
import org.yiwang.registry.EntityRegistry;

/**
 * The marketplace demo made through the modules' APIs on the test database (demo data is off in tests, so it runs
 * here by hand): requests at every stage, nothing made twice on a second start, and open requests selected once the
 * clock has passed their deadline.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class IntermediaryDemoTests {

	@Autowired
	EntityRegistry registry;

	@Autowired
	IntermediaryMarket market;

	@Autowired
	SelectionDesk desk;

	@Autowired
	ServiceDelivery delivery;

	@Autowired
	Catalog catalog;

	@Autowired
	AdjustableClock clock;

	private IntermediaryDemo demo() {
		return new IntermediaryDemo(registry, market, desk, delivery, catalog, (Clock) clock, true, true, "",
				"Demo@2026yw");
	}

	private Set<RequestStatus> stages() {
		return desk.latest().stream().filter(r -> r.title().startsWith("示范")).map(RequestView::status)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(RequestStatus.class)));
	}

	@Test
	void seeds_requests_at_every_stage_once_and_selects_them_as_deadlines_pass() {
		demo().run(new DefaultApplicationArguments());
		long made = desk.latest().stream().filter(r -> r.title().startsWith("示范")).count();
		assertThat(made).isEqualTo(8);
		assertThat(stages()).contains(RequestStatus.OPEN, RequestStatus.SELECTED, RequestStatus.CONTRACTED,
				RequestStatus.DELIVERED, RequestStatus.ACCEPTED, RequestStatus.RATED);
		assertThat(market.providers()).hasSizeGreaterThanOrEqualTo(7);

		clock.advance(java.time.Duration.ofDays(4));
		demo().run(new DefaultApplicationArguments());
		assertThat(desk.latest().stream().filter(r -> r.title().startsWith("示范")).count()).isEqualTo(made);
		assertThat(stages()).doesNotContain(RequestStatus.OPEN);
		assertThat(desk.latest().stream().filter(r -> r.title().startsWith("示范") && r.drawn())).hasSize(1);
	}
}
