package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.system.Refusal;
import org.yiwang.venue.BookingPurpose;
import org.yiwang.venue.BookingView;
import org.yiwang.venue.NewRoom;
import org.yiwang.venue.NewSite;
import org.yiwang.venue.SiteView;
import org.yiwang.venue.Venues;

/**
 * Tendering books its rooms through the venue module: publishing a section of a district with an opening hall and an
 * evaluation room books both; a second section whose deadline finds the hall taken is refused before publication
 * (nothing published); an amendment that moves the deadline moves the bookings, or is refused before it goes out.
 */
@PlatformTest
class SectionVenuesTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** 铜梁区: a district no other test publishes in. */
	static final String REGION = "500151";

	@Autowired
	ApplicationContext context;

	@Autowired
	Venues venues;

	@Autowired
	TenderDiscussion discussion;

	@Autowired
	WorkingCalendar calendar;

	@TempDir
	Path dir;

	OpeningFixture f;

	@BeforeEach
	void fixture() {
		boolean installed = OpeningFixture.opensslInstalled();
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
	}

	/** A site of the district with one opening hall and one evaluation room, made once per database. */
	void rooms() {
		TestActor.cityStaff().run(() -> {
			if (venues.sites().stream().anyMatch(s -> s.region().value().equals(REGION))) {
				return;
			}
			SiteView site = venues.addSite(new NewSite(REGION, "铜梁区交易中心", "铜梁区 1 号", "08:30", "18:00"));
			venues.addRoom(site.id(), new NewRoom("开标室", "OPENING_HALL", 40, List.of("投影"), 30, 30));
			venues.addRoom(site.id(), new NewRoom("评标室", "EVALUATION_ROOM", 9, List.of("隔离门禁"), 30, 30));
		});
	}

	/** A section of the district, registered, approved, its document uploaded and signed, notice submitted. */
	SectionView submitted(Instant deadline) {
		f.tendererEntity();
		SectionView registered = f.tenderer().call(() -> f.beans.desk().registerTender(new NewTender("场地测试项目" + f.run,
				null, "场地测试招标" + UUID.randomUUID(), null, new SectionDetails("一标段", REGION, "ENG_BUILDING",
						new BigDecimal("1000000"), BigDecimal.ZERO, 60, List.of()), ExampleFacts.works())));
		SectionView approved = TestActor.cityStaff()
			.call(() -> f.beans.desk().approve(registered.id(), registered.version()));
		f.tenderer().run(() -> f.beans.documents().upload(approved.id(), "文件.txt", "text/plain",
				new ByteArrayInputStream(OpeningFixture.DOCUMENT)));
		f.signDocuments(approved.id());
		Instant now = f.beans.clock().instant();
		return f.tenderer().call(() -> f.beans.desk().submitNotice(approved.id(), new NoticeDraft("场地测试公告", "正文",
				now, now.plus(Duration.ofDays(7)), deadline, true)));
	}

	SectionView publish(SectionView submitted) {
		return TestActor.cityStaff().call(() -> f.beans.desk().publish(submitted.id(), submitted.version()));
	}

	/** 09:30 on a working day at least 26 days ahead, a different one for each call. */
	Instant deadline(int extraDays) {
		LocalDate day = f.beans.clock().instant().atZone(CHINA).toLocalDate().plusDays(26 + extraDays);
		while (!calendar.schedule().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day.atTime(LocalTime.of(9, 30)).atZone(CHINA).toInstant();
	}

	List<BookingView> active(SectionView section) {
		return TestActor.cityStaff().call(() -> venues.bookingsFor(section.tradeCode().value())).stream()
			.filter(BookingView::active).toList();
	}

	@Test
	void publishing_books_the_opening_hall_and_evaluation_room_and_a_taken_hall_stops_the_next_publication() {
		rooms();
		Instant deadline = deadline(UUID.randomUUID().hashCode() & 0x3f);
		SectionView published = publish(submitted(deadline));
		assertThat(published.published()).isTrue();
		List<BookingView> held = active(published);
		assertThat(held).extracting(BookingView::purpose)
			.containsExactlyInAnyOrder(BookingPurpose.OPENING, BookingPurpose.EVALUATION);
		BookingView opening = held.stream().filter(b -> b.purpose() == BookingPurpose.OPENING).findFirst().orElseThrow();
		assertThat(opening.startsAt()).isEqualTo(deadline);
		assertThat(opening.occupiedFrom()).isEqualTo(deadline.minus(Duration.ofMinutes(30)));
		BookingView evaluation = held.stream().filter(b -> b.purpose() == BookingPurpose.EVALUATION).findFirst().orElseThrow();
		assertThat(evaluation.startsAt().atZone(CHINA).toLocalDate())
			.isAfter(deadline.atZone(CHINA).toLocalDate());

		// another section with the same deadline in the same district: the hall is taken, publication is refused
		SectionView second = submitted(deadline);
		Refusal refused = null;
		try {
			publish(second);
		}
		catch (Refusal refusal) {
			refused = refusal;
		}
		assertThat(refused).isNotNull();
		assertThat(refused.messageKey()).isEqualTo("venue.tender.noOpeningHall");
		assertThat(refused.field()).isEqualTo("bidDeadline");
		SectionView after = TestActor.cityStaff().call(() -> f.beans.desk().dossier(second.id())).section();
		assertThat(after.status()).isEqualTo(SectionStatus.NOTICE_SUBMITTED);
		assertThat(active(second)).isEmpty();
	}

	@Test
	void an_amendment_that_moves_the_deadline_moves_the_bookings_or_is_refused_before_it_goes_out() {
		rooms();
		SectionView published = publish(submitted(deadline(70 + (UUID.randomUUID().hashCode() & 0x3f))));
		// the deadline five days away, as if the clock had moved on (the fixture's way): an amendment moves it to 15 days
		Instant near = f.beans.clock().instant().plus(Duration.ofDays(5));
		f.platform(() -> f.beans.jdbc().sql("update tendering.sections set bid_deadline = ? where id = ?")
			.params(Timestamp.from(near), published.id().value()).update());
		Refusal refused = null;
		try {
			f.tenderer().run(() -> discussion.clarify(published.id(), "工程量清单第 3 项修改。", true));
		}
		catch (Refusal refusal) {
			refused = refusal;
		}
		SectionView now = TestActor.cityStaff().call(() -> f.beans.desk().dossier(published.id())).section();
		List<BookingView> held = active(published);
		if (refused == null) {
			// the new deadline fell in the hall's hours on a working day: the opening moved with it
			assertThat(now.bidDeadline()).isAfter(near);
			assertThat(held).filteredOn(b -> b.purpose() == BookingPurpose.OPENING).singleElement()
				.extracting(BookingView::startsAt).isEqualTo(now.bidDeadline());
			assertThat(TestActor.cityStaff().call(() -> venues.bookingsFor(published.tradeCode().value())))
				.filteredOn(b -> !b.active()).hasSize(2);
		}
		else {
			// it fell outside them (a night, a holiday): the amendment is refused before it is published
			assertThat(refused.messageKey()).isEqualTo("venue.tender.noOpeningHall");
			assertThat(now.bidDeadline()).isEqualTo(near);
			assertThat(held).hasSize(2);
		}
	}
}
