package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/**
 * Candidate publicities, objections and complaints, confirmed awards with their signed notices, and contracts;
 * region-scoped in the database (row-level security).
 */
@Repository
class Awards {

	private final JdbcClient jdbc;

	Awards(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int round(SectionId section) {
		return jdbc.sql("select round from tendering.sections where id = ?").param(section.value()).query(Integer.class)
			.single();
	}

	/** Moves the section on when it still stands where the caller saw it. */
	boolean move(SectionId section, SectionStatus from, SectionStatus to) {
		return jdbc.sql("update tendering.sections set status = ?, version = version + 1 where id = ? and status = ?")
			.params(to.name(), section.value(), from.name()).update() == 1;
	}

	// ---- publicity ---------------------------------------------------------------------------------------------

	/** The evaluation attempt of the round now running: 1, plus one per re-evaluation order carried out on it. */
	int currentAttempt(SectionId section, int round) {
		return jdbc.sql("""
				select coalesce(max(attempt), 1) from tendering.section_orders
				where section_id = ? and round = ? and kind = 'RE_EVALUATION'""")
			.params(section.value(), round).query(Integer.class).single();
	}

	/** A suspension lifted during the publicity gives it back the time it stood still (the new end). */
	boolean movePublicityEnd(SectionId section, int round, int attempt, Instant from, Instant to) {
		return jdbc.sql("""
				update tendering.award_publicities set publicity_ends = ?
				where section_id = ? and round = ? and attempt = ? and publicity_ends = ? and withdrawn_at is null""")
			.params(ts(to), section.value(), round, attempt, ts(from)).update() == 1;
	}

	/** A re-evaluation order withdraws the round's publicity in force; false when there was none. */
	boolean withdrawPublicity(SectionId section, int round, UUID decision, UUID notice, Instant at) {
		return jdbc.sql("""
				update tendering.award_publicities set withdrawn_at = ?, withdrawn_by = ?, withdrawal_notice = ?
				where section_id = ? and round = ? and withdrawn_at is null""")
			.params(ts(at), decision, notice, section.value(), round).update() > 0;
	}

	boolean reportTaken(UUID reportId) {
		return jdbc.sql("select count(*) from tendering.award_publicities where report_id = ?").param(reportId)
			.query(Integer.class).single() > 0;
	}

	void addPublicity(AwardPublicityView p, RegionCode region) {
		jdbc.sql("""
				insert into tendering.award_publicities (section_id, round, region_code, report_id, method, report_sha256,
				  report_url, reported_at, publicized_at, publicity_ends, started_late, notice_id, notice_type, attempt)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.section().value(), p.round(), region.value(), p.reportId(), p.method(), p.reportSha256(),
					p.reportUrl(), ts(p.reportedAt()), ts(p.publicizedAt()), ts(p.publicityEnds()), p.startedLate(),
					p.noticeId(), p.noticeType().name(), p.attempt())
			.update();
		for (CandidateView c : p.candidates()) {
			jdbc.sql("""
					insert into tendering.award_candidates (section_id, round, rank, region_code, bidder_id, bidder_name,
					  bidder_credit_code, price, score, attempt) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(p.section().value(), p.round(), c.rank(), region.value(), c.bidder().value(), c.bidderName(),
						c.bidderCreditCode(), c.price() == null ? null : c.price().yuan(), c.score(), p.attempt())
				.update();
		}
	}

	/** The round's publicity in force: the latest attempt's, unless a re-evaluation order withdrew it. */
	Optional<AwardPublicityView> publicity(SectionId section, int round) {
		return jdbc.sql("""
				select attempt from tendering.award_publicities where section_id = ? and round = ? and withdrawn_at is null
				order by attempt desc limit 1""").params(section.value(), round).query(Integer.class).optional()
			.flatMap(attempt -> publicity(section, round, attempt));
	}

	/** One attempt's publicity, withdrawn or not. */
	Optional<AwardPublicityView> publicity(SectionId section, int round, int attempt) {
		List<CandidateView> candidates = jdbc.sql("""
				select * from tendering.award_candidates where section_id = ? and round = ? and attempt = ? order by rank""")
			.params(section.value(), round, attempt)
			.query((rs, n) -> new CandidateView(rs.getInt("rank"), new EntityId(rs.getObject("bidder_id", UUID.class)),
					rs.getString("bidder_name"), rs.getString("bidder_credit_code"), money(rs.getBigDecimal("price")),
					rs.getBigDecimal("score")))
			.list();
		return jdbc.sql("select * from tendering.award_publicities where section_id = ? and round = ? and attempt = ?")
			.params(section.value(), round, attempt)
			.query((rs, n) -> new AwardPublicityView(section, round, rs.getObject("report_id", UUID.class),
					rs.getString("method"), rs.getString("report_sha256"), rs.getString("report_url"),
					instant(rs, "reported_at"), instant(rs, "publicized_at"), instant(rs, "publicity_ends"),
					rs.getBoolean("started_late"), rs.getObject("notice_id", UUID.class),
					NoticeType.valueOf(rs.getString("notice_type")), candidates, attempt))
			.optional();
	}

	// ---- objections and complaints -----------------------------------------------------------------------------

	void addChallenge(AwardChallengeView c, int round, int attempt, RegionCode region, String by) {
		jdbc.sql("""
				insert into tendering.award_challenges (id, section_id, round, region_code, kind, party_id, party_name, text,
				  raised_by, raised_at, answer_due, attempt) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.section().value(), round, region.value(), c.kind(), c.party().value(), c.partyName(),
					c.text(), by, ts(c.raisedAt()), ts(c.answerDue()), attempt)
			.update();
	}

	/** The objections and complaints against the round's publicity in force (a withdrawn one's stay with it). */
	List<AwardChallengeView> challenges(SectionId section, int round) {
		return jdbc.sql("""
				select * from tendering.award_challenges where section_id = ? and round = ? and attempt = (
				  select coalesce(max(attempt) filter (where withdrawn_at is null), 0) from tendering.award_publicities
				  where section_id = ? and round = ?)
				order by raised_at, id""")
			.params(section.value(), round, section.value(), round).query(Awards::challenge).list();
	}

	Optional<AwardChallengeView> challenge(UUID id) {
		return jdbc.sql("select * from tendering.award_challenges where id = ?").param(id).query(Awards::challenge)
			.optional();
	}

	boolean answer(UUID objection, String answer, String by, Instant at) {
		return jdbc.sql("""
				update tendering.award_challenges set answer = ?, answered_by = ?, answered_at = ?
				where id = ? and kind = 'OBJECTION' and answer is null""")
			.params(answer, by, ts(at), objection).update() == 1;
	}

	private static AwardChallengeView challenge(ResultSet rs, int row) throws SQLException {
		return new AwardChallengeView(rs.getObject("id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				rs.getString("kind"), new EntityId(rs.getObject("party_id", UUID.class)), rs.getString("party_name"),
				rs.getString("text"), instant(rs, "raised_at"), instant(rs, "answer_due"), rs.getString("answer"),
				instant(rs, "answered_at"));
	}

	// ---- award -------------------------------------------------------------------------------------------------

	void addAward(AwardView a, RegionCode region, byte[] pdf, byte[] pdfSignature) {
		jdbc.sql("""
				insert into tendering.awards (section_id, round, region_code, winner_id, winner_name, winner_credit_code,
				  rank, price, reason, confirmed_by, confirmed_at, notice_id, pdf, pdf_sha256, pdf_signature, contract_due,
				  attempt)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (
				  select coalesce(max(attempt) filter (where withdrawn_at is null), 1) from tendering.award_publicities
				  where section_id = ? and round = ?))""")
			.params(a.section().value(), a.round(), region.value(), a.winner().value(), a.winnerName(),
					a.winnerCreditCode(), a.rank(), a.price() == null ? null : a.price().yuan(), a.reason(),
					a.confirmedBy(), ts(a.confirmedAt()), a.noticeId(), pdf, a.pdfSha256(), pdfSignature,
					ts(a.contractDue()), a.section().value(), a.round())
			.update();
	}

	record Winner(SectionId section, EntityId winner) {
	}

	/** The section and winner of the award whose result notice this is. */
	Optional<Winner> winnerOfNotice(UUID noticeId) {
		return jdbc.sql("select section_id, winner_id from tendering.awards where notice_id = ?").param(noticeId)
			.query((rs, n) -> new Winner(new SectionId(rs.getObject(1, UUID.class)),
					new EntityId(rs.getObject(2, UUID.class))))
			.optional();
	}

	Optional<AwardView> award(SectionId section, int round) {
		return jdbc.sql("""
				select section_id, round, winner_id, winner_name, winner_credit_code, rank, price, reason, confirmed_by,
				  confirmed_at, notice_id, pdf_sha256, contract_due
				from tendering.awards where section_id = ? and round = ?""")
			.params(section.value(), round)
			.query((rs, n) -> new AwardView(section, round, new EntityId(rs.getObject("winner_id", UUID.class)),
					rs.getString("winner_name"), rs.getString("winner_credit_code"), rs.getInt("rank"),
					money(rs.getBigDecimal("price")), rs.getString("reason"), rs.getString("confirmed_by"),
					instant(rs, "confirmed_at"), rs.getObject("notice_id", UUID.class), rs.getString("pdf_sha256"),
					instant(rs, "contract_due")))
			.optional();
	}

	/** The award notice PDF and the platform's detached signature over it. */
	record SignedPdf(byte[] pdf, byte[] signature) {
	}

	Optional<SignedPdf> awardNotice(SectionId section, int round) {
		return jdbc.sql("select pdf, pdf_signature from tendering.awards where section_id = ? and round = ?")
			.params(section.value(), round)
			.query((rs, n) -> new SignedPdf(rs.getBytes("pdf"), rs.getBytes("pdf_signature"))).optional();
	}

	/** Records a losing bidder's signed result notice (中标结果通知书). */
	void addResultNotice(SectionId section, int round, EntityId bidder, RegionCode region, UUID noticeId, byte[] pdf,
			String sha256, byte[] signature, Instant issuedAt) {
		jdbc.sql("""
				insert into tendering.result_notices (section_id, round, bidder_id, region_code, notice_id, pdf,
				  pdf_sha256, pdf_signature, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(section.value(), round, bidder.value(), region.value(), noticeId, pdf, sha256, signature,
					ts(issuedAt))
			.update();
	}

	/** The SHA-256 of a bidder's result notice, when it has one. */
	Optional<String> resultNoticeSha256(SectionId section, int round, EntityId bidder) {
		return jdbc.sql("select pdf_sha256 from tendering.result_notices where section_id = ? and round = ? and bidder_id = ?")
			.params(section.value(), round, bidder.value()).query(String.class).optional();
	}

	/** A bidder's result notice PDF and the platform's detached signature over it. */
	Optional<SignedPdf> resultNotice(SectionId section, int round, EntityId bidder) {
		return jdbc.sql("""
				select pdf, pdf_signature from tendering.result_notices
				where section_id = ? and round = ? and bidder_id = ?""")
			.params(section.value(), round, bidder.value())
			.query((rs, n) -> new SignedPdf(rs.getBytes("pdf"), rs.getBytes("pdf_signature"))).optional();
	}

	// ---- contract ----------------------------------------------------------------------------------------------

	/** Records the uploaded contract, replacing one nobody has signed yet; false when a signature already binds it. */
	boolean putContract(SectionId section, int round, RegionCode region, String fileName, Blobs.Stored file,
			Money amount, String summary, String by, Instant at) {
		int replaced = jdbc.sql("""
				update tendering.contracts set file_name = ?, size = ?, sha256 = ?, sm3 = ?, amount = ?, summary = ?,
				  uploaded_by = ?, uploaded_at = ?
				where section_id = ? and round = ? and tenderer_signature is null and winner_signature is null""")
			.params(fileName, file.size(), file.sha256(), file.sm3(), amount.yuan(), summary, by, ts(at), section.value(),
					round)
			.update();
		if (replaced == 1) {
			return true;
		}
		return jdbc.sql("""
				insert into tendering.contracts (section_id, round, region_code, file_name, size, sha256, sm3, amount,
				  summary, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(section.value(), round, region.value(), fileName, file.size(), file.sha256(), file.sm3(),
					amount.yuan(), summary, by, ts(at))
			.update() == 1;
	}

	Optional<ContractView> contract(SectionId section, int round) {
		return jdbc.sql("select * from tendering.contracts where section_id = ? and round = ?")
			.params(section.value(), round)
			.query((rs, n) -> new ContractView(section, round, rs.getString("file_name"), rs.getLong("size"),
					rs.getString("sha256"), rs.getString("sm3"), money(rs.getBigDecimal("amount")),
					rs.getString("uploaded_by"), instant(rs, "uploaded_at"), rs.getString("tenderer_signer"),
					instant(rs, "tenderer_signed_at"), rs.getString("winner_signer"), instant(rs, "winner_signed_at"),
					instant(rs, "concluded_at"), (Boolean) rs.getObject("late"), rs.getString("summary")))
			.optional();
	}

	/**
	 * Keeps one party's signature over the contract whose SHA-256 it was checked against; false when that party
	 * signed already or the contract changed meanwhile.
	 */
	boolean sign(SectionId section, int round, boolean tenderer, String sha256, byte[] signature, String certificatePem,
			String signer, String by, Instant at) {
		String side = tenderer ? "tenderer" : "winner";
		return jdbc.sql("update tendering.contracts set " + side + "_signature = ?, " + side + "_certificate = ?, " + side
				+ "_signer = ?, " + side + "_signed_by = ?, " + side + "_signed_at = ? "
				+ "where section_id = ? and round = ? and sha256 = ? and " + side + "_signature is null")
			.params(signature, certificatePem, signer, by, ts(at), section.value(), round, sha256).update() == 1;
	}

	void conclude(SectionId section, int round, Instant at, boolean late, UUID noticeId) {
		jdbc.sql("""
				update tendering.contracts set concluded_at = ?, late = ?, notice_id = ?
				where section_id = ? and round = ? and concluded_at is null""")
			.params(ts(at), late, noticeId, section.value(), round).update();
	}

	// ---- who took part -----------------------------------------------------------------------------------------

	/** The entities with a standing bid in the section: the bidders a result notice goes to. */
	List<EntityId> bidders(SectionId section) {
		return jdbc.sql("select distinct bidder_id from tendering.bids where section_id = ? and status = 'RECEIPTED'")
			.param(section.value()).query((rs, n) -> new EntityId(rs.getObject(1, UUID.class))).list();
	}

	/** Bid in the section, or registered for it: a party with an interest in its result (利害关系人). */
	boolean interested(SectionId section, EntityId entity) {
		return jdbc.sql("""
				select exists (select 1 from tendering.bids where section_id = ? and bidder_id = ? and status = 'RECEIPTED')
				  or exists (select 1 from tendering.interests where section_id = ? and bidder_id = ?)""")
			.params(section.value(), entity.value(), section.value(), entity.value()).query(Boolean.class).single();
	}

	private static Money money(BigDecimal yuan) {
		return yuan == null ? null : Money.of(yuan);
	}
}
