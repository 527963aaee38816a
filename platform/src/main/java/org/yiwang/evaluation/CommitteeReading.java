package org.yiwang.evaluation;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidReaders;
import org.yiwang.tendering.OpenedBidContents;
import org.yiwang.tendering.OpenedBidFiles;
import org.yiwang.tendering.SectionId;

/**
 * The committee reads the bids it scores (招标投标法 Art. 37–40, 实施条例 Art. 48): each member of a case, while it is
 * evaluated or reported on, reads every opened bid of the case — its signer and hashes, its price sheet, its files
 * streamed from the blob store. Nobody else does: not other experts, not the bidders, not staff (the centre runs the
 * procedure and does not evaluate, 管办分离), and not regulators, whose access to bid files goes through a complaint's
 * file request rather than the committee's room. Every file a member opens is recorded in the audit log.
 * <p>
 * Tendering keeps the bids and asks this class (as its {@link BidReaders}) who may read them.
 */
@Service
public class CommitteeReading implements BidReaders {

	/** While the committee works: from the beginning of the evaluation until every member has signed the report. */
	static final Set<String> READING = Set.of("EVALUATING", "REPORTING");

	private final EvaluationCases cases;

	private final OpenedBidFiles files;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CommitteeReading(EvaluationCases cases, OpenedBidFiles files, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.files = files;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public boolean mayRead(Acting acting, SectionId section, int round) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> cases.bySection(section, round)
			.filter(c -> READING.contains(c.status()))
			.map(c -> seated(acting, c))
			.orElse(false)));
	}

	/** An opened bid of the case, for a member of its committee; not found for anyone else. */
	public OpenedBidContents bid(UUID caseId, UUID bidId) {
		EvaluationCases.Case c = memberCase(caseId, bidId);
		return files.contents(c.section(), bidId);
	}

	/** A file of an opened bid of the case (0: its price sheet), streamed; the read is recorded in the audit log. */
	public OpenedBidContents.Content file(UUID caseId, UUID bidId, int position) {
		EvaluationCases.Case c = memberCase(caseId, bidId);
		OpenedBidContents.Content content = files.file(c.section(), bidId, position);
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(
				new EvaluationChanged(Actors.actor(), "evaluation.bid.read", "case:" + c.id(),
						"bid:" + bidId + " file:" + position + " sha256:" + content.file().sha256(), c.region(),
						clock.instant()))));
		return content;
	}

	/** The case, when the acting account sits on its committee, it is being evaluated and the bid is one of its. */
	private EvaluationCases.Case memberCase(UUID caseId, UUID bidId) {
		Acting acting = Actors.required();
		Optional<EvaluationCases.Case> found = RegionScopes.callAsPlatform(() -> transactions.execute(s -> cases
			.byId(caseId)
			.filter(c -> READING.contains(c.status()) && seated(acting, c))
			.filter(c -> cases.bids(c.id()).stream().anyMatch(b -> b.bidId().equals(bidId) && b.opened()))));
		return found.orElseThrow(CaseWork::notFound);
	}

	/** A seat of the case's committee is the acting account's, in the role the seat was given for. */
	private boolean seated(Acting acting, EvaluationCases.Case c) {
		String me = acting.actor().username();
		return cases.seats(c.section(), c.round(), c.attempt()).stream().anyMatch(seat -> seat.username().equals(me)
				&& ("EXPERT".equals(seat.kind()) ? acting.hasRole(Role.EXPERT) : acting.hasRole(Role.TENDERER)));
	}
}
