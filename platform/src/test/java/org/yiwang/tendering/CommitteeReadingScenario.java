package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.evaluation.CommitteeDrawn;
import org.yiwang.evaluation.EvaluationDesk;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.RegionScopes;

/**
 * A section on the real platform up to the committee's work: three sealed bids (b1 and b2 decrypted by their bidders,
 * b3 never, so not opened), the opening closed by staff, three experts with accounts of their own seated on the
 * committee, and, once {@link #begin()} is called, the evaluation begun. The document each bidder sealed is kept.
 */
final class CommitteeReadingScenario {

	static final String PASSWORD = "Committee-read-2026";

	final OpeningFixture f;

	final ApplicationContext context;

	final SectionView section;

	final List<String> members;

	final String outsider;

	final Map<String, UUID> bids;

	/** The document each bidder sealed (b1, b2): its name and bytes. */
	final Map<String, Path> documents;

	UUID caseId;

	CommitteeReadingScenario(Path dir, ApplicationContext context) throws Exception {
		this.context = context;
		this.f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		f.bidder("b1");
		f.bidder("b2");
		f.bidder("b3");
		section = f.published("0");
		Path e1 = f.bid(section, "b1", "900000.00");
		Path e2 = f.bid(section, "b2", "950000.00");
		f.bid(section, "b3", "990000.00");
		documents = Map.of("b1", sealedDocument(dir, "b1"), "b2", sealedDocument(dir, "b2"));
		OpeningHall hall = context.getBean(OpeningHall.class);
		f.deadlinePassed(section, Duration.ofMillis(1));
		assertThat(hall.openDue()).isPositive();
		for (Map.Entry<String, Path> e : Map.of("b1", e1, "b2", e2).entrySet()) {
			String key = f.contentKey(e.getValue(), e.getKey());
			f.as(e.getKey()).run(() -> hall.checkIn(section.id()));
			f.as(e.getKey()).run(() -> hall.decrypt(section.id(), key));
		}
		members = List.of("rd1." + f.run, "rd2." + f.run, "rd3." + f.run);
		outsider = "rd4." + f.run;
		AccountManagement accounts = context.getBean(AccountManagement.class);
		for (String m : List.of(members.get(0), members.get(1), members.get(2), outsider)) {
			TestActor.admin().run(() -> accounts.create(new NewAccount(m, "评委" + m, AccountKind.PERSON,
					Set.of(Role.EXPERT), TestActor.CITY, true, Set.of(), PASSWORD)));
		}
		bids = new java.util.HashMap<>();
		for (OpeningView.Bid b : TestActor.districtStaff(TestActor.YUZHONG).call(() -> hall.view(section.id())).bids()) {
			bids.put(b.bidderName().startsWith("b1") ? "b1" : b.bidderName().startsWith("b2") ? "b2" : "b3", b.bidId());
		}
	}

	/** The document {@link OpeningFixture#seal} wrote for the bidder. */
	private static Path sealedDocument(Path dir, String bidder) throws Exception {
		try (var files = Files.list(dir)) {
			return files.filter(p -> p.getFileName().toString().startsWith(bidder + "-技术标-")).findFirst().orElseThrow();
		}
	}

	/** Staff close the opening once the window is over (b3 never decrypted): the bids go to evaluation. */
	void closeOpening() {
		f.windowOver(section);
		OpeningHall hall = context.getBean(OpeningHall.class);
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> hall.close(section.id()));
		EvaluationDesk desk = context.getBean(EvaluationDesk.class);
		caseId = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.caseOf(section.id(), 1)),
					java.util.Optional::isPresent)
			.orElseThrow();
		List<CommitteeDrawn.Seat> seats = new ArrayList<>();
		for (String m : members) {
			seats.add(new CommitteeDrawn.Seat(UUID.randomUUID(), m, "评委" + m, "A0101",
					org.yiwang.kernel.Sha256.hex(m.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		}
		ApplicationEventPublisher events = context;
		RegionScopes.runAsPlatform(() -> context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
			.executeWithoutResult(s -> events.publishEvent(new CommitteeDrawn(Actor.SYSTEM, UUID.randomUUID(),
					section.id(), 1, RegionCode.of(TestActor.YUZHONG), seats, f.beans.clock().instant()))));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.caseView(caseId)).committeeSeated());
	}

	/** Staff begin the evaluation now. */
	void begin() {
		EvaluationDesk desk = context.getBean(EvaluationDesk.class);
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> {
			desk.schedule(caseId, f.beans.clock().instant());
			desk.begin(caseId);
		});
	}

	TestActor member(int i) {
		return TestActor.of(members.get(i), Role.EXPERT, TestActor.CITY, false);
	}
}
