package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;

import org.yiwang.registry.EntityId;

/**
 * A section's award as one viewer may see it: the publicity and its candidates, the objections and complaints (staff,
 * regulators and the tenderer's side see all objections; a bidder its own), the winner and, for those entitled, the
 * award notice and the contract; plus what this viewer may do now.
 *
 * @param viewer {@code READER} (staff, regulators of the region), {@code PARTY} (the tenderer or its agency) or
 *     {@code BIDDER} (a bidder or registered party of the section)
 * @param me the viewer's entity; null for staff and regulators
 * @param signatory the viewer's entity is the tenderer itself (not its agency), which signs the contract
 * @param resultNoticeSha256 the SHA-256 of the viewer's own signed result notice (中标结果通知书), when it is a bidder
 *     that did not win; null otherwise
 */
public record AwardDossier(SectionView section, AwardPublicityView publicity, List<AwardChallengeView> objections,
		List<AwardChallengeView> complaints, AwardView award, ContractView contract, String viewer, EntityId me,
		boolean signatory, String resultNoticeSha256, Instant now) {

	public AwardDossier {
		objections = List.copyOf(objections);
		complaints = List.copyOf(complaints);
	}

	public boolean reader() {
		return "READER".equals(viewer);
	}

	public boolean party() {
		return "PARTY".equals(viewer);
	}

	public boolean bidder() {
		return "BIDDER".equals(viewer);
	}

	public boolean publicityRunning() {
		return publicity.runningAt(now);
	}

	public long openObjections() {
		return objections.stream().filter(AwardChallengeView::open).count();
	}

	public boolean winner() {
		return award != null && me != null && award.winner().equals(me);
	}

	/** This bidder's own result once the winner is confirmed: true won, false not, null no award yet or not a bidder. */
	public Boolean won() {
		return award == null || !bidder() ? null : winner();
	}

	public boolean canObject() {
		return bidder() && section.status() == SectionStatus.PUBLICIZING && publicityRunning();
	}

	/** A complaint to the regulator follows this party's answered objection (实施条例 Art. 60). */
	public boolean canComplain() {
		return bidder() && objections.stream().anyMatch(o -> me.equals(o.party()) && !o.open());
	}

	public boolean canConfirm() {
		return party() && section.status() == SectionStatus.PUBLICIZING && !now.isBefore(publicity.publicityEnds())
				&& openObjections() == 0;
	}

	public boolean seesAwardNotice() {
		return award != null && (reader() || party() || winner());
	}

	public boolean canUploadContract() {
		return party() && section.status() == SectionStatus.AWARDED && (contract == null || !contract.signedByAnyone());
	}

	public boolean canSign() {
		return contract != null && !contract.concluded()
				&& ((signatory && contract.tendererSignedAt() == null) || (winner() && contract.winnerSignedAt() == null));
	}

	/** The contract is due within 30 days of the award notice; past that it is still recorded, flagged late. */
	public boolean contractOverdue() {
		return award != null && now.isAfter(award.contractDue()) && (contract == null || !contract.concluded());
	}
}
