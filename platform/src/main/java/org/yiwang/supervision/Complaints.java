package org.yiwang.supervision;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.supervision.SupervisionChanged.ComplaintAccepted;
import org.yiwang.supervision.SupervisionChanged.ComplaintClockChanged;
import org.yiwang.supervision.SupervisionChanged.ComplaintFiled;
import org.yiwang.supervision.SupervisionChanged.ComplaintNotAccepted;
import org.yiwang.supervision.SupervisionChanged.ComplaintRuled;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;

/**
 * Complaints (投诉) against a section, from filing to ruling, on their statutory clocks. A bidder or other interested
 * party files with evidence; the competent regulator (the section's category's department, in the section's region)
 * decides whether to accept within 3 working days (5 in procurement), may stop the ruling clock for an expert review
 * or inspection, and rules within 30 working days. Refusing to accept and ruling are signed acts
 * ({@link RegulatoryActions}); a late step is flagged on the complaint and raised as {@link ComplaintOverdue}.
 */
@Service
public class Complaints {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int MAX_EVIDENCE_FILES = 10;

	private final ComplaintRecords records;

	private final EvidenceStore store;

	private final TenderDesk tenders;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Complaints(ComplaintRecords records, EvidenceStore store, TenderDesk tenders, EntityRegistry registry,
			Catalog catalog, WorkingCalendar calendar, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.records = records;
		this.store = store;
		this.tenders = tenders;
		this.registry = registry;
		this.catalog = catalog;
		this.calendar = calendar;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	// ---- the complainant -----------------------------------------------------------------------------------

	/**
	 * A bidder's entity complains about a published section with at least one evidence file, within the filing
	 * period; where the law wants an objection first, it states when it objected and when it was answered.
	 */
	public ComplaintView file(NewComplaint complaint, List<EvidenceFile> evidence) {
		Acting acting = Actors.requireAnyRole("supervision.complaint.bidderOnly", Role.BIDDER);
		EntityView entity = RegionScopes.callAsPlatform(() -> registry.myEntity())
			.filter(e -> e.approved() && e.holds(EntityRole.BIDDER))
			.orElseThrow(() -> Refusal.conflict(null, "supervision.complaint.noEntity"));
		SectionId sectionId = sectionId(complaint.section());
		SectionView section;
		try {
			section = tenders.dossier(sectionId).section();
		}
		catch (Refusal refusal) {
			if (refusal.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw Refusal.invalid("section", "supervision.complaint.section");
			}
			throw refusal;
		}
		ComplaintRegime regime = section.family() == ProcedureFamily.PROCUREMENT ? ComplaintRegime.PROCUREMENT
				: ComplaintRegime.TENDERING;
		if (complaint.ground() == null) {
			throw Refusal.invalid("ground", "supervision.complaint.ground");
		}
		String matter = text(complaint.matter(), 10, 4000, "matter", "supervision.complaint.matter");
		String request = text(complaint.request(), 2, 2000, "request", "supervision.complaint.request");
		LocalDate today = today();
		checkFiling(regime, complaint, today);
		List<EvidenceFile> files = evidence == null ? List.of()
				: evidence.stream().filter(f -> f != null && f.fileName() != null && !f.fileName().isBlank()).toList();
		if (files.isEmpty()) {
			throw Refusal.invalid("evidence", "supervision.evidence.required");
		}
		if (files.size() > MAX_EVIDENCE_FILES) {
			throw Refusal.invalid("evidence", "supervision.evidence.tooMany", MAX_EVIDENCE_FILES);
		}
		Instant now = clock.instant();
		List<ComplaintView.Evidence> stored = new ArrayList<>();
		for (EvidenceFile file : files) {
			String name = fileName(file.fileName());
			EvidenceStore.Stored blob;
			try (InputStream in = file.content().get()) {
				blob = store.store(in);
			}
			catch (java.io.IOException e) {
				throw Refusal.invalid("evidence", "supervision.evidence.unreadable", name);
			}
			String type = file.contentType() == null || file.contentType().isBlank() ? "application/octet-stream"
					: file.contentType();
			stored.add(new ComplaintView.Evidence(UUID.randomUUID(), name, type, blob.size(), blob.sha256(), blob.sm3(),
					now));
		}
		Department department = Department.ofSupervisor(catalog.category(section.category()).supervisorZh());
		LocalDate acceptanceDue = new ComplaintClock(calendar.schedule()).acceptanceDue(regime, today);
		UUID id = UUID.randomUUID();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> {
			records.add(new ComplaintRecords.Row(id, section.id().value(), section.tradeCode().value(), section.name(),
					section.category(), department, section.region(), regime, complaint.ground(), entity.id().value(),
					entity.name(), acting.actor().username(), matter, request, complaint.knownOn(),
					complaint.ground().needsObjection(regime) ? complaint.objectionRaisedOn() : null,
					complaint.ground().needsObjection(regime) ? complaint.objectionAnsweredOn() : null, now, today,
					acceptanceDue, ComplaintStatus.FILED, null, null, null, null, null, null, null, null, null, 0));
			stored.forEach(e -> records.addEvidence(id, section.region(), e));
			events.publishEvent(new ComplaintFiled(acting.actor(), id, section.id().value(), department.name(),
					acceptanceDue, section.region(), now));
		}));
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> view(records.byId(id).orElseThrow())));
	}

	/** The complaints the signed-in bidder's entity filed, newest first. */
	public List<ComplaintView> mine() {
		Actors.requireAnyRole("supervision.complaint.bidderOnly", Role.BIDDER);
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> registry.myEntity()
			.map(e -> records.ofComplainant(e.id().value()).stream().map(this::view).toList())
			.orElse(List.of())));
	}

	// ---- the regulator ---------------------------------------------------------------------------------------

	/** The complaints the signed-in regulator handles: its industries, in its regions; open ones first. */
	public List<ComplaintView> handled() {
		Acting regulator = requireRegulator();
		List<String> categories = regulator.industries().stream().map(CategoryCode::value).toList();
		return transactions.execute(status -> records.ofCategories(categories).stream().map(this::view).toList());
	}

	/** One complaint, for its complainant or its competent regulator; not found for anyone else. */
	public ComplaintView complaint(UUID id) {
		Acting acting = Actors.required();
		if (acting.hasRole(Role.REGULATOR)) {
			return transactions.execute(status -> view(competent(acting, id)));
		}
		if (acting.hasRole(Role.BIDDER)) {
			return RegionScopes.callAsPlatform(() -> transactions.execute(status -> view(own(id))));
		}
		throw notFound();
	}

	/** An evidence file's record and content, for whoever may see its complaint. */
	public EvidenceDownload evidence(UUID evidenceId) {
		Acting acting = Actors.required();
		Supplier<EvidenceDownload> find = () -> {
			UUID complaint = records.complaintOfEvidence(evidenceId).orElseThrow(Complaints::notFound);
			ComplaintRecords.Row row = acting.hasRole(Role.REGULATOR) ? competent(acting, complaint) : own(complaint);
			ComplaintView.Evidence file = records.evidence(row.id()).stream().filter(e -> e.id().equals(evidenceId))
				.findFirst().orElseThrow(Complaints::notFound);
			return new EvidenceDownload(file, () -> store.open(file.sha256()));
		};
		if (acting.hasRole(Role.REGULATOR)) {
			return transactions.execute(status -> find.get());
		}
		if (acting.hasRole(Role.BIDDER)) {
			return RegionScopes.callAsPlatform(() -> transactions.execute(status -> find.get()));
		}
		throw notFound();
	}

	/** An evidence file and a way to stream its content. */
	public record EvidenceDownload(ComplaintView.Evidence file, Supplier<InputStream> content) {
	}

	/** The competent regulator accepts a filed complaint; the ruling's 30 working days start (tendering law). */
	public ComplaintView accept(UUID id, long seenVersion) {
		Acting regulator = requireRegulator();
		return transactions.execute(status -> {
			ComplaintRecords.Row row = competent(regulator, id);
			if (row.status() != ComplaintStatus.FILED) {
				throw Refusal.conflict(null, "supervision.complaint.notFiled");
			}
			Instant now = clock.instant();
			LocalDate today = today();
			if (!records.accept(id, seenVersion, today, regulator.actor().username(), now)) {
				throw Refusal.conflict(null, "supervision.complaint.changed");
			}
			events.publishEvent(new ComplaintAccepted(regulator.actor(), id, today, row.region(), now));
			return view(records.byId(id).orElseThrow());
		});
	}

	/** The regulator stops the ruling clock for a period that does not count (expert review, inspection, correction). */
	public ComplaintView pauseClock(UUID id, PauseKind kind, String reason) {
		Acting regulator = requireRegulator();
		if (kind == null) {
			throw Refusal.invalid("kind", "supervision.pause.kind");
		}
		String text = text(reason, 2, 1000, "reason", "supervision.pause.reason");
		return transactions.execute(status -> {
			ComplaintRecords.Row row = competent(regulator, id);
			if (row.status() != ComplaintStatus.ACCEPTED) {
				throw Refusal.conflict(null, "supervision.pause.notAccepted");
			}
			if (kind == PauseKind.CORRECTION && row.regime() != ComplaintRegime.PROCUREMENT) {
				throw Refusal.invalid("kind", "supervision.pause.correctionProcurementOnly");
			}
			if (records.pauses(id).stream().anyMatch(ComplaintView.Pause::open)) {
				throw Refusal.conflict(null, "supervision.pause.alreadyOpen");
			}
			Instant now = clock.instant();
			LocalDate today = today();
			records.addPause(id, row.region(), new ComplaintView.Pause(UUID.randomUUID(), kind, text, today, null),
					regulator.actor().username());
			events.publishEvent(new ComplaintClockChanged(regulator.actor(), id, kind, true, today, row.region(), now));
			return view(records.byId(id).orElseThrow());
		});
	}

	/** The period that did not count ends today; the ruling clock runs again. */
	public ComplaintView resumeClock(UUID id) {
		Acting regulator = requireRegulator();
		return transactions.execute(status -> {
			ComplaintRecords.Row row = competent(regulator, id);
			ComplaintView.Pause open = records.pauses(id).stream().filter(ComplaintView.Pause::open).findFirst()
				.orElseThrow(() -> Refusal.conflict(null, "supervision.pause.noneOpen"));
			Instant now = clock.instant();
			LocalDate today = today();
			records.endPause(id, today, regulator.actor().username());
			events.publishEvent(new ComplaintClockChanged(regulator.actor(), id, open.kind(), false, today,
					row.region(), now));
			return view(records.byId(id).orElseThrow());
		});
	}

	// ---- called by RegulatoryActions once an act is signed (inside its transaction) --------------------------

	/** The complaint the regulator handles; not found otherwise. Call inside a transaction in the regulator's scope. */
	ComplaintRecords.Row competent(Acting regulator, UUID id) {
		ComplaintRecords.Row row = records.byId(id).orElseThrow(Complaints::notFound);
		if (!regulator.industries().contains(row.category()) || !regulator.regionScope().covers(row.region())) {
			throw notFound();
		}
		return row;
	}

	void notAccepted(Acting regulator, UUID id, String reason, UUID act) {
		ComplaintRecords.Row row = records.lock(id).orElseThrow(Complaints::notFound);
		Instant now = clock.instant();
		if (!records.notAccept(id, reason, regulator.actor().username(), now, act)) {
			throw Refusal.conflict(null, "supervision.complaint.notFiled");
		}
		events.publishEvent(new ComplaintNotAccepted(regulator.actor(), id, act, row.region(), now));
	}

	void ruled(Acting regulator, UUID id, RulingOutcome outcome, String ruling, UUID act) {
		ComplaintRecords.Row row = records.lock(id).orElseThrow(Complaints::notFound);
		if (records.pauses(id).stream().anyMatch(ComplaintView.Pause::open)) {
			throw Refusal.conflict(null, "supervision.rule.pauseOpen");
		}
		Instant now = clock.instant();
		if (!records.rule(id, outcome, ruling, act, now)) {
			throw Refusal.conflict(null, "supervision.rule.notAccepted");
		}
		events.publishEvent(new ComplaintRuled(regulator.actor(), id, row.section(), outcome, act, row.region(), now));
	}

	// ---- the platform ----------------------------------------------------------------------------------------

	/**
	 * Flags every open complaint whose acceptance or ruling is late today and raises {@link ComplaintOverdue} once per
	 * late step. Idempotent; run by {@link OverdueWatch}. Returns how many steps it flagged.
	 */
	public int flagOverdue() {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			int flagged = 0;
			Instant now = clock.instant();
			for (ComplaintRecords.Row row : records.open()) {
				ComplaintView view = view(row);
				if (view.overdueStep() == null) {
					continue;
				}
				boolean already = "acceptance".equals(view.overdueStep()) ? row.acceptanceOverdueAt() != null
						: row.rulingOverdueAt() != null;
				if (!already && records.flagOverdue(row.id(), view.overdueStep(), now)) {
					LocalDate due = "acceptance".equals(view.overdueStep()) ? view.acceptanceDue() : view.rulingDue();
					events.publishEvent(new ComplaintOverdue(Actor.SYSTEM, row.id(), row.section(), view.overdueStep(),
							due, row.department().name(), row.region(), now));
					flagged++;
				}
			}
			return flagged;
		}));
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private void checkFiling(ComplaintRegime regime, NewComplaint c, LocalDate today) {
		if (c.knownOn() == null) {
			throw Refusal.invalid("knownOn", "supervision.complaint.knownOn");
		}
		if (c.knownOn().isAfter(today)) {
			throw Refusal.invalid("knownOn", "supervision.complaint.future");
		}
		boolean objectionNeeded = c.ground().needsObjection(regime);
		ComplaintClock clock = new ComplaintClock(calendar.schedule());
		if (objectionNeeded) {
			if (c.objectionRaisedOn() == null) {
				throw Refusal.invalid("objectionRaisedOn", regime == ComplaintRegime.PROCUREMENT
						? "supervision.complaint.inquiryFirst" : "supervision.complaint.objectionFirst");
			}
			if (c.objectionRaisedOn().isAfter(today)) {
				throw Refusal.invalid("objectionRaisedOn", "supervision.complaint.future");
			}
			if (c.objectionAnsweredOn() != null && (c.objectionAnsweredOn().isBefore(c.objectionRaisedOn())
					|| c.objectionAnsweredOn().isAfter(today))) {
				throw Refusal.invalid("objectionAnsweredOn", "supervision.complaint.answeredOn");
			}
			if (regime == ComplaintRegime.PROCUREMENT
					&& c.objectionRaisedOn().isAfter(clock.lastObjectionDay(c.knownOn()))) {
				throw Refusal.invalid("objectionRaisedOn", "supervision.complaint.inquiryLate",
						ComplaintClock.PROCUREMENT_OBJECTION_WORKING_DAYS);
			}
			if (regime == ComplaintRegime.PROCUREMENT && c.objectionAnsweredOn() == null
					&& !today.isAfter(answerDue(c.objectionRaisedOn()))) {
				// 政府采购法 Art. 55: a complaint follows the answer, or the end of the answer period
				throw Refusal.invalid("objectionAnsweredOn", "supervision.complaint.inquiryPending",
						answerDue(c.objectionRaisedOn()));
			}
		}
		LocalDate last = clock.lastFilingDay(regime, objectionNeeded, c.knownOn(), c.objectionRaisedOn(),
				c.objectionAnsweredOn(), today);
		if (today.isAfter(last)) {
			throw Refusal.invalid("knownOn", "supervision.complaint.late", last);
		}
	}

	private LocalDate answerDue(LocalDate raisedOn) {
		return calendar.schedule().after(raisedOn, ComplaintClock.PROCUREMENT_ANSWER_WORKING_DAYS).lastDay();
	}

	private ComplaintRecords.Row own(UUID id) {
		EntityView me = registry.myEntity().orElseThrow(Complaints::notFound);
		ComplaintRecords.Row row = records.byId(id).orElseThrow(Complaints::notFound);
		if (!row.complainantId().equals(me.id().value())) {
			throw notFound();
		}
		return row;
	}

	/** The row with its clock worked out at today. */
	private ComplaintView view(ComplaintRecords.Row r) {
		LocalDate today = today();
		List<ComplaintView.Pause> pauses = records.pauses(r.id());
		List<ComplaintClock.Pause> stops = pauses.stream()
			.map(p -> new ComplaintClock.Pause(p.startedOn(), p.endedOn())).toList();
		ComplaintClock clock = new ComplaintClock(calendar.schedule());
		LocalDate rulingDue = null;
		int used = 0;
		boolean running = r.status() == ComplaintStatus.ACCEPTED || r.status() == ComplaintStatus.RULED
				|| (r.status() == ComplaintStatus.FILED && r.regime() == ComplaintRegime.PROCUREMENT);
		if (running) {
			LocalDate start = ComplaintClock.rulingClockStart(r.regime(), r.filedOn(), r.acceptedOn());
			rulingDue = clock.rulingDue(start, stops).orElse(null);
			LocalDate until = r.ruledAt() == null ? today : LocalDate.ofInstant(r.ruledAt(), CHINA);
			used = clock.rulingDaysUsed(start, stops, until);
		}
		String overdue = null;
		if (r.status() == ComplaintStatus.FILED && today.isAfter(r.acceptanceDue())) {
			overdue = "acceptance";
		}
		else if (r.status().open() && rulingDue != null && today.isAfter(rulingDue)) {
			overdue = "ruling";
		}
		return new ComplaintView(r.id(), r.section(), r.tradeCode(), r.sectionName(), r.category(), r.department(),
				r.region(), r.regime(), r.ground(), r.complainantId(), r.complainantName(), r.matter(), r.request(),
				r.knownOn(), r.objectionRaisedOn(), r.objectionAnsweredOn(), r.filedAt(), r.filedOn(),
				r.acceptanceDue(), r.status(), r.acceptedOn(), r.decidedBy(), r.notAcceptedReason(), r.outcome(),
				r.ruling(), r.rulingAct(), r.ruledAt(), records.evidence(r.id()), pauses, rulingDue, used, overdue,
				r.version());
	}

	/** Today in Beijing by the platform's clock: the day complaint clocks count from. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CHINA);
	}

	static Acting requireRegulator() {
		return Actors.requireAnyRole("supervision.regulatorOnly", Role.REGULATOR);
	}

	static Refusal notFound() {
		return Refusal.notFound("supervision.complaint.notFound");
	}

	static SectionId sectionId(String text) {
		try {
			return new SectionId(UUID.fromString(text == null ? "" : text.strip()));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("section", "supervision.complaint.section");
		}
	}

	static String text(String value, int min, int max, String field, String key) {
		String s = value == null ? "" : value.strip();
		if (s.length() < min || s.length() > max) {
			throw Refusal.invalid(field, key, min, max);
		}
		return s;
	}

	private static String fileName(String name) {
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).strip();
		if (base.isEmpty() || base.length() > 200 || base.chars().anyMatch(Character::isISOControl)) {
			throw Refusal.invalid("evidence", "supervision.evidence.name");
		}
		return base;
	}

	Optional<ComplaintRecords.Row> row(UUID id) {
		return records.byId(id);
	}
}
