package org.yiwang.evaluation;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.pki.CertificateView;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.pki.SignatureVerification;
import org.yiwang.pki.Signatures;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**

/**
 * How the evaluation's work on a case is run and checked, for the scoring ({@link EvaluationDesk}) and the report
 * ({@link EvaluationReports}): a case read once per request, who sees it how, the transaction and region scope each
 * kind of actor works in, refusals audited, signatures checked against the seat's certificate.
 */
@Component
class CaseWork {

	private final EvaluationCases cases;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Signatures signatures;

	private final Deployment deployment;

	CaseWork(EvaluationCases cases, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			Signatures signatures, Deployment deployment) {
		this.cases = cases;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.signatures = signatures;
		this.deployment = deployment;
	}

	/** Everything recorded on a case, read once per request. */
	record Loaded(EvaluationCases.Case c, ScoringTable table, List<EvaluationCases.Seat> seats,
			List<ScoreBoard.Vote> votes, List<ScoreBoard.Points> points, List<EvaluationCases.Sheet> sheets,
			ScoreBoard board) {

		List<String> members() {
			return seats.stream().map(EvaluationCases.Seat::username).toList();
		}

		EvaluationCases.Seat seat(String username) {
			return seats.stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow();
		}
	}

	Loaded load(UUID id) {
		EvaluationCases.Case c = cases.byId(id).orElseThrow(CaseWork::notFound);
		ScoringTable table = cases.table(c.tableCategory(), c.method(), c.tableVersion());
		List<EvaluationCases.Seat> seats = cases.seats(c.section(), c.round(), c.attempt());
		List<ScoreBoard.Vote> votes = cases.votes(id);
		List<ScoreBoard.Points> points = cases.points(id);
		ScoreBoard board = new ScoreBoard(table, seats.stream().map(EvaluationCases.Seat::username).toList(),
				cases.bids(id), votes, points);
		return new Loaded(c, table, seats, votes, points, cases.sheets(id), board);
	}

	enum Seeing {
		MEMBER, REGULATOR, STAFF, NONE
	}

	static Seeing seeing(Acting acting, Loaded l) {
		if (l.c().begun() && l.members().contains(acting.actor().username())) {
			return Seeing.MEMBER;
		}
		if (!acting.regionScope().covers(l.c().region())) {
			return Seeing.NONE;
		}
		if (acting.hasRole(Role.REGULATOR)) {
			return Seeing.REGULATOR;
		}
		if (acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN)) {
			return Seeing.STAFF;
		}
		return Seeing.NONE;
	}

	static boolean readsRegion(Acting acting) {
		return acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN) || acting.hasRole(Role.REGULATOR);
	}

	/**
	 * Staff and regulators work in their own region scope (PostgreSQL shows them nothing else); members, tenderers and
	 * bidders act city-wide on records picked by who they are, so their work runs in the platform's scope.
	 */
	<T> T inScope(Acting acting, Supplier<T> work) {
		if (readsRegion(acting)) {
			return transactions.execute(s -> work.get());
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> work.get()));
	}

	static String requireMember(Acting acting, Loaded l) {
		if (seeing(acting, l) != Seeing.MEMBER) {
			throw notFound();
		}
		return acting.actor().username();
	}

	interface MemberWork {
		void run(Loaded loaded, String me);
	}

	interface StaffWork {
		void run(Loaded loaded);
	}

	void memberChange(String attempted, UUID id, MemberWork work) {
		Acting acting = Actors.required();
		audited(attempted, id, () -> RegionScopes.callAsPlatform(() -> transactions.execute(s -> {
			Loaded l = load(id);
			work.run(l, requireMember(acting, l));
			return null;
		})));
	}

	void staffChange(String attempted, UUID id, StaffWork work) {
		Acting acting = Actors.requireAnyRole("evaluation.scoring.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		audited(attempted, id, () -> transactions.execute(s -> {
			Loaded l = load(id);
			if (!acting.regionScope().covers(l.c().region())) {
				throw notFound();
			}
			work.run(l);
			return null;
		}));
	}

	/** A refused change (other than not found) is appended to the audit log in a transaction of its own. */
	<T> T audited(String attempted, UUID target, Supplier<T> change) {
		try {
			return change.get();
		}
		catch (Refusal refusal) {
			if (refusal.status() != HttpStatus.NOT_FOUND) {
				RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(
						new EvaluationChanged(Actors.actor(), "evaluation.refused." + attempted, "case:" + target,
								refusal.messageKey(), deployment.cityCode(), clock.instant()))));
			}
			throw refusal;
		}
	}

	static void requireEvaluating(Loaded l) {
		if (!"EVALUATING".equals(l.c().status())) {
			throw Refusal.conflict(null, "evaluation.scoring.notEvaluating");
		}
	}

	static void requireUnsigned(Loaded l, String me) {
		if (l.sheets().stream().anyMatch(sh -> sh.member().equals(me))) {
			throw Refusal.conflict(null, "evaluation.scoring.sheet.signed");
		}
	}

	CertificateView verify(byte[] content, byte[] signature, byte[] certificate, String algorithm,
			EvaluationCases.Seat seat) {
		if (signature == null || signature.length == 0) {
			throw Refusal.invalid("signature", "evaluation.scoring.signature.required");
		}
		if (certificate == null || certificate.length == 0) {
			throw Refusal.invalid("certificate", "evaluation.scoring.signature.certificateRequired");
		}
		SignatureVerification verification = signatures.verify(content, signature, certificate, algorithm(algorithm));
		if (!verification.valid()) {
			throw Refusal.invalid("signature", verification.messageKey());
		}
		if (!verification.signer().fingerprint().equalsIgnoreCase(seat.fingerprint())) {
			throw Refusal.invalid("certificate", "evaluation.scoring.signature.wrongCertificate");
		}
		return verification.signer();
	}

	static SignatureAlgorithm algorithm(String name) {
		if (name == null || name.isBlank()) {
			return SignatureAlgorithm.SM3_WITH_SM2;
		}
		return Arrays.stream(SignatureAlgorithm.values()).filter(a -> a.name().equals(name.strip())).findFirst()
			.orElseThrow(() -> Refusal.invalid("algorithm", "evaluation.scoring.signature.algorithm"));
	}

	void changed(String action, EvaluationCases.Case c, String detail) {
		events.publishEvent(new EvaluationChanged(Actors.actor(), action, "case:" + c.id(), detail, c.region(),
				clock.instant()));
	}

	static Refusal notFound() {
		return Refusal.notFound("evaluation.scoring.case.notFound");
	}
}
