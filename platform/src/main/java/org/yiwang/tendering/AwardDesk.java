package org.yiwang.tendering;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntitySignature;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.AwardChanged.CandidatesPublicized;
import org.yiwang.tendering.AwardChanged.ChallengeRaised;
import org.yiwang.tendering.AwardChanged.ContractConcluded;
import org.yiwang.tendering.AwardChanged.ContractSigned;
import org.yiwang.tendering.AwardChanged.ContractUploaded;
import org.yiwang.tendering.AwardChanged.ObjectionAnswered;
import org.yiwang.tendering.AwardChanged.WinnerConfirmed;

/**
 * The tendering module's entry point from the evaluation report to the contract.
 * <ul>
 * <li>Publicity (中标候选人公示): the tenderer must publicize the candidates within 3 days of receiving the report, for
 * at least 3 days (实施条例 Art. 54), on the medium of its tender notice (重庆市招标投标条例 Art. 35). The report reaches
 * the platform signed, and the platform is that medium, so it publicizes at once on the tenderer's behalf, for 3 days:
 * the 3-day limit can neither be missed nor used to hold the result back. A report naming no candidate fails the
 * section.</li>
 * <li>Objections (异议) to the tenderer only while the publicity runs; the tenderer answers within 3 days and the award
 * waits until every objection is answered (Art. 54). Complaints (投诉) to the regulator follow an answered objection
 * on the result, within 10 days of its answer (Art. 60); they are recorded for the supervision module.</li>
 * <li>The winner: after the publicity, the tenderer (or its agency) confirms rank 1, or another candidate with the
 * reason Art. 55 names; the platform signs the award notice PDF, tells every bidder its result, publishes the result
 * and has the guarantee module release the others' securities.</li>
 * <li>The contract (招标投标法 Art. 46): the tenderer's side uploads it; the tenderer and the winner each sign its exact
 * bytes with their certificates; after 30 days it is still recorded, flagged late. Concluded, it is published and the
 * winner's security released.</li>
 * </ul>
 */
@Service
public class AwardDesk {

	/** 实施条例 Art. 54: publicized within 3 days of the report, for at least 3 days; objections answered within 3. */
	static final Duration PUBLICITY = Duration.ofDays(3);

	static final Duration PUBLICIZE_WITHIN = Duration.ofDays(3);

	static final Duration ANSWER_WITHIN = Duration.ofDays(3);

	/** 实施条例 Art. 60: a complaint within 10 days, the objection's answer period not counted. */
	static final Duration COMPLAIN_WITHIN = Duration.ofDays(10);

	/** 招标投标法 Art. 46: the contract within 30 days of the award notice. */
	static final Duration CONTRACT_WITHIN = Duration.ofDays(30);

	private static final Pattern FILE_NAME = Pattern.compile("[^\\\\/:*?\"<>|\\p{Cntrl}]{1,200}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ProcedureClock.CHINA);

	private final Sections sections;

	private final Awards awards;

	private final SuspensionRecords suspensions;

	private final Participation participation;

	private final SectionAccess access;

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	private final PlatformKeys platformKeys;

	private final Blobs blobs;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxContractBytes;

	private final NoticeFacts facts;

	AwardDesk(Sections sections, Awards awards, SuspensionRecords suspensions, Participation participation,
			SectionAccess access,
			EntityRegistry registry, EntityCertificates certificates, PlatformKeys platformKeys, Blobs blobs,
			NoticeFacts facts, ApplicationEventPublisher events, Clock clock,
			@Value("${yiwang.tendering.max-contract-bytes:67108864}") long maxContractBytes) {
		this.facts = facts;
		this.sections = sections;
		this.awards = awards;
		this.suspensions = suspensions;
		this.participation = participation;
		this.access = access;
		this.registry = registry;
		this.certificates = certificates;
		this.platformKeys = platformKeys;
		this.blobs = blobs;
		this.events = events;
		this.clock = clock;
		this.maxContractBytes = maxContractBytes;
	}

	// ---- publicity -------------------------------------------------------------------------------------------

	/**
	 * Takes up an evaluation report (the platform itself, from {@link EvaluationReported}): the candidates are
	 * publicized at once for 3 days with a signed {@link NoticeType#CANDIDATES} record and the section moves to
	 * publicity; a report with no candidate publishes a signed {@link NoticeType#FAILED} record and fails the section.
	 * A report taken already, of another round, or for a section not opened is left alone (idempotent).
	 *
	 * @return whether this call took the report up
	 */
	boolean publicize(EvaluationReported report) {
		List<EvaluationReported.Candidate> ranked = report.candidates().stream()
			.sorted(Comparator.comparingInt(EvaluationReported.Candidate::rank)).toList();
		for (int i = 0; i < ranked.size(); i++) {
			if (i >= 3 || ranked.get(i).rank() != i + 1 || ranked.get(i).bidder() == null) {
				throw new IllegalArgumentException("Candidates must be ranked 1.." + Math.min(3, ranked.size())
						+ " with a bidder each: report " + report.reportId());
			}
		}
		return access.platform(() -> {
			if (awards.reportTaken(report.reportId())) {
				return false;
			}
			SectionView section = sections.lock(report.section()).orElse(null);
			if (section == null || section.status() != SectionStatus.OPENED
					|| awards.round(section.id()) != report.round()
					|| awards.currentAttempt(section.id(), report.round()) != report.attempt()) {
				// a report of an attempt a re-evaluation order superseded is history, not publicized
				return false;
			}
			Instant now = clock.instant();
			boolean failed = ranked.isEmpty();
			List<CandidateView> candidates = ranked.stream().map(c -> new CandidateView(c.rank(), c.bidder(),
					c.bidderName(), c.bidderCreditCode(), c.price(), c.score())).toList();
			UUID noticeId = UUID.randomUUID();
			AwardPublicityView publicity = new AwardPublicityView(section.id(), report.round(), report.reportId(),
					report.method(), report.reportSha256(), report.reportUrl(), report.occurredAt(), now,
					now.plus(PUBLICITY), now.isAfter(report.occurredAt().plus(PUBLICIZE_WITHIN)), noticeId,
					failed ? NoticeType.FAILED : NoticeType.CANDIDATES, candidates, report.attempt());
			awards.addPublicity(publicity, section.region());
			if (!awards.move(section.id(), SectionStatus.OPENED, failed ? SectionStatus.FAILED : SectionStatus.PUBLICIZING)) {
				throw new IllegalStateException("Section " + section.id() + " changed while its report was taken up");
			}
			publishNotice(section, noticeId, failed ? NoticeType.FAILED : NoticeType.CANDIDATES,
					section.tenderProjectName() + " " + section.name() + (failed ? " 流标公告" : " 中标候选人公示"),
					failed ? failedText(section, report) : candidatesText(publicity), null, null, null, now,
					p -> failed ? p.publicityEnding(publicity.publicityEnds())
							: p.publicityEnding(publicity.publicityEnds()).withEvaluation(facts.evaluation(section, report)));
			Set<EntityId> told = new LinkedHashSet<>(awards.bidders(section.id()));
			candidates.forEach(c -> told.add(c.bidder()));
			for (EntityId bidder : told) {
				participation.notify(section.id(), section.region(), bidder, failed ? "tendering.award.notification.failed"
						: "tendering.award.notification.publicized", TIME.format(failed ? now : publicity.publicityEnds()), now);
			}
			events.publishEvent(new CandidatesPublicized(Actors.actor(), section.id(), report.round(), report.reportId(),
					candidates.size(), publicity.publicityEnds(), section.region(), now));
			return true;
		});
	}

	/**
	 * The whole resident ID number of the project manager that the winner named in an award result (its notice id)
	 * stated for the section: the national data specification asks it (513 项目负责人身份证号码) and nothing else
	 * shows it whole. Only the platform itself may ask (the portal's uplink, no one signed in); empty when the notice is
	 * no award result or the winner stated no project manager.
	 */
	public Optional<String> winnerProjectManagerIdNumber(UUID awardNotice) {
		if (Actors.current().isPresent()) {
			throw Refusal.forbidden("tendering.projectManager.platformOnly");
		}
		return access.platform(() -> awards.winnerOfNotice(awardNotice)
			.flatMap(w -> participation.projectManager(w.section(), w.winner()))
			.map(ProjectManager::idNumber));
	}

	// ---- reading ---------------------------------------------------------------------------------------------

	/**
	 * A section's award as the actor may see it: staff and regulators of its region, the tenderer and its agency, and
	 * the bidders and registered parties of the section. Before the publicity, and for anyone else, not found.
	 */
	public AwardDossier dossier(SectionId id) {
		Acting acting = Actors.required();
		Instant now = clock.instant();
		if (reader(acting)) {
			return access.scoped(() -> dossier(access.forStaff(id), "READER", null, false, now));
		}
		return access.platform(() -> {
			Viewing v = viewing(acting, id);
			return dossier(v.section(), v.viewer(), v.me().id(), v.me().id().equals(v.section().tenderer()), now);
		});
	}

	private AwardDossier dossier(SectionView section, String viewer, EntityId me, boolean signatory, Instant now) {
		int round = awards.round(section.id());
		AwardPublicityView publicity = awards.publicity(section.id(), round).orElseThrow(AwardDesk::notYet);
		List<AwardChallengeView> all = awards.challenges(section.id(), round);
		boolean bidder = "BIDDER".equals(viewer);
		List<AwardChallengeView> objections = all.stream().filter(c -> !c.complaint())
			.filter(c -> !bidder || c.party().equals(me)).toList();
		List<AwardChallengeView> complaints = all.stream().filter(AwardChallengeView::complaint)
			.filter(c -> "READER".equals(viewer) || c.party().equals(me)).toList();
		AwardView award = awards.award(section.id(), round).orElse(null);
		boolean seesContract = award != null && (!bidder || award.winner().equals(me));
		ContractView contract = seesContract ? awards.contract(section.id(), round).orElse(null) : null;
		String resultNotice = award != null && bidder ? awards.resultNoticeSha256(section.id(), round, me).orElse(null)
				: null;
		return new AwardDossier(section, publicity, objections, complaints, award, contract, viewer, me, signatory,
				resultNotice, now);
	}

	private record Viewing(SectionView section, String viewer, EntityView me) {
	}

	/** Who the signed-in tenderer, agency or bidder is to this section (call inside {@link SectionAccess#platform}). */
	private Viewing viewing(Acting acting, SectionId id) {
		SectionView section = sections.byId(id).orElseThrow(SectionAccess::notFound);
		EntityView me = registry.myEntity().orElseThrow(SectionAccess::notFound);
		if (SectionAccess.isParty(acting) && (section.tenderer().equals(me.id()) || me.id().equals(section.agency()))) {
			return new Viewing(section, "PARTY", me);
		}
		if (acting.hasRole(Role.BIDDER) && (awards.interested(id, me.id()) || isCandidate(section, me.id()))) {
			return new Viewing(section, "BIDDER", me);
		}
		throw SectionAccess.notFound();
	}

	private boolean isCandidate(SectionView section, EntityId entity) {
		return awards.publicity(section.id(), awards.round(section.id())).stream()
			.flatMap(p -> p.candidates().stream()).anyMatch(c -> c.bidder().equals(entity));
	}

	// ---- objections and complaints ---------------------------------------------------------------------------

	/**
	 * A bidder or another registered party objects to the evaluation result while the candidates are publicized; the
	 * tenderer must answer within 3 days, and the award waits for the answer.
	 */
	public AwardChallengeView object(SectionId id, String text) {
		Actors.requireAnyRole("tendering.award.bidderOnly", Role.BIDDER);
		return access.audited("award.objection", "section:" + id, null, () -> access.platform(() -> {
			Viewing v = bidderViewing(id);
			AwardPublicityView publicity = currentPublicity(v.section());
			Instant now = clock.instant();
			if (publicity.failed() || v.section().status() != SectionStatus.PUBLICIZING) {
				throw Refusal.conflict(null, "tendering.award.objection.noPublicity");
			}
			if (!publicity.runningAt(now)) {
				throw Refusal.conflict(null, "tendering.award.objection.closed", TIME.format(publicity.publicizedAt()),
						TIME.format(publicity.publicityEnds()));
			}
			return challenge(v, publicity, "OBJECTION", text, now.plus(ANSWER_WITHIN), now);
		}));
	}

	/**
	 * After the tenderer answered its objection, the party may complain to the regulator within 10 days of the answer
	 * (实施条例 Art. 60). The complaint is recorded for the regulators of the section's region.
	 */
	public AwardChallengeView complain(SectionId id, String text) {
		Actors.requireAnyRole("tendering.award.bidderOnly", Role.BIDDER);
		return access.audited("award.complaint", "section:" + id, null, () -> access.platform(() -> {
			Viewing v = bidderViewing(id);
			AwardPublicityView publicity = currentPublicity(v.section());
			Instant now = clock.instant();
			Instant answered = awards.challenges(v.section().id(), publicity.round()).stream()
				.filter(c -> !c.complaint() && c.party().equals(v.me().id()) && !c.open())
				.map(AwardChallengeView::answeredAt).max(Comparator.naturalOrder())
				.orElseThrow(() -> Refusal.conflict(null, "tendering.award.complaint.objectFirst"));
			if (now.isAfter(answered.plus(COMPLAIN_WITHIN))) {
				throw Refusal.conflict(null, "tendering.award.complaint.late", TIME.format(answered.plus(COMPLAIN_WITHIN)));
			}
			return challenge(v, publicity, "COMPLAINT", text, null, now);
		}));
	}

	private AwardChallengeView challenge(Viewing v, AwardPublicityView publicity, String kind, String text,
			Instant answerDue, Instant now) {
		String body = TenderDesk.required(text, "text", "tendering.award.challenge.text", 4000);
		AwardChallengeView challenge = new AwardChallengeView(UUID.randomUUID(), v.section().id(), kind, v.me().id(),
				v.me().name(), body, now, answerDue, null, null);
		awards.addChallenge(challenge, publicity.round(), publicity.attempt(), v.section().region(),
				Actors.actor().username());
		events.publishEvent(new ChallengeRaised(Actors.actor(), v.section().id(), challenge.id(), kind, v.me().id(),
				answerDue, v.section().region(), now));
		return challenge;
	}

	/** The tenderer or its agency answers an objection; an answer after 3 days is still taken, flagged late. */
	public AwardChallengeView answer(UUID objectionId, String answer) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("award.objection.answer", "challenge:" + objectionId, null, () -> access.platform(() -> {
			AwardChallengeView objection = awards.challenge(objectionId).filter(c -> !c.complaint())
				.orElseThrow(AwardDesk::challengeNotFound);
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER,
					EntityRole.AGENCY);
			SectionView section = access.forParty(objection.section(), me);
			String text = TenderDesk.required(answer, "answer", "tendering.award.challenge.answer", 4000);
			Instant now = clock.instant();
			if (!awards.answer(objectionId, text, acting.actor().username(), now)) {
				throw Refusal.conflict("answer", "tendering.award.objection.answeredAlready");
			}
			events.publishEvent(new ObjectionAnswered(acting.actor(), section.id(), objectionId,
					now.isAfter(objection.answerDue()), section.region(), now));
			return awards.challenge(objectionId).orElseThrow();
		}));
	}

	// ---- the winner ------------------------------------------------------------------------------------------

	/**
	 * The tenderer or its agency confirms the winner once the publicity is over and every objection answered: the
	 * first candidate, or another with the reason (实施条例 Art. 55: the first declined, cannot perform, gave no
	 * performance security, or was found to have broken the law). The platform renders and signs the award notice,
	 * tells every bidder its result, publishes the {@link NoticeType#AWARD_RESULT} record, and the guarantee module
	 * releases the securities of all but the winner.
	 */
	public AwardView confirmWinner(SectionId id, EntityId winner, String reason) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("award.confirmation", "section:" + id, null, () -> access.platform(() -> {
			EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER,
					EntityRole.AGENCY);
			access.forParty(id, me);
			SectionView section = sections.lock(id).orElseThrow(SectionAccess::notFound);
			AwardPublicityView publicity = currentPublicity(section);
			if (section.status() == SectionStatus.AWARDED || section.status() == SectionStatus.CONTRACTED) {
				throw Refusal.conflict(null, "tendering.award.confirmedAlready");
			}
			if (section.status() != SectionStatus.PUBLICIZING) {
				throw Refusal.conflict(null, "tendering.award.notPublicizing");
			}
			if (suspensions.activeCount(id) > 0) {
				throw Refusal.conflict(null, "tendering.award.suspended");
			}
			Instant now = clock.instant();
			if (now.isBefore(publicity.publicityEnds())) {
				throw Refusal.conflict(null, "tendering.award.publicityRunning", TIME.format(publicity.publicityEnds()));
			}
			long open = awards.challenges(id, publicity.round()).stream().filter(c -> !c.complaint() && c.open()).count();
			if (open > 0) {
				throw Refusal.conflict(null, "tendering.award.objectionsOpen", open);
			}
			if (winner == null) {
				throw Refusal.invalid("winner", "tendering.award.winnerRequired");
			}
			CandidateView chosen = publicity.candidates().stream().filter(c -> c.bidder().equals(winner)).findFirst()
				.orElseThrow(() -> Refusal.invalid("winner", "tendering.award.notCandidate"));
			String why = null;
			if (chosen.rank() != 1) {
				why = TenderDesk.required(reason, "reason", "tendering.award.reasonRequired", 2000);
			}
			UUID noticeId = UUID.randomUUID();
			AwardView award = new AwardView(id, publicity.round(), chosen.bidder(), chosen.bidderName(),
					chosen.bidderCreditCode(), chosen.rank(), chosen.price(), why, acting.actor().username(), now, noticeId,
					null, now.plus(CONTRACT_WITHIN));
			byte[] pdf = AwardNoticePdf.render(section, award, publicity, now);
			byte[] signature = platformKeys.sign(pdf);
			award = new AwardView(id, award.round(), award.winner(), award.winnerName(), award.winnerCreditCode(),
					award.rank(), award.price(), why, award.confirmedBy(), now, noticeId, Sha256.hex(pdf), award.contractDue());
			awards.addAward(award, section.region(), pdf, signature);
			if (!awards.move(id, SectionStatus.PUBLICIZING, SectionStatus.AWARDED)) {
				throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
			}
			Set<EntityId> told = new LinkedHashSet<>(awards.bidders(id));
			publicity.candidates().forEach(c -> told.add(c.bidder()));
			for (EntityId bidder : told) {
				participation.notify(id, section.region(), bidder, bidder.equals(chosen.bidder())
						? "tendering.award.notification.won" : "tendering.award.notification.lost", chosen.bidderName(), now);
				if (!bidder.equals(chosen.bidder())) {
					issueResultNotice(section, award, bidder, now);
				}
			}
			NoticeParticulars.Winner won = facts.winner(id, chosen.bidder());
			publishNotice(section, noticeId, NoticeType.AWARD_RESULT, section.tenderProjectName() + " " + section.name()
					+ " 中标结果公告", resultText(award, publicity, won), chosen.price(), chosen.bidderName(),
					chosen.bidderCreditCode(), now, p -> p.won(won).publishedBy(acting.displayName()));
			events.publishEvent(new WinnerConfirmed(acting.actor(), id, publicity.round(), section.tradeCode(),
					chosen.bidder(), chosen.rank(), chosen.price(), why, award.pdfSha256(), secured(section),
					section.region(), now));
			return award;
		}));
	}

	/**
	 * Every other bidder receives its own result notice (中标结果通知书, 招标投标法 Art. 45), signed with the platform key
	 * like the winner's award notice.
	 */
	private void issueResultNotice(SectionView section, AwardView award, EntityId bidder, Instant now) {
		EntityView entity = registry.find(bidder).orElseThrow();
		UUID noticeId = UUID.randomUUID();
		byte[] pdf = ResultNoticePdf.render(section, award, entity, noticeId, now);
		awards.addResultNotice(section.id(), award.round(), bidder, section.region(), noticeId, pdf, Sha256.hex(pdf),
				platformKeys.sign(pdf), now);
	}

	/** A losing bidder's own result notice and the platform's detached signature; not found for anyone else. */
	public AwardNotice resultNotice(SectionId id) {
		AwardDossier dossier = dossier(id);
		if (dossier.resultNoticeSha256() == null) {
			throw Refusal.notFound("tendering.award.resultNoticeNotFound");
		}
		Awards.SignedPdf signed = access.platform(
				() -> awards.resultNotice(id, dossier.award().round(), dossier.me()).orElseThrow());
		return new AwardNotice("result-notice-" + dossier.section().tradeCode() + ".pdf", signed.pdf(),
				signed.signature(), dossier.resultNoticeSha256());
	}

	/** The award notice PDF and the platform's detached signature, for the winner, the tenderer's side, staff and regulators. */
	public record AwardNotice(String fileName, byte[] pdf, byte[] signature, String sha256) {
	}

	public AwardNotice awardNotice(SectionId id) {
		AwardDossier dossier = dossier(id);
		if (!dossier.seesAwardNotice()) {
			throw Refusal.notFound("tendering.award.noticeNotFound");
		}
		Supplier<Awards.SignedPdf> read = () -> awards.awardNotice(id, dossier.award().round()).orElseThrow();
		Awards.SignedPdf signed = dossier.reader() ? access.scoped(read) : access.platform(read);
		return new AwardNotice("award-notice-" + dossier.section().tradeCode() + ".pdf", signed.pdf(), signed.signature(),
				dossier.award().pdfSha256());
	}

	/**
	 * Checks the signature of the notice the viewer holds (the award notice; a losing bidder's own result notice) with
	 * the platform certificate, as anyone can with OpenSSL.
	 */
	public boolean awardNoticeVerifies(SectionId id) {
		AwardDossier dossier = dossier(id);
		AwardNotice notice = !dossier.seesAwardNotice() && dossier.resultNoticeSha256() != null ? resultNotice(id)
				: awardNotice(id);
		try {
			PublicKey platform = CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
				.generateCertificate(new ByteArrayInputStream(platformKeys.certificatePem().getBytes(StandardCharsets.US_ASCII)))
				.getPublicKey();
			return SignatureAlgorithm.SM3_WITH_SM2.verify(platform, notice.pdf(), notice.signature());
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

	// ---- the contract ----------------------------------------------------------------------------------------

	/**
	 * The tenderer or its agency uploads the contract (PDF, streamed to disk and hashed). It may be replaced until
	 * someone signed it. Its amount is the winning price (实施条例 Art. 57: the price must agree with the bid).
	 */
	public ContractView uploadContract(SectionId id, String fileName, InputStream content, String summary) {
		Acting acting = Actors.requireAnyRole("tendering.partyOnly", Role.TENDERER, Role.AGENCY);
		return access.audited("contract", "section:" + id, null, () -> {
			access.platform(() -> contractable(id));
			String mainContent = contractSummary(summary);
			String given = fileName == null ? "" : fileName.strip();
			String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
			if (!FILE_NAME.matcher(name).matches()) {
				throw Refusal.invalid("file", "tendering.contract.name");
			}
			if (content == null) {
				throw Refusal.invalid("file", "tendering.contract.empty");
			}
			InputStream pdf = pdfOnly(content);
			Blobs.Stored stored = blobs.store(pdf, maxContractBytes, "file", "tendering.contract.empty",
					"tendering.contract.tooLarge");
			return access.platform(() -> {
				// checked again in the transaction that records it: someone may have signed meanwhile
				SectionView section = contractable(id);
				AwardView award = awards.award(id, awards.round(id)).orElseThrow();
				Instant now = clock.instant();
				if (!awards.putContract(id, award.round(), section.region(), name, stored, award.price(), mainContent,
						acting.actor().username(), now)) {
					throw Refusal.conflict(null, "tendering.contract.signedAlready");
				}
				events.publishEvent(new ContractUploaded(acting.actor(), id, stored.sha256(), stored.sm3(), stored.size(),
						section.region(), now));
				return awards.contract(id, award.round()).orElseThrow();
			});
		});
	}

	/** Most a summary of the contract's main content may hold (合同主要内容). */
	static final int SUMMARY_MAX = 2000;

	static final int SUMMARY_MIN = 10;

	/**
	 * The contract's main content as the uploader summarised it (合同主要内容, national data specification 512): what is
	 * contracted, its scope, price, term and quality, in 10 to 2000 characters of plain text (line breaks allowed).
	 */
	static String contractSummary(String summary) {
		String s = summary == null ? "" : summary.strip().replace("\r\n", "\n");
		if (s.isEmpty()) {
			throw Refusal.invalid("summary", "tendering.contract.summary.required");
		}
		if (s.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			throw Refusal.invalid("summary", "tendering.contract.summary.control");
		}
		int length = s.codePointCount(0, s.length());
		if (length < SUMMARY_MIN) {
			throw Refusal.invalid("summary", "tendering.contract.summary.short", SUMMARY_MIN);
		}
		if (length > SUMMARY_MAX) {
			throw Refusal.invalid("summary", "tendering.contract.summary.long", SUMMARY_MAX, length);
		}
		return s;
	}

	private SectionView contractable(SectionId id) {
		EntityView me = access.myEntity("tendering.entity.notParty", EntityRole.TENDERER,
				EntityRole.AGENCY);
		SectionView section = access.forParty(id, me);
		if (section.status() == SectionStatus.CONTRACTED) {
			throw Refusal.conflict(null, "tendering.contract.concludedAlready");
		}
		if (section.status() != SectionStatus.AWARDED) {
			throw Refusal.conflict(null, "tendering.contract.notAwarded");
		}
		if (awards.contract(id, awards.round(id)).filter(ContractView::signedByAnyone).isPresent()) {
			throw Refusal.conflict(null, "tendering.contract.signedAlready");
		}
		return section;
	}

	/** The stream as given, once its first bytes say PDF ({@code %PDF-}); refused otherwise. */
	private static InputStream pdfOnly(InputStream content) {
		BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
		try {
			in.mark(8);
			byte[] head = in.readNBytes(5);
			in.reset();
			if (head.length == 0) {
				throw Refusal.invalid("file", "tendering.contract.empty");
			}
			if (!"%PDF-".equals(new String(head, StandardCharsets.US_ASCII))) {
				throw Refusal.invalid("file", "tendering.contract.notPdf");
			}
			return in;
		}
		catch (IOException e) {
			throw Refusal.invalid("file", "tendering.upload.malformed");
		}
	}

	/** The contract's exact bytes, which each party signs: for the tenderer's side, the winner, staff and regulators. */
	public record ContractFile(ContractView contract, Supplier<InputStream> content) {
	}

	public ContractFile contract(SectionId id) {
		AwardDossier dossier = dossier(id);
		if (dossier.contract() == null) {
			throw Refusal.notFound("tendering.contract.notFound");
		}
		String sha256 = dossier.contract().sha256();
		return new ContractFile(dossier.contract(), () -> blobs.open(sha256));
	}

	/**
	 * The tenderer (its own account, not the agency's) or the winner signs the contract: a detached signature over the
	 * exact bytes downloaded (e.g. {@code bidtool sign}), with the certificate (optional when one bound certificate
	 * verifies it); it must be the entity's, under a trusted certificate bound to it. When both signed, the contract
	 * is concluded and published, the section contracted, and the winner's security released.
	 *
	 * @param algorithm e.g. {@code SM3withSM2} (the default), {@code SHA256withECDSA}, {@code SHA256withRSA}
	 */
	public ContractView signContract(SectionId id, byte[] signature, byte[] certificate, String algorithm) {
		Acting acting = Actors.requireAnyRole("tendering.contract.signatoryOnly", Role.TENDERER, Role.BIDDER);
		return access.audited("contract.signature", "section:" + id, null, () -> access.platform(() -> {
			Viewing v = viewing(acting, id);
			SectionView section = sections.lock(id).orElseThrow(SectionAccess::notFound);
			int round = awards.round(id);
			AwardView award = awards.award(id, round).orElseThrow(() -> Refusal.conflict(null, "tendering.contract.none"));
			EntityId me = v.me().id();
			boolean tenderer = me.equals(section.tenderer());
			if (!tenderer && !me.equals(award.winner())) {
				throw Refusal.forbidden("tendering.contract.notSignatory");
			}
			ContractView contract = awards.contract(id, round)
				.orElseThrow(() -> Refusal.conflict(null, "tendering.contract.none"));
			if (contract.concluded() || (tenderer ? contract.tendererSignedAt() : contract.winnerSignedAt()) != null) {
				throw Refusal.conflict(null, "tendering.contract.signedByYouAlready");
			}
			if (signature == null || signature.length == 0) {
				throw Refusal.invalid("signature", "tendering.contract.signatureMissing");
			}
			SignatureAlgorithm alg = SignatureFields.algorithm(algorithm);
			byte[] content;
			try (InputStream in = blobs.open(contract.sha256())) {
				content = in.readAllBytes();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			EntitySignature checked = certificates.verify(me, content, signature, alg, certificate);
			if (!checked.accepted()) {
				throw Refusal.invalid("signature", checked.messageKey(), checked.messageArguments(v.me().name()));
			}
			Instant now = clock.instant();
			String certificateText = SignatureFields.certificateText(certificate);
			String signer = checked.signer() == null ? null : checked.signer().subject();
			if (!awards.sign(id, round, tenderer, contract.sha256(), signature, certificateText, signer,
					acting.actor().username(), now)) {
				throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
			}
			events.publishEvent(new ContractSigned(acting.actor(), id, tenderer ? "TENDERER" : "WINNER", me,
					checked.signer() == null ? null : checked.signer().fingerprint(), contract.sha256(), section.region(),
					now));
			ContractView signed = awards.contract(id, round).orElseThrow();
			if (signed.tendererSignedAt() != null && signed.winnerSignedAt() != null) {
				conclude(section, award, signed, now);
			}
			return awards.contract(id, round).orElseThrow();
		}));
	}

	private void conclude(SectionView section, AwardView award, ContractView contract, Instant now) {
		boolean late = now.isAfter(award.contractDue());
		UUID noticeId = UUID.randomUUID();
		awards.conclude(section.id(), award.round(), now, late, noticeId);
		if (!awards.move(section.id(), SectionStatus.AWARDED, SectionStatus.CONTRACTED)) {
			throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
		}
		publishNotice(section, noticeId, NoticeType.CONTRACT, section.tenderProjectName() + " " + section.name() + " 合同公开",
				contractText(award, contract, now, late), contract.amount(), award.winnerName(), award.winnerCreditCode(),
				now, p -> p.won(facts.winner(section.id(), award.winner()))
					.contract(section.tradeCode().value() + "-HT" + award.round(), now, contract.summary()));
		events.publishEvent(new ContractConcluded(Actors.actor(), section.id(), section.tradeCode(), award.winner(),
				contract.amount(), LocalDate.ofInstant(now, ProcedureClock.CHINA), late, secured(section),
				section.region(), now));
	}

	// ---- helpers ---------------------------------------------------------------------------------------------

	private Viewing bidderViewing(SectionId id) {
		Viewing v = viewing(Actors.required(), id);
		if (!"BIDDER".equals(v.viewer())) {
			throw SectionAccess.notFound();
		}
		return v;
	}

	private AwardPublicityView currentPublicity(SectionView section) {
		return awards.publicity(section.id(), awards.round(section.id())).orElseThrow(AwardDesk::notYet);
	}

	private void publishNotice(SectionView s, UUID noticeId, NoticeType type, String title, String body, Money amount,
			String winnerName, String winnerCreditCode, Instant now, UnaryOperator<NoticeParticulars> particulars) {
		String text = NoticeText.of(noticeId, type, s, title, body, s.bidDeadline(), s.documentsFrom(), now);
		String signature = Base64.getEncoder().encodeToString(platformKeys.sign(NoticeText.bytes(text)));
		events.publishEvent(new NoticePublished(Actors.actor(), noticeId, type, s.tradeCode(), s.projectName(), s.name(),
				s.region(), s.category(), title, body, s.estimatedPrice(), amount, s.tendererName(),
				creditCode(s.tendererCreditCode()), s.agencyName(), null, text, signature, now, winnerName,
				creditCode(winnerCreditCode)).with(particulars.apply(facts.of(s))));
	}

	private static String candidatesText(AwardPublicityView p) {
		StringBuilder text = new StringBuilder("根据评标委员会的评标报告（SHA-256 " + p.reportSha256() + "），现将中标候选人公示如下：\n");
		for (CandidateView c : p.candidates()) {
			text.append("第").append(c.rank()).append("名：").append(c.bidderName());
			if (c.bidderCreditCode() != null) {
				text.append("（").append(c.bidderCreditCode()).append("）");
			}
			text.append("，投标报价 ").append(c.price() == null ? "-" : c.price() + " 元");
			if (c.score() != null) {
				text.append("，综合得分 ").append(c.score().toPlainString());
			}
			text.append('\n');
		}
		text.append("公示期：").append(TIME.format(p.publicizedAt())).append(" 至 ").append(TIME.format(p.publicityEnds()))
			.append("（北京时间）。投标人或者其他利害关系人对评标结果有异议的，应当在公示期间向招标人提出（《招标投标法实施条例》第五十四条）。\n");
		return text.toString();
	}

	private static String failedText(SectionView s, EvaluationReported report) {
		return "评标委员会评审后未推荐中标候选人（评标报告 SHA-256 " + report.reportSha256() + "），本标段第 " + report.round()
				+ " 轮招标失败，招标人可依法重新招标。\n";
	}

	/** The public award result; the winner's project manager with the ID number masked (the uplink alone has it whole). */
	private static String resultText(AwardView a, AwardPublicityView p, NoticeParticulars.Winner won) {
		return "经中标候选人公示（" + TIME.format(p.publicizedAt()) + " 至 " + TIME.format(p.publicityEnds())
				+ "），招标人确定中标人为：" + a.winnerName() + (a.winnerCreditCode() == null ? "" : "（" + a.winnerCreditCode() + "）")
				+ "，中标候选人排序第 " + a.rank() + " 名，中标价 " + (a.price() == null ? "-" : a.price() + " 元") + "。\n"
				+ (won == null || won.projectManager() == null ? ""
						: "项目负责人：" + won.projectManager() + "（公民身份号码 " + won.projectManagerMaskedIdNumber() + "）\n")
				+ (a.reason() == null ? "" : "未确定排名第一的中标候选人的理由：" + a.reason() + "\n");
	}

	private static String contractText(AwardView a, ContractView c, Instant now, boolean late) {
		return "招标人与中标人" + a.winnerName() + "已签订书面合同（双方以数字证书签名），合同金额 "
				+ (c.amount() == null ? "-" : c.amount() + " 元") + "，合同文件 SHA-256 " + c.sha256() + "，签订时间 "
				+ TIME.format(now) + "（北京时间）。" + (late ? "合同在中标通知书发出之日起三十日后签订（《招标投标法》第四十六条）。" : "")
				+ "\n" + (c.summary() == null ? "" : "合同主要内容：" + c.summary() + "\n");
	}

	private static CreditCode creditCode(String code) {
		return code == null || CreditCode.problem(code).isPresent() ? null : CreditCode.of(code);
	}

	private static boolean secured(SectionView section) {
		return section.bidSecurity() != null && section.bidSecurity().compareTo(Money.ZERO) > 0;
	}

	private static boolean reader(Acting acting) {
		return SectionAccess.isStaff(acting) || acting.hasRole(Role.REGULATOR);
	}

	private static Refusal notYet() {
		return Refusal.notFound("tendering.award.notYet");
	}

	private static Refusal challengeNotFound() {
		return Refusal.notFound("tendering.award.challengeNotFound");
	}
}
