package org.yiwang.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.guarantee.GuaranteeChanged.RefundExecuted;
import org.yiwang.guarantee.GuaranteeChanged.RefundInstructed;
import org.yiwang.guarantee.ReleaseReason;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.Refusal;

/**
 * The desk on the real database: timers by the working calendar, escalation, charge and finishing, the automatic
 * items from the registry's and guarantee's events, the rating rules and the rectification of a bad rating, the
 * figures, and every bad input refused with the field named.
 */
@PlatformTest
class ServiceDeskTests {

	static final String YUZHONG = TestActor.YUZHONG;

	@Autowired
	ServiceDesk desk;

	@Autowired
	Satisfaction satisfaction;

	@Autowired
	ServicePerformance performance;

	@Autowired
	ServiceRecords records;

	@Autowired
	AutomaticServices automatic;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	EntityRegistry registry;

	@Autowired
	DeskTransactions work;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	/** Records read as the platform: a test thread has no principal, so no region scope of its own. */
	List<ServiceRequestView> sourced(String source) {
		return work.platform(() -> records.ofSource(source));
	}

	java.util.Optional<ServiceRequestView> byId(UUID id) {
		return work.platform(() -> records.byId(id));
	}

	TestActor user(String name) {
		return TestActor.of(name + "." + run, Role.TENDERER, TestActor.CITY, true);
	}

	ServiceRequestView filed(TestActor user, String item) {
		return user.call(() -> desk.file(new NewServiceRequest(YUZHONG, item, "档案复制 " + run, "2025 年某项目档案", null)));
	}

	static String field(Runnable action) {
		try {
			action.run();
		}
		catch (Refusal refusal) {
			return refusal.field() + ":" + refusal.messageKey();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void a_web_request_runs_on_working_days_from_the_day_after_filing() {
		TestActor user = user("web");
		ServiceRequestView request = filed(user, "ARCHIVE_COPY");
		LocalDate today = desk.serviceDay();
		assertThat(request.channel()).isEqualTo(Channel.WEB);
		assertThat(request.requester()).isEqualTo(user.actor().username());
		assertThat(request.number()).startsWith("FW-" + today.getYear() + "-");
		assertThat(request.dueOn()).isEqualTo(calendar.schedule().after(today, 5).lastDay());
		assertThat(request.warnOn()).isEqualTo(calendar.schedule().after(today, 4).lastDay());
		assertThat(user.call(() -> desk.mine())).extracting(ServiceRequestView::id).containsExactly(request.id());
	}

	@Test
	void bad_input_is_refused_naming_the_field() {
		TestActor user = user("bad");
		TestActor yuzhong = TestActor.districtStaff(YUZHONG);
		assertThat(field(() -> user.run(() -> desk.file(new NewServiceRequest(YUZHONG, "NO_SUCH", "x", null, null)))))
			.isEqualTo("item:servicedesk.item.unknown");
		assertThat(field(() -> user.run(() -> desk.file(new NewServiceRequest(YUZHONG, "ENTITY_REGISTRATION", "x", null,
				null))))).isEqualTo("item:servicedesk.item.automatic");
		assertThat(field(() -> user.run(() -> desk.file(new NewServiceRequest(YUZHONG, "ARCHIVE_COPY", "  ", null, null)))))
			.isEqualTo("subject:servicedesk.subject.required");
		assertThat(field(() -> user.run(() -> desk.file(new NewServiceRequest("999999", "ARCHIVE_COPY", "x", null, null)))))
			.isEqualTo("region:servicedesk.region.unknown");
		assertThat(field(() -> user.run(() -> desk.file(new NewServiceRequest("abc", "ARCHIVE_COPY", "x", null, null)))))
			.isEqualTo("region:servicedesk.region.unknown");
		assertThat(field(() -> user.run(() -> desk.file(new NewServiceRequest(YUZHONG, "ARCHIVE_COPY", "a\u202Eb", null,
				null))))).startsWith("subject:");
		assertThat(field(() -> user.run(() -> desk.file(new NewServiceRequest(YUZHONG, "ARCHIVE_COPY", "x".repeat(201),
				null, null))))).isEqualTo("subject:servicedesk.text.tooLong");
		assertThat(field(() -> yuzhong.run(() -> desk.file(new NewServiceRequest(YUZHONG, "ARCHIVE_COPY", "x", null, " ")))))
			.isEqualTo("requesterName:servicedesk.requesterName.required");
		assertThat(field(() -> yuzhong.run(() -> desk.file(new NewServiceRequest(TestActor.WANZHOU, "ARCHIVE_COPY", "x",
				null, "张三"))))).isEqualTo("region:servicedesk.region.notYours");
		assertThatThrownBy(() -> TestActor.regulator().run(() -> desk.file(new NewServiceRequest(YUZHONG, "ARCHIVE_COPY",
				"x", null, null)))).isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("messageKey",
						"servicedesk.usersOnly");
	}

	@Test
	void a_user_sees_their_own_requests_and_district_staff_their_districts() {
		TestActor owner = user("own");
		TestActor other = user("other");
		ServiceRequestView mine = filed(owner, "TRADE_CERTIFICATE");
		ServiceRequestView wanzhou = TestActor.districtStaff(TestActor.WANZHOU).call(() -> desk.file(
				new NewServiceRequest(null, "ARCHIVE_COPY", "万州窗口 " + run, null, "王五")));
		assertThat(wanzhou.channel()).isEqualTo(Channel.COUNTER);
		assertThat(wanzhou.region()).isEqualTo(RegionCode.of(TestActor.WANZHOU));
		assertThatThrownBy(() -> other.call(() -> desk.request(mine.id()))).isInstanceOf(Refusal.class)
			.hasFieldOrPropertyWithValue("messageKey", "servicedesk.request.notFound");
		assertThat(other.call(() -> desk.mine())).isEmpty();
		TestActor yuzhong = TestActor.districtStaff(YUZHONG);
		assertThat(yuzhong.call(() -> desk.queue())).extracting(ServiceRequestView::id).contains(mine.id())
			.doesNotContain(wanzhou.id());
		assertThatThrownBy(() -> yuzhong.call(() -> desk.request(wanzhou.id()))).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> yuzhong.call(() -> desk.finish(wanzhou.id(), "办结", wanzhou.version())))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("messageKey", "servicedesk.request.notFound");
		assertThat(TestActor.cityStaff().call(() -> desk.queue())).extracting(ServiceRequestView::id)
			.contains(mine.id(), wanzhou.id());
	}

	@Test
	void an_open_request_is_escalated_one_working_day_before_its_limit_and_only_once() {
		ServiceRequestView request = filed(user("esc"), "VENUE_BOOKING");
		assertThat(request.warnOn()).isAfter(request.filedOn()).isBefore(request.dueOn());
		desk.escalate(request.warnOn().minusDays(1));
		assertThat(byId(request.id()).orElseThrow().escalatedAt()).isNull();
		assertThat(desk.escalate(request.warnOn())).isPositive();
		Instant escalated = byId(request.id()).orElseThrow().escalatedAt();
		assertThat(escalated).isNotNull();
		desk.escalate(request.dueOn());
		assertThat(byId(request.id()).orElseThrow().escalatedAt()).isEqualTo(escalated);
		assertThat(byId(request.id()).orElseThrow().overdue(request.dueOn().plusDays(1))).isTrue();
	}

	@Test
	void staff_take_charge_and_finish_and_the_timer_stops() {
		TestActor user = user("fin");
		ServiceRequestView request = filed(user, "ARCHIVE_COPY");
		TestActor yuzhong = TestActor.districtStaff(YUZHONG);
		assertThat(field(() -> yuzhong.run(() -> desk.assign(request.id(), "nobody." + run, request.version()))))
			.isEqualTo("assignee:servicedesk.assignee.unknown");
		ServiceRequestView claimed = yuzhong.call(() -> desk.claim(request.id(), request.version()));
		assertThat(claimed.assignee()).isEqualTo("staff.yuzhong");
		assertThat(field(() -> yuzhong.run(() -> desk.claim(request.id(), request.version()))))
			.isEqualTo("assignee:servicedesk.request.changed");
		assertThat(field(() -> yuzhong.run(() -> desk.finish(request.id(), " ", claimed.version()))))
			.isEqualTo("outcome:servicedesk.outcome.required");
		assertThat(field(() -> user.run(() -> satisfaction.rate(request.id(), new NewRating("SATISFIED", Set.of(), null)))))
			.isEqualTo("level:servicedesk.rating.notFinished");
		ServiceRequestView done = yuzhong.call(() -> desk.finish(request.id(), "已复制档案 12 页", claimed.version()));
		assertThat(done.status()).isEqualTo(ServiceStatus.DONE);
		assertThat(done.workingDays()).isZero();
		assertThat(done.withinLimit()).isTrue();
		assertThat(done.finishedBy()).isEqualTo("staff.yuzhong");
		assertThat(field(() -> yuzhong.run(() -> desk.finish(request.id(), "再办", done.version()))))
			.isEqualTo("outcome:servicedesk.request.closed");
		assertThat(field(() -> user.run(() -> desk.addDocument(request.id(), "late.pdf",
				() -> new ByteArrayInputStream(new byte[] { 1 }))))).isEqualTo("document:servicedesk.request.closed");
	}

	@Test
	void documents_are_stored_by_their_hash_and_listed() {
		TestActor user = user("doc");
		ServiceRequestView request = filed(user, "ARCHIVE_COPY");
		byte[] content = ("申请表 " + run).getBytes(StandardCharsets.UTF_8);
		DocumentView doc = user.call(() -> desk.addDocument(request.id(), "C:\\材料\\申请表.pdf",
				() -> new ByteArrayInputStream(content)));
		assertThat(doc.fileName()).isEqualTo("申请表.pdf");
		assertThat(doc.sha256()).isEqualTo(org.yiwang.kernel.Sha256.hex(content));
		assertThat(TestActor.districtStaff(YUZHONG).call(() -> desk.documents(request.id()))).extracting(DocumentView::id)
			.containsExactly(doc.id());
		assertThat(field(() -> user.run(() -> desk.addDocument(request.id(), "empty.pdf",
				() -> new ByteArrayInputStream(new byte[0]))))).isEqualTo("document:servicedesk.document.empty");
		assertThat(field(() -> user.run(() -> desk.addDocument(request.id(), " ",
				() -> new ByteArrayInputStream(content))))).isEqualTo("document:servicedesk.document.name");
		assertThatThrownBy(() -> user("stranger").call(() -> desk.addDocument(request.id(), "x.pdf",
				() -> new ByteArrayInputStream(content)))).isInstanceOf(Refusal.class)
			.hasFieldOrPropertyWithValue("messageKey", "servicedesk.request.notFound");
	}

	ServiceRequestView finished(TestActor user) {
		ServiceRequestView request = filed(user, "TRADE_CERTIFICATE");
		return TestActor.districtStaff(YUZHONG).call(() -> desk.finish(request.id(), "已出具见证书", request.version()));
	}

	@Test
	void the_rating_rules() {
		TestActor user = user("rate");
		ServiceRequestView done = finished(user);
		UUID id = done.id();
		assertThat(field(() -> user.run(() -> satisfaction.rate(id, new NewRating("GREAT", Set.of(), null)))))
			.isEqualTo("level:servicedesk.rating.level");
		assertThat(field(() -> user.run(() -> satisfaction.rate(id, new NewRating("DISSATISFIED", Set.of(), "慢")))))
			.isEqualTo("reasons:servicedesk.rating.badNeedsReason");
		assertThat(field(() -> user.run(() -> satisfaction.rate(id, new NewRating("DISSATISFIED", Set.of("FAST"), null)))))
			.isEqualTo("reasons:servicedesk.rating.reasonMismatch");
		assertThat(field(() -> user.run(() -> satisfaction.rate(id, new NewRating("SATISFIED", Set.of("SLOW"), null)))))
			.isEqualTo("reasons:servicedesk.rating.reasonMismatch");
		assertThat(field(() -> user.run(() -> satisfaction.rate(id, new NewRating("SATISFIED", Set.of("NOPE"), null)))))
			.isEqualTo("reasons:servicedesk.rating.reasonUnknown");
		assertThat(field(() -> user.run(() -> satisfaction.rate(id, new NewRating("VERY_DISSATISFIED", Set.of("OTHER"),
				" "))))).isEqualTo("comment:servicedesk.rating.otherNeedsComment");
		assertThatThrownBy(() -> TestActor.districtStaff(YUZHONG).call(() -> satisfaction.rate(id,
				new NewRating("VERY_SATISFIED", Set.of(), null)))).isInstanceOf(Refusal.class)
			.hasFieldOrPropertyWithValue("messageKey", "servicedesk.rating.requesterOnly");
		RatingView rating = user.call(() -> satisfaction.rate(id, new NewRating("VERY_SATISFIED",
				Set.of("FAST", "ONE_VISIT"), "一次办好")));
		assertThat(rating.level()).isEqualTo(SatisfactionLevel.VERY_SATISFIED);
		assertThat(rating.reasons()).containsExactly(RatingReason.FAST, RatingReason.ONE_VISIT);
		assertThat(rating.staff()).isEqualTo("staff.yuzhong");
		assertThat(user.call(() -> satisfaction.rectification(id))).isEmpty();
		assertThat(field(() -> user.run(() -> satisfaction.rate(id, new NewRating("SATISFIED", Set.of(), null)))))
			.isEqualTo("level:servicedesk.rating.already");
	}

	@Test
	void a_bad_rating_opens_a_rectification_that_staff_answer_and_close_with_a_revisit() {
		TestActor user = user("rect");
		UUID id = finished(user).id();
		user.call(() -> satisfaction.rate(id, new NewRating("DISSATISFIED", Set.of("NOT_TOLD_AT_ONCE", "MANY_VISITS"),
				"跑了两次才办成")));
		RectificationView opened = user.call(() -> satisfaction.rectification(id)).orElseThrow();
		assertThat(opened.status()).isEqualTo(RectificationStatus.OPEN);
		assertThat(opened.dueOn()).isEqualTo(calendar.schedule().after(desk.serviceDay(), 15).lastDay());
		TestActor yuzhong = TestActor.districtStaff(YUZHONG);
		assertThat(field(() -> yuzhong.run(() -> satisfaction.revisit(id, "RESOLVED", "已回访"))))
			.isEqualTo("revisit:servicedesk.rectification.notReplied");
		assertThat(field(() -> yuzhong.run(() -> satisfaction.reply(id, "")))).isEqualTo(
				"reply:servicedesk.rectification.replyRequired");
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> satisfaction.reply(id, "越权")))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("messageKey", "servicedesk.request.notFound");
		yuzhong.call(() -> satisfaction.reply(id, "已在窗口张贴一次性告知清单，并对承办人进行业务培训。"));
		assertThat(field(() -> yuzhong.run(() -> satisfaction.reply(id, "再答复"))))
			.isEqualTo("reply:servicedesk.rectification.notOpen");
		assertThat(field(() -> yuzhong.run(() -> satisfaction.revisit(id, "MAYBE", "x"))))
			.isEqualTo("revisit:servicedesk.rectification.revisitOutcome");
		yuzhong.call(() -> satisfaction.revisit(id, "RESOLVED", "电话回访，申请人认可整改。"));
		RectificationView closed = user.call(() -> satisfaction.rectification(id)).orElseThrow();
		assertThat(closed.status()).isEqualTo(RectificationStatus.CLOSED);
		assertThat(closed.revisit()).isEqualTo(RevisitOutcome.RESOLVED);
		assertThat(closed.reply()).contains("一次性告知");
		assertThat(closed.repliedBy()).isEqualTo("staff.yuzhong");
	}

	@Test
	void a_registration_review_counts_itself_from_the_registry_events() {
		String user = ("sd" + run).toLowerCase();
		EntityView entity = registry.register(new Registration(EntityKind.ORGANIZATION, "服务测试公司" + run,
				TestActor.creditCode(YUZHONG), null, "法人" + run, "联系人", "023-12345678", "sd@example.cn", "重庆市渝中区",
				"150", YUZHONG, Set.of(EntityRole.TENDERER), user, "Servicedesk-pass-2026"));
		String source = "entity:" + entity.id();
		ServiceRequestView open = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> sourced(source), l -> !l.isEmpty()).get(0);
		assertThat(open.item()).isEqualTo("ENTITY_REGISTRATION");
		assertThat(open.channel()).isEqualTo(Channel.AUTOMATIC);
		assertThat(open.requester()).isEqualTo(user);
		assertThat(open.requesterName()).isEqualTo("服务测试公司" + run);
		EntityView returned = TestActor.districtStaff(YUZHONG).call(() -> registry.returnForCorrection(entity.id(),
				entity.version(), "营业执照不清晰"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !sourced(source).get(0).open());
		assertThat(sourced(source).get(0).finishedBy()).isEqualTo("staff.yuzhong");
		assertThat(sourced(source).get(0).outcome()).isEqualTo("key:servicedesk.outcome.returned");
		TestActor.signedIn(login, user, "Servicedesk-pass-2026", () -> registry.resubmit("服务测试公司" + run,
				"法人" + run, "联系人", "023-12345678", "重庆市渝中区"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sourced(source).size() == 2);
		EntityView resubmitted = registry.find(entity.id()).orElseThrow();
		TestActor.districtStaff(YUZHONG).call(() -> registry.approve(entity.id(), resubmitted.version()));
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> sourced(source).stream().noneMatch(ServiceRequestView::open));
		assertThat(sourced(source)).extracting(ServiceRequestView::outcome)
			.containsExactly("key:servicedesk.outcome.returned", "key:servicedesk.outcome.approved");
		// the member sees both on the web and may rate them
		assertThat(TestActor.of(user, Role.TENDERER, TestActor.CITY, true).call(() -> desk.mine())).hasSize(2);
		assertThat(returned).isNotNull();
	}

	@Autowired
	org.springframework.security.authentication.AuthenticationProvider login;

	@Test
	void a_finishing_step_that_arrives_first_leaves_a_placeholder_its_opening_step_fills() throws Exception {
		// the database keeps microseconds: the events carry instants it stores as they are
		Instant executed = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Instant instructed = executed.minusSeconds(60);
		UUID refund = UUID.randomUUID();
		Actor bank = new Actor("bank." + run, Role.API_CLIENT.name(), null);
		Actor staff = new Actor("staff.yuzhong", Role.CENTER_STAFF.name(), YUZHONG);
		TradeCode trade = TradeCode.of("CQ-500103-2026-GC-" + run.substring(0, 4).toUpperCase());
		// the listeners run asynchronously: each step is awaited
		automatic.on(new RefundExecuted(bank, refund, "SA" + run, "BANK-" + run, Money.of("1000.00"),
				RegionCode.of(YUZHONG), executed));
		List<ServiceRequestView> early = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> sourced("refund:" + refund), l -> !l.isEmpty());
		assertThat(early.get(0).open()).isFalse();
		automatic.on(new RefundInstructed(staff, refund, "SA" + run, trade, Money.of("1000.00"), Money.of("0.00"),
				LocalDate.now(), ReleaseReason.values()[0], RegionCode.of(YUZHONG), instructed));
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> sourced("refund:" + refund).get(0).filedAt().isBefore(executed.minusSeconds(30)));
		// replays change nothing
		automatic.on(new RefundInstructed(staff, refund, "SA" + run, trade, Money.of("1000.00"), Money.of("0.00"),
				LocalDate.now(), ReleaseReason.values()[0], RegionCode.of(YUZHONG), instructed));
		automatic.on(new RefundExecuted(bank, refund, "SA" + run, "BANK-" + run, Money.of("1000.00"),
				RegionCode.of(YUZHONG), executed));
		Thread.sleep(2000);
		List<ServiceRequestView> filled = sourced("refund:" + refund);
		assertThat(filled).hasSize(1);
		assertThat(filled.get(0).filedAt()).isEqualTo(instructed);
		assertThat(filled.get(0).subject()).contains(trade.value());
		assertThat(filled.get(0).withinLimit()).isTrue();
		assertThat(filled.get(0).outcome()).isEqualTo("key:servicedesk.outcome.refunded");
		// a bank finishing a refund is no staff member
		assertThat(filled.get(0).finishedBy()).isNull();
	}

	@Test
	void staff_and_public_figures_count_finished_requests_and_ratings() {
		TestActor user = user("fig");
		ServiceRequestView first = finished(user);
		ServiceRequestView second = finished(user);
		user.call(() -> satisfaction.rate(first.id(), new NewRating("VERY_SATISFIED", Set.of("FAST"), null)));
		user.call(() -> satisfaction.rate(second.id(), new NewRating("VERY_DISSATISFIED", Set.of("POOR_ATTITUDE"), null)));
		List<StaffFigures> figures = TestActor.districtStaff(YUZHONG).call(() -> performance.staffFigures());
		StaffFigures mine = figures.stream().filter(f -> f.staff().equals("staff.yuzhong")
				&& f.month().equals(java.time.YearMonth.from(desk.serviceDay()))).findFirst().orElseThrow();
		assertThat(mine.completed()).isGreaterThanOrEqualTo(2);
		assertThat(mine.rated()).isGreaterThanOrEqualTo(2);
		assertThat(mine.bad()).isGreaterThanOrEqualTo(1);
		assertThat(mine.withinLimitPercent()).isNotNull();
		// Wanzhou's staff see nothing of Yuzhong's people
		assertThat(TestActor.districtStaff(TestActor.WANZHOU).call(() -> performance.staffFigures()))
			.noneMatch(f -> f.staff().equals("staff.yuzhong"));
		PublicFigures open = performance.publicFigures();
		assertThat(open.handled()).isGreaterThanOrEqualTo(2);
		assertThat(open.rated()).isGreaterThanOrEqualTo(2);
		assertThat(open.satisfiedPercent()).isNotNull();
		assertThat(open.items()).extracting(PublicFigures.ItemFigures::item).contains("TRADE_CERTIFICATE");
		assertThatThrownBy(() -> user.call(() -> performance.staffFigures())).isInstanceOf(Refusal.class);
	}
}
