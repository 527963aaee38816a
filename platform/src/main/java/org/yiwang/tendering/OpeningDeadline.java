package org.yiwang.tendering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.OpeningChanged.OpeningFailed;
import org.yiwang.tendering.OpeningChanged.OpeningStarted;

/**
 * The opening hall's clock (split from {@link OpeningHall}, which keeps the public entry points): at a section's bid
 * deadline it moves to opening, with each standing bid entered for decryption, or, with fewer standing bids than its
 * template's minimum (招标投标法 Art. 28, 实施条例 Art. 44: 3), fails with a signed failure notice and its bid
 * securities released. Decided once per section under its row lock, by whichever node or request gets there first.
 */
@Component
class OpeningDeadline {

	private static final Logger log = LoggerFactory.getLogger(OpeningDeadline.class);

	/** Without a template value: 30 minutes to decrypt. */
	static final int DEFAULT_WINDOW_MINUTES = 30;

	/** Without a template value: the law's 3 bids. */
	static final int DEFAULT_MIN_BIDS = 3;

	private final Sections sections;

	private final SectionAccess access;

	private final Openings openings;

	private final Catalog catalog;

	private final PlatformKeys platformKeys;

	private final BidSecurity bidSecurity;

	private final NoticeFacts facts;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	OpeningDeadline(Sections sections, SectionAccess access, Openings openings, Catalog catalog,
			PlatformKeys platformKeys, BidSecurity bidSecurity, NoticeFacts facts, ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock) {
		this.sections = sections;
		this.access = access;
		this.openings = openings;
		this.catalog = catalog;
		this.platformKeys = platformKeys;
		this.bidSecurity = bidSecurity;
		this.facts = facts;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Moves every published, unpaused section whose bid deadline has passed to opening (or to failure). Idempotent and
	 * safe to run at any time, on any node, after a restart: each section is decided once, under its row lock.
	 *
	 * @return how many sections it moved
	 */
	int openDue() {
		List<SectionId> due = asPlatform(() -> jdbc.sql("""
				select id from tendering.sections where status = 'PUBLISHED' and paused_since is null
				  and bid_deadline <= ? order by bid_deadline""")
			.param(Timestamp.from(clock.instant())).query((rs, n) -> new SectionId(rs.getObject(1, UUID.class))).list());
		int moved = 0;
		for (SectionId id : due) {
			try {
				moved += openIfDue(id) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("Could not open section {} at its deadline; the next run tries again", id, e);
			}
		}
		return moved;
	}

	/** The same check for one section (when someone opens its hall): true when it moved now. */
	boolean openIfDue(SectionId id) {
		Instant now = clock.instant();
		Optional<OpeningChanged> moved = asPlatform(() -> {
			SectionView section = sections.lock(id).orElse(null);
			if (section == null || !section.published() || section.paused() || section.bidDeadline() == null
					|| now.isBefore(section.bidDeadline())) {
				return Optional.empty();
			}
			int round = jdbc.sql("select round from tendering.sections where id = ?").param(id.value())
				.query(Integer.class).single();
			ProcedureTemplate template = catalog.template(section.category(), section.templateVersion());
			int minBids = template.minBids() > 0 ? template.minBids() : DEFAULT_MIN_BIDS;
			int window = template.decryptionWindowMinutes() == null || template.decryptionWindowMinutes() <= 0
					? DEFAULT_WINDOW_MINUTES : template.decryptionWindowMinutes();
			List<Openings.Standing> standing = openings.standing(id, section.bidDeadline());
			Instant until = section.bidDeadline().plus(Duration.ofMinutes(window));
			if (standing.size() < minBids) {
				UUID noticeId = UUID.randomUUID();
				String text = NoticeText.of(noticeId, NoticeType.FAILED, section, failureTitle(section, round),
						failureBody(section, round, standing.size(), minBids), section.bidDeadline(),
						section.documentsFrom(), now);
				String signature = Base64.getEncoder().encodeToString(platformKeys.sign(NoticeText.bytes(text)));
				openings.add(new Openings.Opening(id, round, section.region(), "FAILED", standing.size(), minBids, now,
						until, template.backupDecryption(), null, noticeId, text, signature, null, null));
				setStatus(section, SectionStatus.FAILED, now);
				events.publishEvent(OpeningHall.notice(noticeId, NoticeType.FAILED, section, failureTitle(section, round),
						failureBody(section, round, standing.size(), minBids), null, text, signature, now)
					.with(facts.of(section)));
				if (section.bidSecurity().compareTo(Money.ZERO) > 0) {
					bidSecurity.transactionEnded(section.tradeCode(), Optional.empty());
				}
				OpeningChanged failed = new OpeningFailed(Actor.SYSTEM, id, section.tradeCode(), round, standing.size(),
						minBids, noticeId, section.region(), now);
				events.publishEvent(failed);
				return Optional.of(failed);
			}
			openings.add(new Openings.Opening(id, round, section.region(), "OPENING", standing.size(), minBids, now, until,
					template.backupDecryption(), null, null, null, null, null, null));
			for (Openings.Standing bid : standing) {
				openings.addEntry(id, round, section.region(), bid);
			}
			setStatus(section, SectionStatus.OPENING, now);
			OpeningChanged started = new OpeningStarted(Actor.SYSTEM, id, section.tradeCode(), round, standing.size(),
					until, section.region(), now);
			events.publishEvent(started);
			return Optional.of(started);
		});
		moved.ifPresent(m -> log.info("Section {} at its deadline: {}", id, m.action()));
		return moved.isPresent();
	}

	private static String failureTitle(SectionView section, int round) {
		return section.name() + " 流标公告" + (round > 1 ? "（第" + round + "轮）" : "");
	}

	private static String failureBody(SectionView section, int round, int bids, int minBids) {
		return "%s（交易标识码 %s）第%d轮投标截止时，递交且未撤回的投标文件为%d份，少于%d份。依照《招标投标法》第二十八条、《招标投标法实施条例》第四十四条，不予开标，招标人应当依法重新招标。投标保证金予以退还。"
			.formatted(section.name(), section.tradeCode(), round, bids, minBids);
	}

	/** Runs as the platform itself, with no principal (the deadline is nobody's act), in a transaction. */
	private <T> T asPlatform(Supplier<T> work) {
		SecurityContext saved = SecurityContextHolder.getContext();
		SecurityContextHolder.clearContext();
		try {
			return access.platform(work);
		}
		finally {
			SecurityContextHolder.setContext(saved);
		}
	}

	private void setStatus(SectionView section, SectionStatus to, Instant now) {
		if (!sections.setStatus(section.id(), section.version(), section.status(), to, null,
				Actors.actor().username(), now)) {
			throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
		}
	}
}
