package org.yiwang.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** The draws' tables (region-scoped, forced row-level security); the eligibility rule is {@link ExpertPoolSnapshot}'s. */
@Repository
class Draws {

	/** A stored draw with its secrets, inside the module only. */
	record Stored(UUID id, UUID section, int round, RegionCode region, String tradeCode, UUID tenderer,
			Instant evaluationAt, List<String> includeRegions, List<String> excludeRegions, int servicePeriodDays,
			byte[] seed, String seedSha256, String poolSha256, DrawStatus status, String requestedBy,
			Instant committedAt, Instant drawnAt, Instant completedAt, Instant revealedAt, int attempt) {

		/** A draw for a round's first evaluation (attempt 1). */
		Stored(UUID id, UUID section, int round, RegionCode region, String tradeCode, UUID tenderer,
				Instant evaluationAt, List<String> includeRegions, List<String> excludeRegions, int servicePeriodDays,
				byte[] seed, String seedSha256, String poolSha256, DrawStatus status, String requestedBy,
				Instant committedAt, Instant drawnAt, Instant completedAt, Instant revealedAt) {
			this(id, section, round, region, tradeCode, tenderer, evaluationAt, includeRegions, excludeRegions,
					servicePeriodDays, seed, seedSha256, poolSha256, status, requestedBy, committedAt, drawnAt,
					completedAt, revealedAt, 1);
		}
	}

	record StoredPick(int n, String specialty, UUID expert, DrawOutcome outcome, Instant answeredAt) {
	}

	/**
	 * What the eligibility query needs to know about the section and the day; {@code round} for the members a
	 * re-evaluation order left out of the section round's committees.
	 */
	record Exclusions(UUID section, UUID tenderer, List<UUID> partyEntities, List<String> partyCreditCodes,
			List<String> includeRegions, List<String> excludeRegions, LocalDate day, Instant evaluationAt,
			LocalDate servedSince, int round) {

		Exclusions(UUID section, UUID tenderer, List<UUID> partyEntities, List<String> partyCreditCodes,
				List<String> includeRegions, List<String> excludeRegions, LocalDate day, Instant evaluationAt,
				LocalDate servedSince) {
			this(section, tenderer, partyEntities, partyCreditCodes, includeRegions, excludeRegions, day, evaluationAt,
					servedSince, 1);
		}
	}

	private final JdbcClient jdbc;

	Draws(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Stored d, List<PoolPart> pool) {
		jdbc.sql("""
				insert into evaluation.draws (id, section_id, round, region_code, trade_code, tenderer, evaluation_at,
				  include_regions, exclude_regions, service_period_days, seed, seed_sha256, pool_lists, pool_sha256, status,
				  requested_by, committed_at, attempt)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id(), d.section(), d.round(), d.region().value(), d.tradeCode(), d.tenderer(),
					Timestamp.from(d.evaluationAt()), d.includeRegions().toArray(String[]::new),
					d.excludeRegions().toArray(String[]::new), d.servicePeriodDays(), d.seed(), d.seedSha256(), encode(pool),
					d.poolSha256(), d.status().name(), d.requestedBy(), Timestamp.from(d.committedAt()), d.attempt())
			.update();
		pool.forEach(s -> jdbc.sql("""
				insert into evaluation.draw_specialties (draw_id, specialty, seats, eligible, region_code)
				values (?, ?, ?, ?, ?)""").params(d.id(), s.code(), s.seats(), s.eligible().cardinality(), d.region().value())
			.update());
	}

	/**
	 * One specialty of a draw's pool as kept: the seats, the expert pool list it was taken from (by SHA-256, see
	 * {@link ExpertPoolSnapshot}) and which of that list's experts were eligible.
	 */
	record PoolPart(String code, int seats, String list, int listSize, BitSet eligible) {
	}

	/** Per part in code order: code (length-prefixed ASCII), seats, list size, list SHA-256, bitmap (length-prefixed). */
	static byte[] encode(List<PoolPart> parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(bytes);
		try {
			for (PoolPart p : parts.stream().sorted(Comparator.comparing(PoolPart::code)).toList()) {
				out.writeByte(p.code().length());
				out.writeBytes(p.code());
				out.writeInt(p.seats());
				out.writeInt(p.listSize());
				out.write(HexFormat.of().parseHex(p.list()));
				byte[] bitmap = p.eligible().toByteArray();
				out.writeInt(bitmap.length);
				out.write(bitmap);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	static List<PoolPart> decode(byte[] encoded) {
		ByteBuffer in = ByteBuffer.wrap(encoded);
		List<PoolPart> parts = new ArrayList<>();
		while (in.hasRemaining()) {
			byte[] code = new byte[in.get()];
			in.get(code);
			int seats = in.getInt();
			int listSize = in.getInt();
			byte[] sha = new byte[32];
			in.get(sha);
			byte[] bitmap = new byte[in.getInt()];
			in.get(bitmap);
			parts.add(new PoolPart(new String(code, StandardCharsets.US_ASCII), seats,
					HexFormat.of().formatHex(sha), listSize, BitSet.valueOf(bitmap)));
		}
		return parts;
	}

	/**
	 * The pool a draw committed to: each part's eligible experts out of its list ({@code lists} gives a list by its
	 * SHA-256). A draw from before the lists keeps its canonical text.
	 */
	List<DrawAlgorithm.Specialty> pool(UUID draw, Function<String, List<UUID>> lists) {
		return jdbc.sql("select pool_lists, pool from evaluation.draws where id = ?")
			.param(draw)
			.query((rs, n) -> {
				if (rs.getBytes(1) == null) {
					return DrawAlgorithm.parsePool(rs.getString(2));
				}
				return decode(rs.getBytes(1)).stream().map(p -> {
					List<UUID> list = lists.apply(p.list());
					List<UUID> eligible = new ArrayList<>(p.eligible().cardinality());
					p.eligible().stream().forEach(i -> eligible.add(list.get(i)));
					return new DrawAlgorithm.Specialty(p.code(), p.seats(), eligible);
				}).toList();
			})
			.single();
	}


	Optional<Stored> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from evaluation.draws where id = ?").param(id).query(Draws::stored)
			.optional();
	}

	List<Stored> all() {
		return jdbc.sql("select " + COLUMNS + " from evaluation.draws order by committed_at desc").query(Draws::stored)
			.list();
	}

	/** The revealed draws of a section by its trade code, in the order they were revealed. */
	List<Stored> revealedOf(String tradeCode) {
		return jdbc.sql("select " + COLUMNS + " from evaluation.draws where trade_code = ? and revealed_at is not null "
				+ "order by revealed_at").param(tradeCode).query(Draws::stored).list();
	}

	/** Whether the section round's evaluation attempt has a draw that is not exhausted. */
	boolean liveFor(UUID section, int round, int attempt) {
		return jdbc.sql("""
				select count(*) from evaluation.draws where section_id = ? and round = ? and attempt = ?
				  and status <> 'EXHAUSTED'""")
			.params(section, round, attempt)
			.query(Integer.class)
			.single() > 0;
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
			service_period_days, seed, seed_sha256, pool_sha256, status, requested_by, committed_at, drawn_at,
			completed_at, revealed_at, attempt""";

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
				RegionCode.of(rs.getString(4)), rs.getString(5), rs.getObject(6, UUID.class),
				rs.getTimestamp(7).toInstant(), strings(rs.getArray(8)), strings(rs.getArray(9)), rs.getInt(10),
				rs.getBytes(11), rs.getString(12), rs.getString(13), DrawStatus.valueOf(rs.getString(14)),
				rs.getString(15), rs.getTimestamp(16).toInstant(), instant(rs.getTimestamp(17)),
				instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)), rs.getInt(20));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
