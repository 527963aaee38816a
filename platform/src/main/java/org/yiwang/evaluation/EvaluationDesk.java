package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.EvaluationMethod;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.CertificateView;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.EvaluationReported;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionId;

/**
 * The evaluation module's entry point for evaluation (评标): a case per section round from the opening, the committee
 * from the draw (plus the tenderer's representative where the scoring table allows), the leader's election, the
 * qualification and responsiveness reviews, the points of each member, signed score sheets, clarifications to
 * bidders, and the report the committee signs, which is published as {@link EvaluationReported}.
 * <p>
 * Who sees what: the committee's members their own case once it has begun; staff of the region its progress (no
 * votes, points or ranking until it is reported, no names until it has begun); regulators of the region all of it,
 * read-only; bidders only the clarifications put to them. Anything else is not found.
 */
@Service
public class EvaluationDesk {

	static final int MAX_REASON = 500;

	private final EvaluationCases cases;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TrustStore trustStore;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final CaseWork work;

	private final EvaluationReports reports;

	private final EvaluationClarifications clarifications;

	EvaluationDesk(EvaluationCases cases, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			TrustStore trustStore, EntityRegistry registry, Catalog catalog, CaseWork work, EvaluationReports reports,
			EvaluationClarifications clarifications) {
		this.clarifications = clarifications;
		this.cases = cases;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.trustStore = trustStore;
		this.registry = registry;
		this.catalog = catalog;
		this.work = work;
		this.reports = reports;
	}

	// what the evaluation takes from the opening and the draw (called by the listener, in the platform's scope)

	/** Opens a case for the round's bids; a second delivery of the same event changes nothing. */
	void open(BidsOpened opened) {
		EvaluationMethod method = Optional.ofNullable(catalog.currentTemplate(opened.category()).evaluationMethod())
			.orElse(EvaluationMethod.WEIGHTED_SCORING);
		ScoringTable table = cases.currentTable(opened.category().value(), method)
			.or(() -> cases.currentTable("*", method))
			.orElseThrow(() -> new IllegalStateException("No scoring table for " + method));
		UUID id = UUID.randomUUID();
		EvaluationCases.Case c = new EvaluationCases.Case(id, opened.section(), opened.round(), opened.region(),
				opened.tradeCode().value(), opened.category(), opened.tenderer().value(), table.category(), method,
				table.version(), "OPENED", null, null, null, 1, 1, null);
		if (!cases.add(c, opened.openingRecordId(), clock.instant())) {
			return;
		}
		int position = 0;
		for (OpenedBid bid : opened.bids()) {
			BigDecimal price = bid.decryption().opened() && bid.totalPrice() != null ? bid.totalPrice().yuan() : null;
			cases.addBid(id, new ScoreBoard.Bid(bid.bidId(), bid.bidder().value(), bid.bidderName(), bid.bidderCreditCode(),
					price, ++position), bid.durationDays(), bid.quality(), bid.decryption().name(), opened.region());
		}
		work.changed("evaluation.case.opened", c, opened.bids().size() + " bids");
	}

	/** Seats the drawn experts of a section round; sealed until the evaluation begins. */
	void seat(CommitteeDrawn drawn) {
		int position = 0;
		for (CommitteeDrawn.Seat seat : drawn.seats()) {
			cases.seat(drawn.section(), drawn.round(), drawn.attempt(),
					new EvaluationCases.Seat(seat.username(), "EXPERT", ++position, seat.name(), seat.specialty(),
							seat.certificateFingerprint().toLowerCase()),
					seat.expertId(), drawn.drawId(), drawn.region(), "system", clock.instant());
		}
	}

	// lists and views

	/**
	 * The cases the actor may see: staff and regulators those of their regions, members those they sit on once begun,
	 * tenderers their own (to name a representative).
	 */
	public List<EvaluationCaseSummary> cases() {
		Acting acting = Actors.required();
		return work.inScope(acting, () -> {
			List<EvaluationCases.Case> list;
			EntityView tenderer = null;
			if (CaseWork.readsRegion(acting)) {
				list = cases.visible();
			}
			else if (acting.hasRole(Role.TENDERER)) {
				tenderer = registry.myEntity().orElse(null);
				List<EvaluationCases.Case> own = tenderer == null ? List.of() : cases.ofTenderer(tenderer.id().value());
				List<EvaluationCases.Case> seated = cases.ofMember(acting.actor().username());
				list = new ArrayList<>(seated);
				own.stream().filter(c -> seated.stream().noneMatch(s -> s.id().equals(c.id()))).forEach(list::add);
			}
			else {
				list = cases.ofMember(acting.actor().username());
			}
			List<EvaluationCaseSummary> summaries = new ArrayList<>();
			for (EvaluationCases.Case c : list) {
				List<EvaluationCases.Seat> seats = cases.seats(c.section(), c.round(), c.attempt());
				ScoringTable table = cases.table(c.tableCategory(), c.method(), c.tableVersion());
				boolean representativeOpen = tenderer != null && tenderer.id().value().equals(c.tenderer())
						&& "OPENED".equals(c.status()) && table.representativeAllowed()
						&& seats.stream().noneMatch(s -> "REPRESENTATIVE".equals(s.kind()));
				summaries.add(new EvaluationCaseSummary(c.id(), c.section(), c.round(), c.region().value(), c.tradeCode(),
						c.category().value(), c.method().name(), c.status(), c.scheduledAt(), c.begunAt(),
						cases.bids(c.id()).size(), seats.stream().anyMatch(s -> "EXPERT".equals(s.kind())),
						representativeOpen, c.attempt(), c.superseded()));
			}
			return summaries;
		});
	}

	/** One case as the actor may see it; not found for anyone else. */
	public EvaluationCaseView caseView(UUID id) {
		Acting acting = Actors.required();
		return work.inScope(acting, () -> {
			CaseWork.Loaded l = work.load(id);
			return view(l, CaseWork.seeing(acting, l), acting.actor().username());
		});
	}

	/** The case of a section round, for whoever may see it. */
	public Optional<UUID> caseOf(SectionId section, int round) {
		Acting acting = Actors.required();
		return work.inScope(acting, () -> cases.bySection(section, round).map(c -> work.load(c.id()))
			.filter(l -> CaseWork.seeing(acting, l) != CaseWork.Seeing.NONE)
			.map(l -> l.c().id()));
	}

	// staff: schedule and begin

	/** Sets when the evaluation begins (staff of the case's region, before it has begun). */
	public void schedule(UUID id, Instant at) {
		work.staffChange("schedule", id, l -> {
			if (!"OPENED".equals(l.c().status())) {
				throw Refusal.conflict(null, "evaluation.scoring.begin.already");
			}
			if (at == null) {
				throw Refusal.invalid("scheduledAt", "evaluation.scoring.schedule.required");
			}
			if (at.isBefore(clock.instant().minus(Duration.ofMinutes(1)))) {
				throw Refusal.invalid("scheduledAt", "evaluation.scoring.schedule.past");
			}
			cases.schedule(id, at);
			work.changed("evaluation.case.scheduled", l.c(), at.toString());
		});
	}

	/**
	 * Begins the evaluation at (or after) its scheduled time once the committee is drawn: the committee list is
	 * unsealed to the region's staff and the members see the case. Publishes {@link EvaluationBegun}.
	 */
	public void begin(UUID id) {
		work.staffChange("begin", id, l -> {
			if (!"OPENED".equals(l.c().status())) {
				throw Refusal.conflict(null, "evaluation.scoring.begin.already");
			}
			if (l.seats().stream().noneMatch(s -> "EXPERT".equals(s.kind()))) {
				throw Refusal.conflict(null, "evaluation.scoring.begin.noCommittee");
			}
			if (l.c().scheduledAt() == null) {
				throw Refusal.conflict(null, "evaluation.scoring.begin.notScheduled");
			}
			Instant now = clock.instant();
			if (now.isBefore(l.c().scheduledAt())) {
				throw Refusal.conflict(null, "evaluation.scoring.begin.tooEarly");
			}
			cases.begin(id, Actors.actor().username(), now);
			events.publishEvent(new EvaluationBegun(Actors.actor(), id, l.c().section(), l.c().round(), l.c().attempt(), l.c().region(),
					now));
		});
	}

	// the tenderer's representative

	/**
	 * The tenderer names its representative on the committee (where the scoring table allows, before the evaluation
	 * begins): the account that will sign in, the name, and the certificate (trusted now) the representative signs with.
	 */
	public void nameRepresentative(UUID id, String username, String name, byte[] certificate) {
		Acting acting = Actors.requireAnyRole("evaluation.scoring.representative.tendererOnly", Role.TENDERER);
		work.audited("representative", id, () -> RegionScopes.callAsPlatform(() -> transactions.execute(s -> {
			EntityView tenderer = registry.myEntity().orElseThrow(CaseWork::notFound);
			CaseWork.Loaded l = work.load(id);
			if (!l.c().tenderer().equals(tenderer.id().value())) {
				throw CaseWork.notFound();
			}
			if (!"OPENED".equals(l.c().status())) {
				throw Refusal.conflict(null, "evaluation.scoring.begin.already");
			}
			if (!l.table().representativeAllowed()) {
				throw Refusal.conflict(null, "evaluation.scoring.representative.notAllowed");
			}
			if (l.seats().stream().anyMatch(seat -> "REPRESENTATIVE".equals(seat.kind()))) {
				throw Refusal.conflict(null, "evaluation.scoring.representative.already");
			}
			String user = username == null ? "" : username.strip();
			if (!user.matches("[A-Za-z0-9._@-]{3,64}")) {
				throw Refusal.invalid("username", "evaluation.scoring.representative.username");
			}
			String display = name == null ? "" : name.strip();
			if (display.isEmpty() || display.length() > 50) {
				throw Refusal.invalid("name", "evaluation.scoring.representative.name");
			}
			if (certificate == null || certificate.length == 0) {
				throw Refusal.invalid("certificate", "evaluation.scoring.representative.certificate");
			}
			CertificateView view = trustStore.validate(certificate);
			if (l.seats().stream().anyMatch(seat -> seat.username().equals(user))) {
				throw Refusal.conflict("username", "evaluation.scoring.representative.seated");
			}
			if (cases.excluded(l.c().section(), l.c().round()).contains(user)) {
				// a re-evaluation by a new committee leaves every original member out, the representative too
				throw Refusal.conflict("username", "evaluation.scoring.representative.excluded");
			}
			cases.seat(l.c().section(), l.c().round(), l.c().attempt(),
					new EvaluationCases.Seat(user, "REPRESENTATIVE", 0, display, null, view.fingerprint()), null, null,
					l.c().region(), acting.actor().username(), clock.instant());
			work.changed("evaluation.representative.named", l.c(), user);
			return null;
		})));
	}

	// the committee's work

	/** A member votes for a leader; when all have voted, a strict majority elects, otherwise the next ballot starts. */
	public void voteLeader(UUID id, String candidate) {
		work.memberChange("leader", id, (l, me) -> {
			CaseWork.requireEvaluating(l);
			if (l.c().leader() != null) {
				throw Refusal.conflict(null, "evaluation.scoring.leader.elected");
			}
			List<String> members = l.members();
			if (candidate == null || !members.contains(candidate)) {
				throw Refusal.invalid("candidate", "evaluation.scoring.leader.notMember");
			}
			int ballot = l.c().ballot();
			List<EvaluationCases.LeaderVote> cast = cases.leaderVotes(id).stream().filter(v -> v.ballot() == ballot)
				.toList();
			if (cast.stream().anyMatch(v -> v.voter().equals(me))) {
				throw Refusal.conflict(null, "evaluation.scoring.leader.votedTwice");
			}
			cases.voteLeader(id, ballot, me, candidate, l.c().region(), clock.instant());
			work.changed("evaluation.leader.voted", l.c(), "ballot " + ballot);
			if (cast.size() + 1 == members.size()) {
				Map<String, Long> tally = new LinkedHashMap<>(cast.stream()
					.collect(Collectors.groupingBy(EvaluationCases.LeaderVote::candidate, Collectors.counting())));
				tally.merge(candidate, 1L, Long::sum);
				long most = tally.values().stream().max(Long::compare).orElse(0L);
				List<String> leading = tally.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
					.toList();
				if (leading.size() == 1 && most * 2 > members.size()) {
					cases.leader(id, leading.get(0), ballot);
					work.changed("evaluation.leader.elected", l.c(), leading.get(0));
				}
				else {
					cases.leader(id, null, ballot + 1);
					work.changed("evaluation.leader.revote", l.c(), "ballot " + (ballot + 1));
				}
			}
		});
	}

	/** A member's qualification or responsiveness vote on a bid: pass, or fail with a reason. Once only. */
	public void review(UUID id, String stage, UUID bidId, boolean passed, String reason) {
		work.memberChange("review", id, (l, me) -> {
			if (!ScoreBoard.QUALIFICATION.equals(stage) && !ScoreBoard.RESPONSIVENESS.equals(stage)) {
				throw Refusal.invalid("stage", "evaluation.scoring.review.stage");
			}
			CaseWork.requireEvaluating(l);
			CaseWork.requireUnsigned(l, me);
			ScoreBoard.Bid bid = l.board().bids().stream().filter(b -> b.bidId().equals(bidId) && b.opened()).findFirst()
				.orElseThrow(() -> Refusal.invalid("bid", "evaluation.scoring.bid.unknown"));
			if (!l.board().reviewed(stage).contains(bid)) {
				throw Refusal.conflict("bid", "evaluation.scoring.review.qualificationFirst");
			}
			if (l.votes().stream().anyMatch(v -> v.stage().equals(stage) && v.bidId().equals(bidId) && v.member().equals(me))) {
				throw Refusal.conflict(null, "evaluation.scoring.review.votedTwice");
			}
			String why = reason == null ? "" : reason.strip();
			if (!passed && why.isEmpty()) {
				throw Refusal.invalid("reason", "evaluation.scoring.review.reasonRequired");
			}
			if (why.length() > MAX_REASON) {
				throw Refusal.invalid("reason", "evaluation.scoring.review.reasonTooLong", MAX_REASON);
			}
			cases.vote(id, new ScoreBoard.Vote(stage, bidId, me, passed, why.isEmpty() ? null : why), l.c().region(),
					clock.instant());
			work.changed("evaluation.review.voted", l.c(), stage + " bid:" + bidId);
		});
	}

	/**
	 * A member's points for one valid bid, every item of the table at once (item code → points, at most two
	 * decimals, within [0, the item's most]). Replaces the member's earlier points until the sheet is signed.
	 */
	public void score(UUID id, UUID bidId, Map<String, String> points) {
		work.memberChange("score", id, (l, me) -> {
			CaseWork.requireEvaluating(l);
			if (!l.table().weighted()) {
				throw Refusal.conflict(null, "evaluation.scoring.points.noItems");
			}
			CaseWork.requireUnsigned(l, me);
			if (!l.board().reviewsComplete()) {
				throw Refusal.conflict(null, "evaluation.scoring.points.reviewsFirst");
			}
			if (l.board().valid().stream().noneMatch(b -> b.bidId().equals(bidId))) {
				throw Refusal.invalid("bid", "evaluation.scoring.points.notValid");
			}
			Map<String, String> given = points == null ? Map.of() : points;
			for (String code : given.keySet()) {
				if (l.table().item(code) == null) {
					throw Refusal.invalid(code, "evaluation.scoring.points.unknownItem", code);
				}
			}
			Map<String, BigDecimal> parsed = new LinkedHashMap<>();
			for (ScoringTable.Item item : l.table().items()) {
				parsed.put(item.code(), points(item, given.get(item.code())));
			}
			Instant now = clock.instant();
			parsed.forEach((code, value) -> cases.points(id, me, bidId, code, value, l.c().region(), now));
			work.changed("evaluation.points.saved", l.c(), "bid:" + bidId);
		});
	}

	private static BigDecimal points(ScoringTable.Item item, String text) {
		if (text == null || text.isBlank()) {
			throw Refusal.invalid(item.code(), "evaluation.scoring.points.missing", item.nameZh());
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid(item.code(), "evaluation.scoring.points.notANumber", item.nameZh());
		}
		if (value.signum() < 0) {
			throw Refusal.invalid(item.code(), "evaluation.scoring.points.negative", item.nameZh());
		}
		if (value.compareTo(item.maxPoints()) > 0) {
			throw Refusal.invalid(item.code(), "evaluation.scoring.points.aboveMax",
					item.nameZh() + " " + item.maxPoints().stripTrailingZeros().toPlainString());
		}
		if (value.stripTrailingZeros().scale() > 2) {
			throw Refusal.invalid(item.code(), "evaluation.scoring.points.decimals", item.nameZh());
		}
		return value.setScale(2);
	}

	/**
	 * The member's score sheet in its canonical byte form ({@link ScoreSheet}), to sign with {@code bidtool sign};
	 * once signed, the bytes that were signed.
	 */
	public byte[] scoreSheet(UUID id) {
		Acting acting = Actors.required();
		return work.inScope(acting, () -> {
			CaseWork.Loaded l = work.load(id);
			String me = CaseWork.requireMember(acting, l);
			return l.sheets().stream().filter(sh -> sh.member().equals(me)).map(EvaluationCases.Sheet::content)
				.findFirst()
				.orElseGet(() -> canonicalSheet(l, me));
		});
	}

	private byte[] canonicalSheet(CaseWork.Loaded l, String me) {
		if (!l.board().reviewsComplete() || !l.board().reviewedBy(me) || !l.board().scoredBy(me)) {
			throw Refusal.conflict(null, "evaluation.scoring.sheet.incomplete");
		}
		return ScoreSheet.canonical(l.c(), me, l.seat(me).fingerprint(), l.table(), l.board().bids(), l.votes(),
				l.points());
	}

	/**
	 * The member's signature over the score sheet: it must verify under a certificate trusted now whose SHA-256
	 * fingerprint is the member's seat's. From then on the member's votes and points change no more.
	 */
	public void signScoreSheet(UUID id, byte[] signature, byte[] certificate, String algorithm) {
		work.memberChange("sheet", id, (l, me) -> {
			CaseWork.requireEvaluating(l);
			CaseWork.requireUnsigned(l, me);
			byte[] content = canonicalSheet(l, me);
			CertificateView signer = work.verify(content, signature, certificate, algorithm, l.seat(me));
			cases.addSheet(id, me, content, Sha256.hex(content), signature, certificate, signer.fingerprint(),
					CaseWork.algorithm(algorithm).name(), l.c().region(), clock.instant());
			work.changed("evaluation.sheet.signed", l.c(), Sha256.hex(content));
		});
	}

	// clarifications and the report: their own parts (EvaluationClarifications, EvaluationReports); kept here for the
	// callers that evaluate end to end

	public UUID askBidder(UUID id, UUID bidId, String question, Instant deadline) {
		return clarifications.askBidder(id, bidId, question, deadline);
	}

	public List<EvaluationClarification> myClarifications() {
		return clarifications.myClarifications();
	}

	public void answer(UUID clarificationId, String answer) {
		clarifications.answer(clarificationId, answer);
	}

	public UUID draftReport(UUID id) {
		return reports.draftReport(id);
	}

	public void signReport(UUID id, byte[] signature, byte[] certificate, String algorithm) {
		reports.signReport(id, signature, certificate, algorithm);
	}

	public List<CommitteeMember> reportedCommittee(UUID reportId) {
		return reports.reportedCommittee(reportId);
	}

	public byte[] reportPdf(UUID reportId) {
		return reports.reportPdf(reportId);
	}

	// the view

	private EvaluationCaseView view(CaseWork.Loaded l, CaseWork.Seeing seeing, String username) {
		if (seeing == CaseWork.Seeing.NONE) {
			throw CaseWork.notFound();
		}
		EvaluationCases.Case c = l.c();
		boolean reported = "REPORTED".equals(c.status());
		boolean scores = seeing == CaseWork.Seeing.MEMBER || seeing == CaseWork.Seeing.REGULATOR || reported;
		boolean names = c.begun();
		ScoreBoard board = l.board();
		Optional<EvaluationCases.Report> report = cases.reportOf(c.id());
		List<String> reportSigners = report.map(r -> cases.reportSigners(r.id())).orElse(List.of());
		List<EvaluationCases.LeaderVote> leaderVotes = cases.leaderVotes(c.id());
		List<EvaluationCaseView.Member> members = !names ? List.of() : l.seats().stream()
			.map(s -> new EvaluationCaseView.Member(s.username(), s.kind(), s.name(), s.specialty(), s.fingerprint(),
					leaderVotes.stream().anyMatch(v -> v.ballot() == c.ballot() && v.voter().equals(s.username()))
							|| (c.leader() != null && leaderVotes.stream().anyMatch(v -> v.voter().equals(s.username()))),
					board.reviewedBy(s.username()), board.reviewsComplete() && board.scoredBy(s.username()),
					l.sheets().stream().anyMatch(sh -> sh.member().equals(s.username())),
					reportSigners.contains(s.username())))
			.toList();
		List<ScoreBoard.Bid> valid = board.valid();
		List<EvaluationCaseView.Bidder> bidders = board.bids().stream()
			.map(b -> new EvaluationCaseView.Bidder(b.bidId(), b.bidderName(), b.creditCode(), b.price(), b.opened(),
					scores && board.reviewed(ScoreBoard.QUALIFICATION).contains(b)
							? board.outcome(ScoreBoard.QUALIFICATION, b.bidId()).name() : null,
					scores && board.reviewed(ScoreBoard.RESPONSIVENESS).contains(b)
							? board.outcome(ScoreBoard.RESPONSIVENESS, b.bidId()).name() : null,
					scores && board.reviewsComplete() && valid.contains(b)))
			.toList();
		Map<UUID, String> bidderNames = new LinkedHashMap<>();
		board.bids().forEach(b -> bidderNames.put(b.bidId(), b.bidderName()));
		boolean complete = board.reviewsComplete()
				&& l.members().stream().allMatch(board::scoredBy) && !l.members().isEmpty();
		List<EvaluationCaseView.Ranking> ranking = scores && complete ? board.ranking().stream()
			.map(r -> new EvaluationCaseView.Ranking(r.rank(), r.bid().bidId(), r.bid().bidderName(), r.bid().price(),
					r.quality(), r.priceScore(), r.total()))
			.toList() : List.of();
		List<EvaluationCaseView.Outlier> outliers = scores ? board.outliers().stream()
			.map(o -> new EvaluationCaseView.Outlier(o.member(), o.bidId(), bidderNames.get(o.bidId()), o.item(), o.points(),
					o.othersMean()))
			.toList() : List.of();
		List<EvaluationCaseView.Clarification> clarifications = seeing == CaseWork.Seeing.STAFF ? List.of()
				: cases.clarifications(c.id()).stream()
					.map(q -> new EvaluationCaseView.Clarification(q.id(), q.bidId(), bidderNames.get(q.bidId()), q.question(),
							q.deadline(), q.askedBy(), q.answer(), q.answeredAt()))
					.toList();
		EvaluationCaseView.Report reportView = report
			.filter(r -> seeing != CaseWork.Seeing.STAFF || r.reportedAt() != null)
			.map(r -> new EvaluationCaseView.Report(r.id(), r.sha256(), r.createdAt(), r.reportedAt(), reportSigners))
			.orElse(null);
		return new EvaluationCaseView(c.id(), c.section(), c.round(), c.region().value(), c.tradeCode(),
				c.category().value(), c.method(), c.status(), c.scheduledAt(), c.begunAt(), c.leader(), c.ballot(),
				l.table(), l.seats().stream().anyMatch(s -> "EXPERT".equals(s.kind())), l.seats().size(), members, bidders,
				board.reviewsComplete(), scores,
				scores ? l.votes().stream()
					.map(v -> new EvaluationCaseView.Vote(v.stage(), v.bidId(), v.member(), v.passed(), v.reason()))
					.toList() : List.of(),
				scores ? l.points().stream()
					.map(p -> new EvaluationCaseView.Points(p.member(), p.bidId(), p.item(), p.points()))
					.toList() : List.of(),
				ranking, outliers, clarifications, reportView, seeing == CaseWork.Seeing.MEMBER ? username : null,
				c.attempt(), c.supersededAt(), cases.reevaluation(c.section(), c.round(), c.attempt()).orElse(null));
	}
}
