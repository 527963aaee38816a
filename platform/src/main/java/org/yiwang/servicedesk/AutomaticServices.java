package org.yiwang.servicedesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.guarantee.GuaranteeChanged.RefundExecuted;
import org.yiwang.guarantee.GuaranteeChanged.RefundInstructed;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.BindingStatus;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.RegistryChanged.CertificateBindingDecided;
import org.yiwang.registry.RegistryChanged.CertificateBindingRequested;
import org.yiwang.registry.RegistryChanged.EntityApproved;
import org.yiwang.registry.RegistryChanged.EntityRegistered;
import org.yiwang.registry.RegistryChanged.EntityResubmitted;
import org.yiwang.registry.RegistryChanged.EntityReturned;
import org.yiwang.supervision.SupervisionChanged.ComplaintAccepted;
import org.yiwang.supervision.SupervisionChanged.ComplaintFiled;
import org.yiwang.supervision.SupervisionChanged.ComplaintNotAccepted;
import org.yiwang.system.DisplayNames;

/**
 * The modules' own steps count as service items: a registration submitted (or resubmitted) opens an entity
 * registration review that its approval or return finishes; a certificate binding waiting for review, a deposit refund
 * instructed and a complaint filed likewise, until decided, executed and accepted (or not). The staff member who
 * decided is counted; steps of the platform itself (the demo organisations) are not services.
 *
 * <p>Listeners run concurrently, so a finishing step may arrive before its opening step: it then leaves a finished
 * placeholder that the opening step fills in, and every step is idempotent (replays change nothing).
 */
@Component
class AutomaticServices {

	private static final Logger log = LoggerFactory.getLogger(AutomaticServices.class);

	private final ServiceRecords records;

	private final ServiceDesk desk;

	private final DeskTransactions work;

	private final EntityRegistry registry;

	private final List<DisplayNames> names;

	AutomaticServices(ServiceRecords records, ServiceDesk desk, DeskTransactions work, EntityRegistry registry,
			List<DisplayNames> names) {
		this.records = records;
		this.desk = desk;
		this.work = work;
		this.registry = registry;
		this.names = names;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EntityRegistered e) {
		opened("ENTITY_REGISTRATION", "entity:" + e.entity(), e.region(), e.actor(), e.actor().username(), e.name(),
				e.name(), e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EntityResubmitted e) {
		String name = entityName(e.entity());
		opened("ENTITY_REGISTRATION", "entity:" + e.entity(), e.region(), e.actor(), e.actor().username(), name, name,
				e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EntityApproved e) {
		closed("ENTITY_REGISTRATION", "entity:" + e.entity(), e.region(), e.actor(), "key:servicedesk.outcome.approved",
				e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(EntityReturned e) {
		closed("ENTITY_REGISTRATION", "entity:" + e.entity(), e.region(), e.actor(), "key:servicedesk.outcome.returned",
				e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CertificateBindingRequested e) {
		if (e.status() == BindingStatus.ACTIVE) {
			return; // bound at once by a trusted CA's match: nobody had to serve it
		}
		String name = entityName(e.entity());
		opened("CERTIFICATE_BINDING", "binding:" + e.fingerprint(), e.region(), e.actor(), e.actor().username(), name,
				name, e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CertificateBindingDecided e) {
		closed("CERTIFICATE_BINDING", "binding:" + e.fingerprint(), e.region(), e.actor(),
				e.status() == BindingStatus.ACTIVE ? "key:servicedesk.outcome.approved" : "key:servicedesk.outcome.refused",
				e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RefundInstructed e) {
		String subject = e.tradeCode().value() + " · " + e.accountNumber();
		opened("DEPOSIT_REFUND", "refund:" + e.refund(), e.region(), e.actor(), null, e.accountNumber(), subject,
				e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(RefundExecuted e) {
		closed("DEPOSIT_REFUND", "refund:" + e.refund(), e.region(), e.actor(), "key:servicedesk.outcome.refunded",
				e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ComplaintFiled e) {
		opened("COMPLAINT_INTAKE", "complaint:" + e.complaint(), e.region(), e.actor(), e.actor().username(),
				e.actor().username(), "key:servicedesk.subject.complaint", e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ComplaintAccepted e) {
		closed("COMPLAINT_INTAKE", "complaint:" + e.complaint(), e.region(), e.actor(),
				"key:servicedesk.outcome.accepted", e.occurredAt());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ComplaintNotAccepted e) {
		closed("COMPLAINT_INTAKE", "complaint:" + e.complaint(), e.region(), e.actor(),
				"key:servicedesk.outcome.notAccepted", e.occurredAt());
	}

	private String entityName(EntityId entity) {
		return work.platform(() -> registry.find(entity)).map(EntityView::name).orElse(entity.toString());
	}

	/** The platform's own steps (the demo organisations, registered and approved by the system) are no service. */
	private static boolean platformItself(Actor actor) {
		return Actor.SYSTEM.role().equals(actor.role());
	}

	void opened(String itemCode, String sourceRef, RegionCode region, Actor actor, String requester,
			String requesterName, String subject, Instant at) {
		if (platformItself(actor)) {
			return;
		}
		work.platform(() -> {
			if (records.openedAt(sourceRef, at)) {
				return null;
			}
			ServiceItemView item = records.item(itemCode).orElseThrow();
			Optional<ServiceRequestView> early = records.placeholderFor(sourceRef)
				.filter(p -> !p.finishedAt().isBefore(at));
			String name = clip(requesterName, 100);
			if (early.isPresent()) {
				ServiceRequestView done = early.get();
				ServiceTimer timer = desk.timer();
				LocalDate filedOn = LocalDate.ofInstant(at, ServiceDesk.CHINA);
				LocalDate finishedOn = LocalDate.ofInstant(done.finishedAt(), ServiceDesk.CHINA);
				LocalDate due = timer.dueOn(filedOn, item.timeLimitDays());
				records.filedEarlier(done.id(), requester, name, clip(subject, 200), at, filedOn, due,
						timer.warnOn(filedOn, item.timeLimitDays()), timer.workingDays(filedOn, finishedOn),
						!finishedOn.isAfter(due));
				return null;
			}
			desk.open(actor, item, region, Channel.AUTOMATIC, clip(subject, 200), null, requester, name, sourceRef, at,
					null);
			return null;
		});
	}

	void closed(String itemCode, String sourceRef, RegionCode region, Actor actor, String outcome, Instant at) {
		// a staff member counts; the platform's own start-up acting as staff (no account of that name) does not
		String staff = actor.role().equals(Role.CENTER_STAFF.name()) && isAccount(actor.username()) ? actor.username()
				: null;
		work.platform(() -> {
			Optional<ServiceRequestView> open = records.openFor(sourceRef);
			if (open.isPresent()) {
				desk.close(actor, open.get(), outcome, at, staff);
				return null;
			}
			if (platformItself(actor) || records.finishedAt(sourceRef, at)) {
				return null;
			}
			log.debug("{} finished before its opening step arrived; a placeholder waits for it", sourceRef);
			ServiceItemView item = records.item(itemCode).orElseThrow();
			LocalDate on = LocalDate.ofInstant(at, ServiceDesk.CHINA);
			ServiceRequestView placeholder = new ServiceRequestView(java.util.UUID.randomUUID(),
					records.nextNumber(on.getYear()), region, item.code(), Channel.AUTOMATIC, "—", null, null, "—",
					actor.username(), at, on, on, on, item.timeLimitDays(), staff, ServiceStatus.DONE, null, at, staff,
					outcome, 0, true, 0);
			records.add(placeholder, sourceRef, true);
			return null;
		});
	}

	private boolean isAccount(String username) {
		return names.stream().filter(n -> n.kind().equals("account")).findFirst()
			.flatMap(n -> n.nameOf(username, Locale.ROOT)).isPresent();
	}

	private static String clip(String text, int max) {
		String value = text == null || text.isBlank() ? "—" : text.strip();
		return value.length() <= max ? value : value.substring(0, max);
	}
}
