package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.EvaluationMethod;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.tendering.SectionId;

/**
 * Evaluation cases and everything the committee records on them; region-scoped in the database (row-level security).
 * Scoring tables are city-wide reference data.
 */
@Repository
class EvaluationCases {

	private final JdbcClient jdbc;

	EvaluationCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A case as stored. */
	record Case(UUID id, SectionId section, int round, RegionCode region, String tradeCode, CategoryCode category,
			UUID tenderer, String tableCategory, EvaluationMethod method, int tableVersion, String status,
			Instant scheduledAt, Instant begunAt, String leader, int ballot, int attempt, Instant supersededAt) {

		boolean begun() {
			return begunAt != null;
		}

		/** A later attempt evaluates the round again (a re-evaluation order): this one is history, read-only. */
		boolean superseded() {
			return supersededAt != null;
		}
	}

	record Seat(String username, String kind, int position, String name, String specialty, String fingerprint) {
	}

	record LeaderVote(int ballot, String voter, String candidate) {
	}

	record Sheet(String member, byte[] content, String sha256, String fingerprint, Instant signedAt) {
	}

	record Clarification(UUID id, UUID caseId, UUID bidId, UUID bidder, String question, Instant deadline,
			String askedBy, Instant askedAt, String answer, Instant answeredAt, RegionCode region) {
	}

	record Report(UUID id, UUID caseId, String sha256, String createdBy, Instant createdAt, Instant reportedAt) {
	}

	// scoring tables

	Optional<ScoringTable> currentTable(String category, EvaluationMethod method) {
		return jdbc.sql("""
				select * from evaluation.scoring_tables where category_code = ? and method = ?
				order by version desc limit 1""").params(category, method.name()).query(this::table).optional();
	}

	ScoringTable table(String category, EvaluationMethod method, int version) {
		return jdbc.sql("select * from evaluation.scoring_tables where category_code = ? and method = ? and version = ?")
			.params(category, method.name(), version).query(this::table).single();
	}

	private ScoringTable table(ResultSet rs, int n) throws SQLException {
		String category = rs.getString("category_code");
		String method = rs.getString("method");
		int version = rs.getInt("version");
		List<ScoringTable.Item> items = jdbc.sql("""
				select * from evaluation.scoring_items where category_code = ? and method = ? and version = ?
				order by position""").params(category, method, version)
			.query((r, i) -> new ScoringTable.Item(r.getString("code"), r.getString("kind"), r.getString("name_zh"),
					r.getString("name_en"), r.getBigDecimal("max_points")))
			.list();
		return new ScoringTable(category, EvaluationMethod.valueOf(method), version, rs.getString("price_formula"),
				rs.getBigDecimal("price_weight"), rs.getBigDecimal("benchmark_k"), rs.getBoolean("benchmark_drops_extremes"),
				rs.getBigDecimal("deduction_above"), rs.getBigDecimal("deduction_below"),
				rs.getBoolean("representative_allowed"), rs.getBigDecimal("outlier_share"),
				rs.getTimestamp("effective_from").toInstant(), items);
	}

	// cases

	/** @return false when the section round already has its case (the event was delivered again) */
	boolean add(Case c, UUID openingRecord, Instant at) {
		return jdbc.sql("""
				insert into evaluation.cases (id, section_id, round, region_code, trade_code, category_code, tenderer_id,
				  opening_record_id, table_category, method, table_version, status, created_at, attempt)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPENED', ?, ?) on conflict (section_id, round, attempt) do nothing""")
			.params(c.id(), c.section().value(), c.round(), c.region().value(), c.tradeCode(), c.category().value(),
					c.tenderer(), openingRecord, c.tableCategory(), c.method().name(), c.tableVersion(), ts(at), c.attempt())
			.update() == 1;
	}

	void addBid(UUID caseId, ScoreBoard.Bid bid, Integer durationDays, String quality, String decryption,
			RegionCode region) {
		jdbc.sql("""
				insert into evaluation.case_bids (case_id, bid_id, position, bidder_id, bidder_name, bidder_credit_code,
				  price, duration_days, quality, decryption, region_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, bid.bidId(), bid.position(), bid.bidder(), bid.bidderName(), bid.creditCode(), bid.price(),
					durationDays, quality, decryption, region.value())
			.update();
	}

	Optional<Case> byId(UUID id) {
		return jdbc.sql("select * from evaluation.cases where id = ?").param(id).query(this::caseRow).optional();
	}

	/** The section round's current case: its latest attempt. */
	Optional<Case> bySection(SectionId section, int round) {
		return jdbc.sql("select * from evaluation.cases where section_id = ? and round = ? order by attempt desc limit 1")
			.params(section.value(), round).query(this::caseRow).optional();
	}

	/** One evaluation attempt of a section round, superseded or not. */
	Optional<Case> bySection(SectionId section, int round, int attempt) {
		return jdbc.sql("select * from evaluation.cases where section_id = ? and round = ? and attempt = ?")
			.params(section.value(), round, attempt).query(this::caseRow).optional();
	}

	/** The section's current case: its latest round's latest attempt. */
	Optional<Case> latest(SectionId section) {
		return jdbc.sql("select * from evaluation.cases where section_id = ? order by round desc, attempt desc limit 1")
			.param(section.value()).query(this::caseRow).optional();
	}

	/** The opening record a case was opened from (a later attempt keeps its attempt 1's). */
	UUID openingRecord(UUID caseId) {
		return jdbc.sql("select opening_record_id from evaluation.cases where id = ?").param(caseId).query(UUID.class)
			.single();
	}

	void supersede(UUID id, UUID decision, Instant at) {
		jdbc.sql("update evaluation.cases set superseded_at = ?, superseded_by = ? where id = ? and superseded_at is null")
			.params(ts(at), decision, id).update();
	}

	/** The case bids of an earlier attempt, copied to the next one: the same bids as read out at the opening. */
	void copyBids(UUID from, UUID to) {
		jdbc.sql("""
				insert into evaluation.case_bids (case_id, bid_id, position, bidder_id, bidder_name, bidder_credit_code,
				  price, duration_days, quality, decryption, region_code)
				select ?, bid_id, position, bidder_id, bidder_name, bidder_credit_code, price, duration_days, quality,
				  decryption, region_code from evaluation.case_bids where case_id = ?""").params(to, from).update();
	}

	/** Every case the database lets the current scope see, newest first. */
	List<Case> visible() {
		return jdbc.sql("select * from evaluation.cases order by created_at desc limit 200").query(this::caseRow).list();
	}

	List<Case> ofMember(String username) {
		return jdbc.sql("""
				select c.* from evaluation.cases c join evaluation.committee_seats s
				  on s.section_id = c.section_id and s.round = c.round and s.attempt = c.attempt
				where s.username = ? and c.begun_at is not null order by c.created_at desc""").param(username)
			.query(this::caseRow).list();
	}

	List<Case> ofTenderer(UUID tenderer) {
		return jdbc.sql("select * from evaluation.cases where tenderer_id = ? order by created_at desc").param(tenderer)
			.query(this::caseRow).list();
	}

	void schedule(UUID id, Instant at) {
		jdbc.sql("update evaluation.cases set scheduled_at = ? where id = ?").params(ts(at), id).update();
	}

	void begin(UUID id, String by, Instant at) {
		jdbc.sql("update evaluation.cases set status = 'EVALUATING', begun_at = ?, begun_by = ? where id = ?")
			.params(ts(at), by, id).update();
	}

	void status(UUID id, String status) {
		jdbc.sql("update evaluation.cases set status = ? where id = ?").params(status, id).update();
	}

	void leader(UUID id, String leader, int ballot) {
		jdbc.sql("update evaluation.cases set leader = ?, leader_ballot = ? where id = ?").params(leader, ballot, id)
			.update();
	}

	private Case caseRow(ResultSet rs, int n) throws SQLException {
		return new Case(rs.getObject("id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				rs.getInt("round"), RegionCode.of(rs.getString("region_code")), rs.getString("trade_code"),
				CategoryCode.of(rs.getString("category_code")), rs.getObject("tenderer_id", UUID.class),
				rs.getString("table_category"), EvaluationMethod.valueOf(rs.getString("method")),
				rs.getInt("table_version"), rs.getString("status"), instant(rs, "scheduled_at"),
				instant(rs, "begun_at"), rs.getString("leader"), rs.getInt("leader_ballot"), rs.getInt("attempt"),
				instant(rs, "superseded_at"));
	}

	List<ScoreBoard.Bid> bids(UUID caseId) {
		return jdbc.sql("select * from evaluation.case_bids where case_id = ? order by position").param(caseId)
			.query((rs, n) -> new ScoreBoard.Bid(rs.getObject("bid_id", UUID.class),
					rs.getObject("bidder_id", UUID.class), rs.getString("bidder_name"),
					rs.getString("bidder_credit_code"), rs.getBigDecimal("price"), rs.getInt("position")))
			.list();
	}

	// committee

	boolean seat(SectionId section, int round, int attempt, Seat seat, UUID expertId, UUID drawId, RegionCode region,
			String by, Instant at) {
		return jdbc.sql("""
				insert into evaluation.committee_seats (section_id, round, attempt, username, kind, position, expert_id, name,
				  specialty, certificate_fingerprint, draw_id, region_code, seated_by, seated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(section.value(), round, attempt, seat.username(), seat.kind(), seat.position(), expertId, seat.name(),
					seat.specialty(), seat.fingerprint(), drawId, region.value(), by, ts(at))
			.update() == 1;
	}

	List<Seat> seats(SectionId section, int round, int attempt) {
		return jdbc.sql("""
				select * from evaluation.committee_seats where section_id = ? and round = ? and attempt = ?
				order by kind, position""").params(section.value(), round, attempt)
			.query((rs, n) -> new Seat(rs.getString("username"), rs.getString("kind"), rs.getInt("position"),
					rs.getString("name"), rs.getString("specialty"), rs.getString("certificate_fingerprint")))
			.list();
	}

	/** Kind (b): the original committee's seats, the same members, again for the next attempt. */
	int copySeats(SectionId section, int round, int from, int to, String by, Instant at) {
		return jdbc.sql("""
				insert into evaluation.committee_seats (section_id, round, attempt, username, kind, position, expert_id, name,
				  specialty, certificate_fingerprint, draw_id, region_code, seated_by, seated_at)
				select section_id, round, ?, username, kind, position, expert_id, name, specialty, certificate_fingerprint,
				  draw_id, region_code, ?, ? from evaluation.committee_seats
				where section_id = ? and round = ? and attempt = ?""")
			.params(to, by, ts(at), section.value(), round, from).update();
	}

	/** Kind (a): every member of the attempt is left out of the section round's later committees. */
	void exclude(SectionId section, int round, int attempt) {
		jdbc.sql("""
				insert into evaluation.reevaluation_exclusions (section_id, round, username, expert_id, region_code)
				select section_id, round, username, expert_id, region_code from evaluation.committee_seats
				where section_id = ? and round = ? and attempt = ? on conflict do nothing""")
			.params(section.value(), round, attempt).update();
	}

	/** The accounts excluded from the section round's committees by a re-evaluation order. */
	List<String> excluded(SectionId section, int round) {
		return jdbc.sql("select username from evaluation.reevaluation_exclusions where section_id = ? and round = ?")
			.params(section.value(), round).query(String.class).list();
	}

	void addReevaluation(UUID id, Case superseded, int attempt, ReEvaluationKind kind, UUID decision, String by,
			Instant at) {
		jdbc.sql("""
				insert into evaluation.reevaluations (id, section_id, round, attempt, kind, superseded_case, decision_ref,
				  region_code, ordered_by, ordered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, superseded.section().value(), superseded.round(), attempt, kind.name(), superseded.id(), decision,
					superseded.region().value(), by, ts(at))
			.update();
	}

	/** The kind of re-evaluation that opened an attempt; empty for attempt 1. */
	Optional<ReEvaluationKind> reevaluation(SectionId section, int round, int attempt) {
		return jdbc.sql("select kind from evaluation.reevaluations where section_id = ? and round = ? and attempt = ?")
			.params(section.value(), round, attempt).query(String.class).optional().map(ReEvaluationKind::valueOf);
	}

	boolean decisionCarried(UUID decision) {
		return jdbc.sql("select count(*) from evaluation.reevaluations where decision_ref = ?").param(decision)
			.query(Long.class).single() > 0;
	}

	void voteLeader(UUID caseId, int ballot, String voter, String candidate, RegionCode region, Instant at) {
		jdbc.sql("""
				insert into evaluation.leader_votes (case_id, ballot, voter, candidate, region_code, voted_at)
				values (?, ?, ?, ?, ?, ?)""").params(caseId, ballot, voter, candidate, region.value(), ts(at)).update();
	}

	List<LeaderVote> leaderVotes(UUID caseId) {
		return jdbc.sql("select * from evaluation.leader_votes where case_id = ? order by ballot, voted_at").param(caseId)
			.query((rs, n) -> new LeaderVote(rs.getInt("ballot"), rs.getString("voter"), rs.getString("candidate")))
			.list();
	}

	// reviews and points

	void vote(UUID caseId, ScoreBoard.Vote vote, RegionCode region, Instant at) {
		jdbc.sql("""
				insert into evaluation.review_votes (case_id, stage, bid_id, member, passed, reason, region_code, voted_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, vote.stage(), vote.bidId(), vote.member(), vote.passed(), vote.reason(), region.value(),
					ts(at))
			.update();
	}

	List<ScoreBoard.Vote> votes(UUID caseId) {
		return jdbc.sql("select * from evaluation.review_votes where case_id = ? order by voted_at").param(caseId)
			.query((rs, n) -> new ScoreBoard.Vote(rs.getString("stage"), rs.getObject("bid_id", UUID.class),
					rs.getString("member"), rs.getBoolean("passed"), rs.getString("reason")))
			.list();
	}

	void points(UUID caseId, String member, UUID bidId, String item, BigDecimal points, RegionCode region, Instant at) {
		jdbc.sql("""
				insert into evaluation.scores (case_id, member, bid_id, item_code, points, region_code, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id, member, bid_id, item_code)
				do update set points = excluded.points, recorded_at = excluded.recorded_at""")
			.params(caseId, member, bidId, item, points, region.value(), ts(at)).update();
	}

	List<ScoreBoard.Points> points(UUID caseId) {
		return jdbc.sql("select * from evaluation.scores where case_id = ?").param(caseId)
			.query((rs, n) -> new ScoreBoard.Points(rs.getString("member"), rs.getObject("bid_id", UUID.class),
					rs.getString("item_code"), rs.getBigDecimal("points")))
			.list();
	}

	// signed score sheets

	void addSheet(UUID caseId, String member, byte[] content, String sha256, byte[] signature, byte[] certificate,
			String fingerprint, String algorithm, RegionCode region, Instant at) {
		jdbc.sql("""
				insert into evaluation.score_sheets (case_id, member, content, sha256, signature, certificate, fingerprint,
				  algorithm, region_code, signed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, member, content, sha256, signature, certificate, fingerprint, algorithm, region.value(),
					ts(at))
			.update();
	}

	List<Sheet> sheets(UUID caseId) {
		return jdbc.sql("select * from evaluation.score_sheets where case_id = ? order by signed_at").param(caseId)
			.query((rs, n) -> new Sheet(rs.getString("member"), rs.getBytes("content"), rs.getString("sha256"),
					rs.getString("fingerprint"), rs.getTimestamp("signed_at").toInstant()))
			.list();
	}

	// clarifications

	void ask(Clarification c) {
		jdbc.sql("""
				insert into evaluation.clarifications (id, case_id, bid_id, bidder_id, question, deadline, asked_by,
				  asked_at, region_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.caseId(), c.bidId(), c.bidder(), c.question(), ts(c.deadline()), c.askedBy(),
					ts(c.askedAt()), c.region().value())
			.update();
	}

	void answer(UUID id, String answer, String by, Instant at) {
		jdbc.sql("update evaluation.clarifications set answer = ?, answered_by = ?, answered_at = ? where id = ?")
			.params(answer, by, ts(at), id).update();
	}

	Optional<Clarification> clarification(UUID id) {
		return jdbc.sql("select * from evaluation.clarifications where id = ?").param(id).query(this::clarificationRow)
			.optional();
	}

	List<Clarification> clarifications(UUID caseId) {
		return jdbc.sql("select * from evaluation.clarifications where case_id = ? order by asked_at").param(caseId)
			.query(this::clarificationRow).list();
	}

	List<Clarification> clarificationsTo(UUID bidder) {
		return jdbc.sql("select * from evaluation.clarifications where bidder_id = ? order by asked_at desc")
			.param(bidder).query(this::clarificationRow).list();
	}

	private Clarification clarificationRow(ResultSet rs, int n) throws SQLException {
		return new Clarification(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("bid_id", UUID.class), rs.getObject("bidder_id", UUID.class), rs.getString("question"),
				instant(rs, "deadline"), rs.getString("asked_by"), instant(rs, "asked_at"), rs.getString("answer"),
				instant(rs, "answered_at"), RegionCode.of(rs.getString("region_code")));
	}

	// the report

	void addReport(UUID id, UUID caseId, byte[] pdf, String sha256, String by, RegionCode region, Instant at) {
		jdbc.sql("""
				insert into evaluation.reports (id, case_id, pdf, sha256, created_by, created_at, region_code)
				values (?, ?, ?, ?, ?, ?, ?)""").params(id, caseId, pdf, sha256, by, ts(at), region.value()).update();
	}

	void reported(UUID reportId, Instant at) {
		jdbc.sql("update evaluation.reports set reported_at = ? where id = ?").params(ts(at), reportId).update();
	}

	/** The committee of the case a signed report (reported) closed, with the experts' ID numbers; empty otherwise. */
	List<CommitteeMember> reportedCommittee(UUID reportId) {
		return jdbc.sql("""
				select s.position, s.kind, s.name, x.id_number, c.leader = s.username as leader
				from evaluation.reports r join evaluation.cases c on c.id = r.case_id
				join evaluation.committee_seats s on s.section_id = c.section_id and s.round = c.round
				  and s.attempt = c.attempt
				left join evaluation.experts x on x.id = s.expert_id
				where r.id = ? and r.reported_at is not null and c.status = 'REPORTED'
				order by s.kind, s.position""").param(reportId)
			.query((rs, n) -> new CommitteeMember(rs.getInt("position"), rs.getString("kind"), rs.getString("name"),
					rs.getString("id_number"), rs.getBoolean("leader")))
			.list();
	}

	Optional<Report> reportOf(UUID caseId) {
		return jdbc.sql("select id, case_id, sha256, created_by, created_at, reported_at from evaluation.reports where case_id = ?")
			.param(caseId).query(this::reportRow).optional();
	}

	Optional<Report> report(UUID id) {
		return jdbc.sql("select id, case_id, sha256, created_by, created_at, reported_at from evaluation.reports where id = ?")
			.param(id).query(this::reportRow).optional();
	}

	byte[] pdf(UUID reportId) {
		return jdbc.sql("select pdf from evaluation.reports where id = ?").param(reportId).query(byte[].class).single();
	}

	private Report reportRow(ResultSet rs, int n) throws SQLException {
		return new Report(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("sha256"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "reported_at"));
	}

	void signReport(UUID reportId, String member, byte[] signature, byte[] certificate, String fingerprint,
			RegionCode region, Instant at) {
		jdbc.sql("""
				insert into evaluation.report_signatures (report_id, member, signature, certificate, fingerprint,
				  region_code, signed_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(reportId, member, signature, certificate, fingerprint, region.value(), ts(at)).update();
	}

	List<String> reportSigners(UUID reportId) {
		return jdbc.sql("select member from evaluation.report_signatures where report_id = ? order by signed_at")
			.param(reportId).query(String.class).list();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
