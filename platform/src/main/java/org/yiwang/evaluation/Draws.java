package org.yiwang.evaluation;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** The draws' tables (region-scoped, forced row-level security) and the eligibility query over the pool. */
@Repository
class Draws {

	/** A stored draw with its secrets, inside the module only. */
	record Stored(UUID id, UUID section, int round, RegionCode region, String tradeCode, UUID tenderer,
			Instant evaluationAt, List<String> includeRegions, List<String> excludeRegions, int servicePeriodDays,
			byte[] seed, String seedSha256, String pool, String poolSha256, DrawStatus status, String requestedBy,
			Instant committedAt, Instant drawnAt, Instant completedAt, Instant revealedAt) {
	}

	record StoredPick(int n, String specialty, UUID expert, DrawOutcome outcome, Instant answeredAt) {
	}

	/** What the eligibility query needs to know about the section and the day. */
	record Exclusions(UUID section, UUID tenderer, List<UUID> partyEntities, List<String> partyCreditCodes,
			List<String> includeRegions, List<String> excludeRegions, LocalDate day, Instant evaluationAt,
			LocalDate servedSince) {
	}

	private final JdbcClient jdbc;

	Draws(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The experts of a specialty who may be drawn: a bound certificate valid at the evaluation, inside the region
	 * constraints, not employed by a party, not serving the tenderer within the period, not blacklisted or
	 * unavailable on the day, and not on the tenderer's avoidance list (by ID number, or by name where no ID number
	 * was given).
	 */
	List<UUID> eligible(String specialty, Exclusions x) {
		return jdbc.sql("""
				select e.id from evaluation.experts e
				join evaluation.expert_specialty_holdings h on h.expert_id = e.id and h.specialty = :specialty
				where e.certificate_fingerprint is not null and e.certificate_not_after > :evaluationAt
				  and (cardinality(cast(:include as text[])) = 0 or e.home_region = any(cast(:include as text[])))
				  and not (e.home_region = any(cast(:exclude as text[])))
				  and (e.employer_id is null or not (e.employer_id = any(cast(:parties as uuid[]))))
				  and (e.employer_credit_code is null or not (e.employer_credit_code = any(cast(:codes as text[]))))
				  and not exists (select 1 from evaluation.expert_service v
				                  where v.expert_id = e.id and v.tenderer = :tenderer and v.served_on >= :since)
				  and not exists (select 1 from evaluation.expert_credit c where c.expert_id = e.id and c.kind = 'BLACKLIST'
				                  and c.from_day <= :day and c.until_day >= :day)
				  and not exists (select 1 from evaluation.expert_unavailability u where u.expert_id = e.id
				                  and u.from_day <= :day and u.until_day >= :day)
				  and not exists (select 1 from evaluation.draw_avoidances a where a.section_id = :section
				                  and a.id_number = e.id_number)
				  and not exists (select 1 from evaluation.draw_avoidances a where a.section_id = :section
				                  and a.id_number is null and a.name = e.name)
				order by e.id""")
			.param("specialty", specialty)
			.param("evaluationAt", Timestamp.from(x.evaluationAt()))
			.param("include", x.includeRegions().toArray(String[]::new))
			.param("exclude", x.excludeRegions().toArray(String[]::new))
			.param("parties", x.partyEntities().toArray(UUID[]::new))
			.param("codes", x.partyCreditCodes().toArray(String[]::new))
			.param("tenderer", x.tenderer())
			.param("since", x.servedSince())
			.param("day", x.day())
			.param("section", x.section())
			.query(UUID.class)
			.list();
	}

	void add(Stored d, Map<String, Integer> seats, Map<String, Integer> eligible) {
		jdbc.sql("""
				insert into evaluation.draws (id, section_id, round, region_code, trade_code, tenderer, evaluation_at,
				  include_regions, exclude_regions, service_period_days, seed, seed_sha256, pool, pool_sha256, status,
				  requested_by, committed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id(), d.section(), d.round(), d.region().value(), d.tradeCode(), d.tenderer(),
					Timestamp.from(d.evaluationAt()), d.includeRegions().toArray(String[]::new),
					d.excludeRegions().toArray(String[]::new), d.servicePeriodDays(), d.seed(), d.seedSha256(), d.pool(),
					d.poolSha256(), d.status().name(), d.requestedBy(), Timestamp.from(d.committedAt()))
			.update();
		seats.forEach((code, n) -> jdbc.sql("""
				insert into evaluation.draw_specialties (draw_id, specialty, seats, eligible, region_code)
				values (?, ?, ?, ?, ?)""").params(d.id(), code, n, eligible.get(code), d.region().value()).update());
	}

	Optional<Stored> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from evaluation.draws where id = ?").param(id).query(Draws::stored)
			.optional();
	}

	List<Stored> all() {
		return jdbc.sql("select " + COLUMNS + " from evaluation.draws order by committed_at desc").query(Draws::stored)
			.list();
	}

	boolean liveFor(UUID section) {
		return jdbc.sql("select count(*) from evaluation.draws where section_id = ? and status <> 'EXHAUSTED'")
			.param(section)
			.query(Integer.class)
			.single() > 0;
	}

	/** The specialties with their counters. */
	Map<String, Long> counters(UUID draw) {
		Map<String, Long> counters = new HashMap<>();
		jdbc.sql("select specialty, counter from evaluation.draw_specialties where draw_id = ?").param(draw)
			.query((rs, n) -> counters.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counters;
	}

	List<DrawView.SpecialtyCount> counts(UUID draw) {
		return jdbc.sql("""
				select s.specialty, s.seats, s.eligible,
				  (select count(*) from evaluation.draw_picks p where p.draw_id = s.draw_id and p.specialty = s.specialty
				     and p.outcome = 'INVITED'),
				  (select count(*) from evaluation.draw_picks p where p.draw_id = s.draw_id and p.specialty = s.specialty
				     and p.outcome = 'ACCEPTED'),
				  (select count(*) from evaluation.draw_picks p where p.draw_id = s.draw_id and p.specialty = s.specialty
				     and p.outcome in ('DECLINED', 'NO_SHOW'))
				from evaluation.draw_specialties s where s.draw_id = ? order by s.specialty""")
			.param(draw)
			.query((rs, n) -> new DrawView.SpecialtyCount(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6)))
			.list();
	}

	void setCounter(UUID draw, String specialty, long counter) {
		jdbc.sql("update evaluation.draw_specialties set counter = ? where draw_id = ? and specialty = ?")
			.params(counter, draw, specialty)
			.update();
	}

	List<StoredPick> picks(UUID draw) {
		return jdbc.sql("""
				select n, specialty, expert_id, outcome, answered_at from evaluation.draw_picks where draw_id = ?
				order by n""")
			.param(draw)
			.query((rs, n) -> new StoredPick(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class),
					DrawOutcome.valueOf(rs.getString(4)), instant(rs.getTimestamp(5))))
			.list();
	}

	void addPick(UUID draw, RegionCode region, DrawAlgorithm.Pick pick) {
		jdbc.sql("""
				insert into evaluation.draw_picks (draw_id, n, specialty, expert_id, outcome, region_code)
				values (?, ?, ?, ?, 'INVITED', ?)""")
			.params(draw, pick.n(), pick.specialty(), pick.expert(), region.value())
			.update();
	}

	/** Records an answer to a pick still invited (or, at evaluation, an accepted expert who did not show up). */
	boolean answer(UUID draw, int n, DrawOutcome outcome, String by, Instant now) {
		return jdbc.sql("""
				update evaluation.draw_picks set outcome = ?, answered_at = ?, answered_by = ?
				where draw_id = ? and n = ? and (outcome = 'INVITED' or (outcome = 'ACCEPTED' and ? = 'NO_SHOW'))""")
			.params(outcome.name(), Timestamp.from(now), by, draw, n, outcome.name())
			.update() == 1;
	}

	void setStatus(UUID draw, DrawStatus status, String timeColumn, Instant now) {
		jdbc.sql("update evaluation.draws set status = ?, " + timeColumn + " = ? where id = ?")
			.params(status.name(), Timestamp.from(now), draw)
			.update();
	}

	void reveal(UUID draw, Instant now) {
		jdbc.sql("update evaluation.draws set revealed_at = ? where id = ? and revealed_at is null")
			.params(Timestamp.from(now), draw)
			.update();
	}

	void serve(UUID draw, UUID expert, UUID tenderer, LocalDate day) {
		jdbc.sql("""
				insert into evaluation.expert_service (expert_id, tenderer, served_on, draw_id) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(expert, tenderer, day, draw)
			.update();
	}

	/** Invitations of one expert across all regions (the caller runs in the platform's scope). */
	List<DrawInvitation> invitationsOf(UUID expert) {
		return jdbc.sql("""
				select d.id, p.n, d.trade_code, p.specialty, d.evaluation_at, p.outcome from evaluation.draw_picks p
				join evaluation.draws d on d.id = p.draw_id where p.expert_id = ? order by d.evaluation_at desc""")
			.param(expert)
			.query((rs, n) -> new DrawInvitation(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant(), DrawOutcome.valueOf(rs.getString(6))))
			.list();
	}

	void addAvoidance(UUID section, String name, String idNumber, String reason, String by, Instant now, UUID id) {
		jdbc.sql("""
				insert into evaluation.draw_avoidances (id, section_id, name, id_number, reason, added_by, added_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, section, name, idNumber, reason, by, Timestamp.from(now))
			.update();
	}

	List<DrawAvoidance> avoidances(UUID section) {
		return jdbc.sql("""
				select id, name, id_number, reason, added_by, added_at from evaluation.draw_avoidances
				where section_id = ? order by added_at""")
			.param(section)
			.query((rs, n) -> {
				String idNumber = rs.getString(3);
				return new DrawAvoidance(rs.getObject(1, UUID.class), rs.getString(2),
						idNumber == null ? null : idNumber.substring(0, 6) + "********" + idNumber.substring(14),
						rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());
			})
			.list();
	}

	private static final String COLUMNS = """
			id, section_id, round, region_code, trade_code, tenderer, evaluation_at, include_regions, exclude_regions,
			service_period_days, seed, seed_sha256, pool, pool_sha256, status, requested_by, committed_at, drawn_at,
			completed_at, revealed_at""";

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
				RegionCode.of(rs.getString(4)), rs.getString(5), rs.getObject(6, UUID.class),
				rs.getTimestamp(7).toInstant(), strings(rs.getArray(8)), strings(rs.getArray(9)), rs.getInt(10),
				rs.getBytes(11), rs.getString(12), rs.getString(13), rs.getString(14), DrawStatus.valueOf(rs.getString(15)),
				rs.getString(16), rs.getTimestamp(17).toInstant(), instant(rs.getTimestamp(18)),
				instant(rs.getTimestamp(19)), instant(rs.getTimestamp(20)));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
