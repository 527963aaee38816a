package org.yiwang.tendering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * A regulator's power the operator does not have (管办分离): suspending a published section's procedure and lifting the
 * suspension (招标投标法实施条例 Art. 62; 政府采购法 Art. 57). While suspended no bid is accepted and the deadline does
 * not come; on resume the deadline moves on by the time the procedure stood still, so bidders lose none of their time.
 * Only a regulator of the section's region and category may do it; the supervision module calls this after the
 * regulator signed the order, and names that signed act as the decision.
 */
@Service
public class SectionSuspensions {

	private final Sections sections;

	private final SuspensionRecords suspensions;

	private final TenderDesk desk;

	private final Participation participation;

	private final SectionAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SectionSuspensions(Sections sections, SuspensionRecords suspensions, TenderDesk desk, Participation participation,
			SectionAccess access, ApplicationEventPublisher events, Clock clock) {
		this.sections = sections;
		this.suspensions = suspensions;
		this.desk = desk;
		this.participation = participation;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** Suspends the published section's procedure now; refused when it is not accepting bids or already suspended. */
	public SuspensionView suspend(SectionId id, String reason, UUID decision) {
		Acting regulator = requireRegulator();
		String text = TenderDesk.required(reason, "reason", "tendering.suspension.reason", 2000);
		return access.audited("suspension", "section:" + id, null, () -> access.scoped(() -> {
			SectionView section = supervised(regulator, id);
			if (!section.published()) {
				throw Refusal.conflict(null, "tendering.suspension.notRunning");
			}
			if (suspensions.active(id).isPresent()) {
				throw Refusal.conflict(null, "tendering.suspension.already");
			}
			Instant now = clock.instant();
			ProcedureClock procedure = desk.clockOf(section);
			procedure.suspend(now);
			sections.setClock(id, procedure.deadline(), procedure.pausedSince());
			SuspensionView suspension = new SuspensionView(UUID.randomUUID(), id, text, decision,
					regulator.actor().username(), now, section.bidDeadline(), null, null, null, null);
			suspensions.add(suspension, section.region());
			for (EntityId bidder : participation.downloaders(id)) {
				participation.notify(id, section.region(), bidder, "tendering.notification.suspended",
						section.tradeCode().value(), now);
			}
			events.publishEvent(new ProcedureSuspended(regulator.actor(), id, suspension.id(), decision,
					section.region(), now));
			return suspension;
		}));
	}

	/**
	 * Lifts the active suspension now. Unless an objection still waits for its answer, the procedure runs again and
	 * the deadline moves on by the time it stood still.
	 */
	public SuspensionView resume(SectionId id, UUID decision) {
		Acting regulator = requireRegulator();
		return access.audited("resumption", "section:" + id, null, () -> access.scoped(() -> {
			SectionView section = supervised(regulator, id);
			SuspensionView active = suspensions.active(id)
				.orElseThrow(() -> Refusal.conflict(null, "tendering.suspension.none"));
			Instant now = clock.instant();
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
