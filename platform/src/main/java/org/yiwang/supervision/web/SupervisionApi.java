package org.yiwang.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.supervision.ComplaintView;
import org.yiwang.supervision.Complaints;
import org.yiwang.supervision.Department;
import org.yiwang.supervision.RegulatorWorkspace;
import org.yiwang.supervision.alert.AlertFollowUp;
import org.yiwang.supervision.alert.AlertView;
import org.yiwang.supervision.alert.Alerts;
import org.yiwang.tendering.SectionView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Read-only JSON for regulators' own systems: the workspace (sections of the regulator's industries in its regions,
 * bids as a count only), its complaints with their clocks, its alerts with their follow-ups. The same services as the
 * pages answer, so the same scope holds: another region's or industry's records are not found. Codes come with their
 * names (zh-CN and English) so a client need not know the code lists.
 */
@RestController
@Tag(name = "supervision", description = "Bid-rigging screens, risk score and alerts for regulators")
class SupervisionApi {

	private final RegulatorWorkspace workspace;

	private final Complaints complaints;

	private final Alerts alerts;

	private final MessageSource messages;

	SupervisionApi(RegulatorWorkspace workspace, Complaints complaints, Alerts alerts, MessageSource messages) {
		this.workspace = workspace;
		this.complaints = complaints;
		this.alerts = alerts;
		this.messages = messages;
	}

	/** A code with its names. */
	record Named(String code, String nameZh, String nameEn) {
	}

	record Workspace(List<Named> departments, List<Named> industries, List<Section> sections, long openComplaints,
			long overdueComplaints, int listings, int acts) {
	}

	/** A section as the workspace lists it: no bid contents, no bidders' names before the opening. */
	record Section(UUID id, String tradeCode, String projectName, String name, Named region, Named category,
			String status, Instant bidDeadline, Instant createdAt) {
	}

	@GetMapping("/api/supervision/workspace")
	@Operation(summary = "The signed-in regulator's workspace: departments, industries, sections in scope, counts")
	Workspace workspace() {
		RegulatorWorkspace.Overview o = workspace.overview();
		Map<String, String> zh = workspace.regionNames(Locale.SIMPLIFIED_CHINESE);
		Map<String, String> en = workspace.regionNames(Locale.ENGLISH);
		return new Workspace(o.departments().stream().map(SupervisionApi::named).toList(),
				o.industries().stream().map(c -> new Named(c.code().value(), c.nameZh(), c.nameEn())).toList(),
				o.sections().stream().map(s -> section(s, zh, en, o)).toList(), o.openComplaints(), o.overdueComplaints(),
				o.listings().size(), o.acts().size());
	}

	private Section section(SectionView s, Map<String, String> zh, Map<String, String> en, RegulatorWorkspace.Overview o) {
		String region = s.region().value();
		Named category = o.industries().stream().filter(c -> c.code().equals(s.category()))
			.map(c -> new Named(c.code().value(), c.nameZh(), c.nameEn())).findFirst()
			.orElse(new Named(s.category().value(), s.category().value(), s.category().value()));
		return new Section(s.id().value(), s.tradeCode().value(), s.projectName(), s.name(),
				new Named(region, zh.getOrDefault(region, region), en.getOrDefault(region, region)), category,
				s.status().name(), s.bidDeadline(), s.createdAt());
	}

	record Complaint(UUID id, UUID section, String tradeCode, String sectionName, String category, Named department,
			String region, String regime, String ground, String complainantName, String matter, String request,
			LocalDate knownOn, LocalDate filedOn, LocalDate acceptanceDue, String status, LocalDate acceptedOn,
			LocalDate rulingDue, int rulingDaysUsed, boolean clockStopped, String overdueStep, String outcome,
			String ruling, UUID rulingAct, Instant ruledAt, List<ComplaintView.Evidence> evidence,
			List<ComplaintView.Pause> pauses) {
	}

	@GetMapping("/api/supervision/complaints")
	@Operation(summary = "The complaints the signed-in regulator handles, with their statutory clocks")
	List<Complaint> complaints() {
		return complaints.handled().stream().map(SupervisionApi::complaint).toList();
	}

	@GetMapping("/api/supervision/complaints/{id}")
	@Operation(summary = "One complaint of the regulator's competence (evidence as hashes and names, not contents)")
	Complaint complaint(@PathVariable UUID id) {
		return complaint(complaints.complaint(id));
	}

	private static Complaint complaint(ComplaintView c) {
		return new Complaint(c.id(), c.section(), c.tradeCode(), c.sectionName(), c.category().value(),
				named(c.department()), c.region().value(), c.regime().name(), c.ground().name(), c.complainantName(),
				c.matter(), c.request(), c.knownOn(), c.filedOn(), c.acceptanceDue(), c.status().name(), c.acceptedOn(),
				c.rulingDue(), c.rulingDaysUsed(), c.clockStopped(), c.overdueStep(),
				c.outcome() == null ? null : c.outcome().name(), c.ruling(), c.rulingAct(), c.ruledAt(), c.evidence(),
				c.pauses());
	}

	record Alert(AlertView alert, Named rule, List<AlertFollowUp> followUps) {
	}

	@GetMapping("/api/supervision/alerts")
	@Operation(summary = "The alerts the signed-in regulator is competent for or was dispatched, newest first")
	List<Alert> alerts() {
		return alerts.visible().stream().map(a -> new Alert(a, rule(a.rule()), null)).toList();
	}

	@GetMapping("/api/supervision/alerts/{id}")
	@Operation(summary = "One alert with its evidence, its workflow and its follow-up records")
	Alert alert(@PathVariable UUID id) {
		AlertView alert = alerts.alert(id);
		return new Alert(alert, rule(alert.rule()), alerts.followUps(id));
	}

	private Named rule(String rule) {
		return new Named(rule, messages.getMessage("supervision.alert.rule." + rule, null, rule, Locale.SIMPLIFIED_CHINESE),
				messages.getMessage("supervision.alert.rule." + rule, null, rule, Locale.ENGLISH));
	}

	private static Named named(Department d) {
		return d == null ? null : new Named(d.name(), d.nameZh(), d.nameEn());
	}
}
