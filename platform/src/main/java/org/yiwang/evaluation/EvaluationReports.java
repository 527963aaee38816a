package org.yiwang.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.CertificateView;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.EvaluationReported;

/**

/**
 * The evaluation report (评标报告): the leader has it drawn up once every score sheet is signed, the members sign its
 * PDF's exact bytes, and the signed report is published as {@link EvaluationReported} with the case's round and
 * attempt. Who may read the PDF: its committee, regulators of the region, staff of the region once reported.
 */
@Service
public class EvaluationReports {

	private final EvaluationCases cases;

	private final CaseWork work;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EvaluationReports(EvaluationCases cases, CaseWork work, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.work = work;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The leader has the report drawn up once every member's score sheet is signed: the ranking, up to three
	 * candidates (none when no bid passed), the outliers; the members then sign the PDF's bytes.
	 */
	public UUID draftReport(UUID id) {
		UUID reportId = UUID.randomUUID();
		work.memberChange("report", id, (l, me) -> {
			CaseWork.requireEvaluating(l);
			if (l.c().leader() == null) {
				throw Refusal.conflict(null, "evaluation.scoring.report.leaderFirst");
			}
			if (!me.equals(l.c().leader())) {
				throw Refusal.forbidden("evaluation.scoring.report.leaderOnly");
			}
			if (!l.board().reviewsComplete() || l.sheets().size() < l.members().size()) {
				throw Refusal.conflict(null, "evaluation.scoring.report.sheetsMissing");
			}
			Map<String, String> hashes = new LinkedHashMap<>();
			l.sheets().forEach(sh -> hashes.put(sh.member(), sh.sha256()));
			Instant now = clock.instant();
			byte[] pdf = EvaluationReportPdf.render(new EvaluationReportPdf.Content(l.c(), l.table(), l.seats(),
					l.c().leader(), l.board(), l.board().ranking(), l.board().outliers(), hashes, now));
			cases.addReport(reportId, id, pdf, Sha256.hex(pdf), me, l.c().region(), now);
			cases.status(id, "REPORTING");
			work.changed("evaluation.report.drafted", l.c(), Sha256.hex(pdf));
		});
		return reportId;
	}

	/**
	 * A member's signature over the report PDF's exact bytes; when every member has signed, the case is reported and
	 * {@link EvaluationReported} is published with the report's SHA-256 and its download address.
	 */
	public void signReport(UUID id, byte[] signature, byte[] certificate, String algorithm) {
		work.memberChange("reportSignature", id, (l, me) -> {
			if (!"REPORTING".equals(l.c().status())) {
				throw Refusal.conflict(null, "evaluation.scoring.report.notDrafted");
			}
			EvaluationCases.Report report = cases.reportOf(id).orElseThrow();
			List<String> signed = cases.reportSigners(report.id());
			if (signed.contains(me)) {
				throw Refusal.conflict(null, "evaluation.scoring.report.signedTwice");
			}
			byte[] pdf = cases.pdf(report.id());
			CertificateView signer = work.verify(pdf, signature, certificate, algorithm, l.seat(me));
			Instant now = clock.instant();
			cases.signReport(report.id(), me, signature, certificate, signer.fingerprint(), l.c().region(), now);
			work.changed("evaluation.report.signed", l.c(), report.sha256());
			if (signed.size() + 1 == l.members().size()) {
				cases.status(id, "REPORTED");
				cases.reported(report.id(), now);
				List<EvaluationReported.Candidate> candidates = l.board().ranking().stream().limit(3)
					.map(r -> new EvaluationReported.Candidate(r.rank(), new EntityId(r.bid().bidder()),
							r.bid().bidderName(), r.bid().creditCode(), Money.of(r.bid().price()), r.total()))
					.toList();
				events.publishEvent(new EvaluationReported(Actors.actor(), l.c().section(), l.c().round(), l.c().attempt(),
						l.c().region(),
						report.id(), l.c().method().name(), candidates, report.sha256(),
						"/evaluation/reports/" + report.id() + ".pdf", now));
			}
		});
	}

	/**
	 * The committee that signed a report, with the experts' whole ID numbers, for the national data specification's
	 * 508 评标专家. Only once the report is signed (the list is sealed until the evaluation begins and personal to the
	 * end), and only to the platform itself (the portal's uplink, no one signed in): nothing else shows the numbers.
	 */
	public List<CommitteeMember> reportedCommittee(UUID reportId) {
		if (Actors.current().isPresent()) {
			throw Refusal.forbidden("evaluation.committee.platformOnly");
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> cases.reportedCommittee(reportId)));
	}

	/**
	 * The report PDF: for its committee, regulators of the region, and staff of the region once it is reported.
	 */
	public byte[] reportPdf(UUID reportId) {
		Acting acting = Actors.required();
		return work.inScope(acting, () -> {
			EvaluationCases.Report report = cases.report(reportId).orElseThrow(CaseWork::notFound);
			CaseWork.Loaded l = work.load(report.caseId());
			CaseWork.Seeing seeing = CaseWork.seeing(acting, l);
			if (seeing == CaseWork.Seeing.NONE || (seeing == CaseWork.Seeing.STAFF && report.reportedAt() == null)) {
				throw CaseWork.notFound();
			}
			return cases.pdf(reportId);
		});
	}

}
