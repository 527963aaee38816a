package org.yiwang.tendering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.TenderingChanged.ProcedureResumed;
import org.yiwang.tendering.TenderingChanged.ProcedureSuspended;

/**
 * A regulator's power the operator does not have (管办分离): suspending a section's procedure and lifting the
 * suspension (招标投标法实施条例 Art. 62; 政府采购法 Art. 57). While a published section is suspended no bid is accepted
 * and the deadline does not come; on resume the deadline moves on by the time the procedure stood still, so bidders
 * lose none of their time. While candidates are publicized (the usual moment of a complaint) a suspension stops the
 * award: no winner can be confirmed, and on resume what was left of the publicity is given back, so parties lose none
 * of their time to object.
 * Only a regulator of the section's region and category may do it; the supervision module calls this after the
 * regulator signed the order, and names that signed act as the decision.
 */
@Service
public class SectionSuspensions {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ProcedureClock.CHINA);

	private final Sections sections;

	private final SuspensionRecords suspensions;

	private final Awards awards;

	private final TenderDesk desk;

	private final Participation participation;

	private final SectionAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SectionSuspensions(Sections sections, SuspensionRecords suspensions, Awards awards, TenderDesk desk,
			Participation participation, SectionAccess access, ApplicationEventPublisher events, Clock clock) {
		this.sections = sections;
		this.suspensions = suspensions;
		this.awards = awards;
		this.desk = desk;
		this.participation = participation;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Suspends the section's procedure now: a published section's bidding, or its candidates' publicity; refused in
	 * any other state or when already suspended.
	 */
	public SuspensionView suspend(SectionId id, String reason, UUID decision) {
		Acting regulator = requireRegulator();
		String text = TenderDesk.required(reason, "reason", "tendering.suspension.reason", 2000);
		return access.audited("suspension", "section:" + id, null, () -> access.scoped(() -> {
			SectionView section = supervised(regulator, id);
			if (suspensions.active(id).isPresent()) {
				throw Refusal.conflict(null, "tendering.suspension.already");
			}
			Instant now = clock.instant();
			SuspensionView suspension;
			if (section.published()) {
				ProcedureClock procedure = desk.clockOf(section);
				procedure.suspend(now);
				sections.setClock(id, procedure.deadline(), procedure.pausedSince());
				suspension = new SuspensionView(UUID.randomUUID(), id, text, decision, regulator.actor().username(), now,
						section.bidDeadline(), null, null, null, null, SuspensionView.Phase.BIDDING);
			}
			else {
				AwardPublicityView publicity = publicityInForce(section)
					.orElseThrow(() -> Refusal.conflict(null, "tendering.suspension.notRunning"));
				suspension = new SuspensionView(UUID.randomUUID(), id, text, decision, regulator.actor().username(), now,
						publicity.publicityEnds(), null, null, null, null, SuspensionView.Phase.PUBLICITY);
			}
			suspensions.add(suspension, section.region());
			for (EntityId bidder : participation.downloaders(id)) {
				participation.notify(id, section.region(), bidder, suspension.phase() == SuspensionView.Phase.BIDDING
						? "tendering.notification.suspended" : "tendering.notification.suspendedPublicity",
						section.tradeCode().value(), now);
			}
			events.publishEvent(new ProcedureSuspended(regulator.actor(), id, suspension.id(), decision,
					section.region(), now));
			return suspension;
		}));
	}

	/**
	 * Lifts the active suspension now. A bidding section's deadline moves on by the time it stood still (unless an
	 * objection still holds it); a publicity suspended before its end ends that much later.
	 */
	public SuspensionView resume(SectionId id, UUID decision) {
		Acting regulator = requireRegulator();
		return access.audited("resumption", "section:" + id, null, () -> access.scoped(() -> {
			SectionView section = supervised(regulator, id);
			SuspensionView active = suspensions.active(id)
				.orElseThrow(() -> Refusal.conflict(null, "tendering.suspension.none"));
			Instant now = clock.instant();
			if (active.phase() == SuspensionView.Phase.PUBLICITY) {
				Instant after = resumePublicity(section, active, now);
				suspensions.resume(active.id(), regulator.actor().username(), now, decision, after);
				for (EntityId bidder : participation.downloaders(id)) {
					participation.notify(id, section.region(), bidder, "tendering.notification.resumedPublicity",
							TIME.format(after), now);
				}
				// the bid deadline did not move: nothing for the opening's venue to follow
				events.publishEvent(new ProcedureResumed(regulator.actor(), id, active.id(), decision, null, null,
						section.region(), now));
				return suspensions.of(id).stream().filter(s -> s.id().equals(active.id())).findFirst().orElseThrow();
			}
			ProcedureClock procedure = desk.clockOf(section);
			Instant before = procedure.deadline();
			Instant after = procedure.resume(now);
			sections.setClock(id, after, procedure.pausedSince());
			suspensions.resume(active.id(), regulator.actor().username(), now, decision, after);
			if (after.isAfter(before)) {
				sections.addDeadlineChange(id, section.region(), before, after, "suspension",
						regulator.actor().username(), now);
			}
			for (EntityId bidder : participation.downloaders(id)) {
				participation.notify(id, section.region(), bidder, "tendering.notification.resumed",
						section.tradeCode().value(), now);
			}
			events.publishEvent(new ProcedureResumed(regulator.actor(), id, active.id(), decision, before, after,
					section.region(), now));
			return suspensions.of(id).stream().filter(s -> s.id().equals(active.id())).findFirst().orElseThrow();
		}));
	}

	/**
	 * The publicity's new end: the time it still had when suspended, counted from now. A publicity that had already
	 * ended (the award was waiting), or that a re-evaluation order withdrew meanwhile, keeps its end.
	 */
	private Instant resumePublicity(SectionView section, SuspensionView active, Instant now) {
		Instant before = active.deadlineBefore();
		Optional<AwardPublicityView> publicity = publicityInForce(section)
			.filter(p -> p.publicityEnds().equals(before));
		if (publicity.isEmpty() || !active.suspendedAt().isBefore(before)) {
			return before;
		}
		Instant after = before.plus(Duration.between(active.suspendedAt(), now));
		awards.movePublicityEnd(section.id(), publicity.get().round(), publicity.get().attempt(), before, after);
		return after;
	}

	/** The candidates' publicity a suspension can hold: the section is publicizing and one is in force. */
	private Optional<AwardPublicityView> publicityInForce(SectionView section) {
		if (section.status() != SectionStatus.PUBLICIZING) {
			return Optional.empty();
		}
		return awards.publicity(section.id(), awards.round(section.id()));
	}

	/** The section's suspensions, oldest first, for staff and regulators of its region. */
	public List<SuspensionView> suspensions(SectionId id) {
		Acting acting = Actors.required();
		if (!SectionAccess.isStaff(acting) && !acting.hasRole(Role.REGULATOR)) {
			throw SectionAccess.notFound();
		}
		return access.scoped(() -> {
			access.forStaff(id);
			return suspensions.of(id);
		});
	}

	private static Acting requireRegulator() {
		return Actors.requireAnyRole("tendering.suspension.regulatorOnly", Role.REGULATOR);
	}

	/** The section, locked, when the regulator's region and industries cover it; not found otherwise. */
	private SectionView supervised(Acting regulator, SectionId id) {
		access.forStaff(id);
		SectionView section = sections.lock(id).orElseThrow(SectionAccess::notFound);
		if (!regulator.industries().contains(section.category())) {
			throw SectionAccess.notFound();
		}
		return section;
	}
}
