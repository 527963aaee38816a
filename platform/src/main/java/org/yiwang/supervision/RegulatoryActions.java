package org.yiwang.supervision;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.evaluation.ExpertPool;
import org.yiwang.evaluation.ExpertView;
import org.yiwang.evaluation.ReEvaluationKind;
import org.yiwang.evaluation.Reevaluations;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.pki.SignatureVerification;
import org.yiwang.pki.Signatures;
import org.yiwang.registry.CreditKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.NewCreditRecord;
import org.yiwang.supervision.SupervisionChanged.ActPrepared;
import org.yiwang.supervision.SupervisionChanged.ActSigned;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionOrders;
import org.yiwang.tendering.SectionStatus;
import org.yiwang.tendering.SectionSuspensions;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;

/**
 * The powers only a regulator has (管办分离): suspend and resume a section, order a re-evaluation or a re-tender, refuse
 * to accept or rule on a complaint, record a credit penalty, bar an expert. Each is two steps: the regulator prepares
 * the act, which fixes its exact text ({@link ActView#content()}); then signs that text with its certificate
 * ({@code openssl dgst -sm3 -sign}), and the signed act takes effect in the same transaction. A regulator signs every
 * act with the certificate of its first signed act. Acts the law wants public are listed on the public decisions page.
 */
@Service
public class RegulatoryActions {

	private final ActRecords acts;

	private final ActText text;

	private final Complaints complaints;

	private final TenderDesk tenders;

	private final SectionSuspensions suspensions;

	private final SectionOrders orders;

	private final EntityRegistry registry;

	private final ExpertPool experts;

	private final Reevaluations reevaluations;

	private final Catalog catalog;

	private final Signatures signatures;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RegulatoryActions(ActRecords acts, ActText text, Complaints complaints, TenderDesk tenders,
			SectionSuspensions suspensions, SectionOrders orders, EntityRegistry registry, ExpertPool experts, Catalog catalog,
			Signatures signatures, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
			Reevaluations reevaluations) {
		this.reevaluations = reevaluations;
		this.acts = acts;
		this.text = text;
		this.complaints = complaints;
		this.tenders = tenders;
		this.suspensions = suspensions;
		this.orders = orders;
		this.registry = registry;
		this.experts = experts;
		this.catalog = catalog;
		this.signatures = signatures;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A target checked for the act: its id text, what people see of it, its region and department. */
	private record Target(String ref, String name, RegionCode region, Department department, UUID section,
			UUID complaint, UUID entity, UUID expert) {
	}

	/** The regulator fixes an act's text; nothing takes effect until it is signed. */
	public ActView prepare(ActRequest request) {
		Acting regulator = Complaints.requireRegulator();
		if (request == null || request.kind() == null) {
			throw Refusal.invalid("kind", "supervision.act.kind");
		}
		ActKind kind = request.kind();
		int max = kind == ActKind.CREDIT_PENALTY || kind == ActKind.BAR_EXPERT ? 500 : 4000;
		String reason = Complaints.text(request.reason(), 4, max, "reason", "supervision.act.reason");
		LocalDate today = complaints.today();
		if (kind == ActKind.RULE_COMPLAINT && request.outcome() == null) {
			throw Refusal.invalid("outcome", "supervision.act.outcome");
		}
		if (kind == ActKind.ORDER_RE_EVALUATION && request.reevaluation() == null) {
			throw Refusal.invalid("reevaluation", "supervision.act.reevaluationKind");
		}
		if (kind == ActKind.BAR_EXPERT && (request.until() == null || request.until().isBefore(today))) {
			throw Refusal.invalid("until", "supervision.act.until");
		}
		if (kind == ActKind.CREDIT_PENALTY && request.until() != null && request.until().isBefore(today)) {
			throw Refusal.invalid("until", "supervision.act.until");
		}
		Target target = target(regulator, kind, request.target());
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		RulingOutcome outcome = kind == ActKind.RULE_COMPLAINT ? request.outcome() : null;
		LocalDate until = kind == ActKind.CREDIT_PENALTY || kind == ActKind.BAR_EXPERT ? request.until() : null;
		ReEvaluationKind reevaluation = kind == ActKind.ORDER_RE_EVALUATION ? request.reevaluation() : null;
		String content = text.of(id, kind, target.name(), target.ref(), target.department(), target.region(), outcome,
				until, reevaluation, reason, regulator, now);
		ActView act = new ActView(id, kind, false, target.region(), target.department(), target.ref(), target.name(),
				target.section(), target.complaint(), target.entity(), target.expert(), outcome, until, reason, content,
				kind.published(), regulator.actor().username(), regulator.displayName(), now, null, null, null, null,
				reevaluation);
		return transactions.execute(status -> {
			acts.add(act);
			events.publishEvent(new ActPrepared(regulator.actor(), id, kind, target.ref(), target.region(), now));
			return acts.byId(id).orElseThrow();
		});
	}

	/**
	 * The regulator signs a prepared act of its own: a raw signature over the act's UTF-8 text with its certificate,
	 * valid in the trust store now and the one it signs all its acts with. The act then takes effect.
	 */
	public ActView sign(UUID id, byte[] signature, byte[] certificate, String algorithmName) {
		Acting regulator = Complaints.requireRegulator();
		ActView act = transactions.execute(status -> mine(regulator, id));
		if (act.signed()) {
			throw Refusal.conflict(null, "supervision.act.alreadySigned");
		}
		SignatureAlgorithm algorithm = algorithmName == null || algorithmName.isBlank() ? SignatureAlgorithm.SM3_WITH_SM2
				: SignatureAlgorithm.parse(algorithmName);
		if (algorithm == null) {
			throw Refusal.invalid("algorithm", "supervision.act.algorithm", algorithmName);
		}
		if (signature == null || signature.length == 0 || signature.length > Signatures.MAX_SIGNATURE_BYTES) {
			throw Refusal.invalid("signature", "supervision.act.signatureRequired");
		}
		if (certificate == null || certificate.length == 0) {
			throw Refusal.invalid("certificate", "supervision.act.certificateRequired");
		}
		SignatureVerification verification = signatures.verify(act.content().getBytes(StandardCharsets.UTF_8),
				signature, certificate, algorithm);
		if (!verification.valid()) {
			throw Refusal.invalid("signature", verification.messageKey());
		}
		if (verification.signer().authority()) {
			throw Refusal.invalid("certificate", "supervision.act.caCertificate");
		}
		String fingerprint = verification.signer().fingerprint();
		String username = regulator.actor().username();
		// the target may have moved on since the act was prepared (a section opened, a complaint ruled): checked again
		// here, so that the effect below refuses nothing it has not been told
		target(regulator, act.kind(), act.kind().target() == ActKind.Target.ENTITY ? creditCode(act) : targetId(act));
		return transactions.execute(status -> {
			Optional<String> bound = acts.boundFingerprint(username);
			if (bound.isPresent() && !bound.get().equals(fingerprint)) {
				throw Refusal.invalid("certificate", "supervision.act.otherCertificate");
			}
			Instant now = clock.instant();
			takeEffect(regulator, act);
			if (!acts.sign(id, signature, certificateText(certificate), algorithm.jcaName(), fingerprint,
					verification.signer().subject(), now)) {
				throw Refusal.conflict(null, "supervision.act.alreadySigned");
			}
			if (bound.isEmpty()) {
				acts.bind(username, fingerprint, verification.signer().subject(), now);
			}
			events.publishEvent(new ActSigned(regulator.actor(), id, act.kind(), act.target(), fingerprint,
					act.published(), act.region(), now));
			return acts.byId(id).orElseThrow();
		});
	}

	/** One act of the signed-in regulator's regions. */
	public ActView act(UUID id) {
		Acting regulator = Complaints.requireRegulator();
		return transactions.execute(status -> acts.byId(id).filter(a -> regulator.regionScope().covers(a.region()))
			.orElseThrow(RegulatoryActions::notFound));
	}

	/** The acts of the signed-in regulator's regions, newest first. */
	public List<ActView> recent() {
		Complaints.requireRegulator();
		return transactions.execute(status -> acts.recent(100));
	}

	/** The acts against one target ({@code section:<id>}, {@code complaint:<id>}), oldest first. */
	public List<ActView> about(String target) {
		Complaints.requireRegulator();
		return transactions.execute(status -> acts.ofTarget(target));
	}

	/** Signed acts the law wants public, for everyone, newest first. */
	public List<ActView> publishedActs() {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> acts.published(200)));
	}

	/** A published act's signature, for anyone checking it with the signer's certificate. */
	public Optional<PublishedSignature> publishedSignature(UUID id) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> acts.byId(id)
			.filter(a -> a.published() && a.signed())
			.flatMap(a -> acts.signature(id).map(sig -> new PublishedSignature(a, sig)))));
	}

	/** A published act and the raw signature over its text. */
	public record PublishedSignature(ActView act, byte[] signature) {
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private static String targetId(ActView act) {
		return act.target().substring(act.target().indexOf(':') + 1);
	}

	private String creditCode(ActView act) {
		return registry.find(new org.yiwang.registry.EntityId(act.entity())).map(EntityView::creditCode).orElse("");
	}

	private ActView mine(Acting regulator, UUID id) {
		return acts.byId(id).filter(a -> a.preparedBy().equals(regulator.actor().username()))
			.orElseThrow(RegulatoryActions::notFound);
	}

	private Target target(Acting regulator, ActKind kind, String ref) {
		String value = ref == null ? "" : ref.strip();
		switch (kind.target()) {
			case SECTION -> {
				SectionView section = supervisedSection(regulator, value);
				SectionStatus s = section.status();
				boolean fits = switch (kind) {
					// bidding, or the candidates' publicity (a complaint's usual moment): the award waits for the resumption
					case SUSPEND_SECTION -> (s == SectionStatus.PUBLISHED && !section.paused())
							|| (s == SectionStatus.PUBLICIZING
									&& suspensions.suspensions(section.id()).stream().noneMatch(x -> x.active()));
					case RESUME_SECTION -> suspensions.suspensions(section.id()).stream().anyMatch(x -> x.active());
					case ORDER_RE_EVALUATION -> s == SectionStatus.OPENED || s == SectionStatus.PUBLICIZING;
					case ORDER_RE_TENDER -> SectionOrders.RE_TENDER_STATES.contains(s);
					default -> s.ordinal() >= SectionStatus.PUBLISHED.ordinal();
				};
				if (!fits && kind == ActKind.ORDER_RE_EVALUATION
						&& (s == SectionStatus.AWARDED || s == SectionStatus.CONTRACTED)) {
					// a winner is named: the award stands until set aside (实施条例 第八十一条: 重新招标或者评标 only when
					// the result cannot be corrected otherwise; a complaint ruling or a re-tender order is the remedy)
					throw Refusal.conflict("target", "supervision.act.reevaluationAwarded");
				}
				if (fits && kind == ActKind.ORDER_RE_EVALUATION) {
					// nothing to evaluate again before the committee signed its report
					reevaluations.requireReported(section.id());
				}
				if (!fits && kind == ActKind.ORDER_RE_TENDER && s.ordinal() > SectionStatus.PUBLISHED.ordinal()) {
					// failed already, or a winner named: 第八十一条's other remedies, not a re-tender of this round
					throw Refusal.conflict("target", "supervision.act.retenderEnded");
				}
				if (!fits) {
					throw Refusal.conflict("target", "supervision.act.sectionState." + kind.name());
				}
				return new Target("section:" + section.id(), section.tradeCode().value() + " " + section.name(),
						section.region(), department(section.category()), section.id().value(), null, null, null);
			}
			case COMPLAINT -> {
				UUID id = uuid(value);
				ComplaintView complaint = complaints.complaint(id);
				ComplaintStatus wanted = kind == ActKind.RULE_COMPLAINT ? ComplaintStatus.ACCEPTED : ComplaintStatus.FILED;
				if (complaint.status() != wanted) {
					throw Refusal.conflict("target", "supervision.act.complaintState." + kind.name());
				}
				if (kind == ActKind.RULE_COMPLAINT && complaint.clockStopped()) {
					throw Refusal.conflict("target", "supervision.rule.pauseOpen");
				}
				return new Target("complaint:" + id, complaint.tradeCode() + " " + complaint.complainantName(),
						complaint.region(), complaint.department(), complaint.section(), id, null, null);
			}
			case ENTITY -> {
				if (CreditCode.problem(value).isPresent()) {
					throw Refusal.invalid("target", "supervision.act.creditCode");
				}
				EntityView entity = registry.findByCreditCode(CreditCode.of(value))
					.orElseThrow(() -> Refusal.invalid("target", "supervision.act.entityUnknown"));
				return new Target("entity:" + entity.id().value(), entity.name() + "（" + entity.creditCode() + "）",
						home(regulator), mainDepartment(regulator), null, null, entity.id().value(), null);
			}
			case EXPERT -> {
				UUID id = uuid(value);
				ExpertView expert;
				try {
					expert = experts.expert(id);
				}
				catch (Refusal refusal) {
					throw Refusal.invalid("target", "supervision.act.expertUnknown");
				}
				if (!regulator.regionScope().covers(expert.homeRegion())) {
					throw Refusal.invalid("target", "supervision.act.expertUnknown");
				}
				return new Target("expert:" + id, expert.name(), expert.homeRegion(), mainDepartment(regulator), null,
						null, null, id);
			}
			default -> throw new IllegalStateException("Unknown target " + kind.target());
		}
	}

	/** A section of the regulator's regions and industries; a field error naming the target otherwise. */
	private SectionView supervisedSection(Acting regulator, String value) {
		UUID id = uuid(value);
		SectionView section;
		try {
			section = tenders.dossier(new SectionId(id)).section();
		}
		catch (Refusal refusal) {
			if (refusal.status() == HttpStatus.NOT_FOUND) {
				throw Refusal.invalid("target", "supervision.act.sectionUnknown");
			}
			throw refusal;
		}
		if (!regulator.industries().contains(section.category())) {
			throw Refusal.invalid("target", "supervision.act.sectionUnknown");
		}
		return section;
	}

	private void takeEffect(Acting regulator, ActView act) {
		switch (act.kind()) {
			case SUSPEND_SECTION -> suspensions.suspend(new SectionId(act.section()), act.reason(), act.id());
			case RESUME_SECTION -> suspensions.resume(new SectionId(act.section()), act.id());
			case NOT_ACCEPT_COMPLAINT -> complaints.notAccepted(regulator, act.complaint(), act.reason(), act.id());
			case RULE_COMPLAINT -> complaints.ruled(regulator, act.complaint(), act.outcome(), act.reason(), act.id());
			case CREDIT_PENALTY -> registry.recordCredit(new org.yiwang.registry.EntityId(act.entity()),
					new NewCreditRecord(act.until() == null ? CreditKind.BAD : CreditKind.BLACKLIST, act.reason(),
							"监管决定 " + act.id(), java.util.Set.of(act.region().value()), java.util.Set.of(),
							complaints.today(), act.until()));
			case BAR_EXPERT -> experts.bar(act.expert(), act.until(), act.reason() + "（监管决定 " + act.id() + "）");
			// the round fails by order in the same transaction as the signature: no signed order stays unexecuted
			case ORDER_RE_TENDER -> orders.reTender(new SectionId(act.section()), act.reason(), act.id());
			// carried out in the signature's transaction too: the evaluation opens the round's next attempt (a new
			// committee or the original one), tendering withdraws the publicity and takes the section back to evaluation
			case ORDER_RE_EVALUATION -> {
				if (act.reevaluation() == null) {
					// prepared before orders said their kind: it cannot be carried out as it stands
					throw Refusal.invalid("reevaluation", "supervision.act.reevaluationKind");
				}
				Reevaluations.Reopened reopened = reevaluations.reopen(new SectionId(act.section()), act.reevaluation(),
						act.id());
				orders.reEvaluate(new SectionId(act.section()), act.reason(), act.id(), reopened.round(),
						reopened.attempt(), act.reevaluation() == ReEvaluationKind.NEW_COMMITTEE);
			}
		}
	}

	private Department department(CategoryCode category) {
		return Department.ofSupervisor(catalog.category(category).supervisorZh());
	}

	/** The department of the regulator's industries that comes first (most regulators have one). */
	private Department mainDepartment(Acting regulator) {
		return regulator.industries().stream().map(this::department).min(Comparator.naturalOrder())
			.orElse(Department.PUBLIC_RESOURCE_TRADING);
	}

	private static RegionCode home(Acting regulator) {
		String region = regulator.actor().region();
		return region == null ? regulator.regionScope().regions().stream().findFirst().orElseThrow() : RegionCode.of(region);
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("target", "supervision.act.target");
		}
	}

	private static String certificateText(byte[] certificate) {
		String text = new String(certificate, StandardCharsets.US_ASCII);
		return text.contains("-----BEGIN") ? text : java.util.Base64.getEncoder().encodeToString(certificate);
	}

	static Refusal notFound() {
		return Refusal.notFound("supervision.act.notFound");
	}
}
