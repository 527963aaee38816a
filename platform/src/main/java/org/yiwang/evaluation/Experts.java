package org.yiwang.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** The expert pool's tables. */
@Repository
class Experts {

	private static final String COLUMNS = """
			e.id, e.username, e.name, e.id_number, e.phone, e.home_region, e.employer_id, e.employer_name,
			e.employer_credit_code, e.certificate_fingerprint, e.certificate_subject, e.certificate_not_after,
			e.created_at, e.version,
			array(select s.specialty from evaluation.expert_specialty_holdings s where s.expert_id = e.id order by 1)
			""";

	private final JdbcClient jdbc;

	Experts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ExpertSpecialty> specialties() {
		return jdbc.sql("select code, name_zh, name_en from evaluation.expert_specialties order by code")
			.query((rs, n) -> new ExpertSpecialty(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	boolean specialtyExists(String code) {
		return jdbc.sql("select count(*) from evaluation.expert_specialties where code = ?").param(code)
			.query(Integer.class).single() > 0;
	}

	List<ExpertView> all() {
		return jdbc.sql("select " + COLUMNS + " from evaluation.experts e order by e.name, e.id")
			.query((rs, n) -> view(rs, List.of(), List.of()))
			.list();
	}

	Optional<ExpertView> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from evaluation.experts e where e.id = ?").param(id)
			.query((rs, n) -> view(rs, unavailability(id), credit(id)))
			.optional();
	}

	Optional<ExpertView> byUsername(String username) {
		return jdbc.sql("select id from evaluation.experts where username = ?").param(username).query(UUID.class)
			.optional()
			.flatMap(this::byId);
	}

	boolean idNumberTaken(String idNumber, UUID except) {
		return jdbc.sql("select count(*) from evaluation.experts where id_number = ? and id <> ?")
			.params(idNumber, except)
			.query(Integer.class)
			.single() > 0;
	}

	Optional<byte[]> certificate(UUID id) {
		return jdbc.sql("select certificate from evaluation.experts where id = ? and certificate is not null").param(id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	void add(UUID id, UUID account, NewExpert e, UUID employerId, String actor, Instant now) {
		jdbc.sql("""
				insert into evaluation.experts (id, account_id, username, name, id_number, phone, home_region, employer_id,
				  employer_name, employer_credit_code, created_by, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, account, e.username(), e.name().strip(), e.idNumber(), e.phone(), e.homeRegion(), employerId,
					e.employerName().strip(), e.employerCreditCode(), actor, Timestamp.from(now), Timestamp.from(now))
			.update();
		setSpecialties(id, e.specialties());
	}

	/** Optimistic: false when someone changed the expert meanwhile. */
	boolean update(UUID id, long version, NewExpert e, UUID employerId, Instant now) {
		int rows = jdbc.sql("""
				update evaluation.experts set name = ?, id_number = ?, phone = ?, home_region = ?, employer_id = ?,
				  employer_name = ?, employer_credit_code = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(e.name().strip(), e.idNumber(), e.phone(), e.homeRegion(), employerId, e.employerName().strip(),
					e.employerCreditCode(), Timestamp.from(now), id, version)
			.update();
		if (rows == 1) {
			setSpecialties(id, e.specialties());
		}
		return rows == 1;
	}

	private void setSpecialties(UUID id, Set<String> specialties) {
		jdbc.sql("delete from evaluation.expert_specialty_holdings where expert_id = ?").param(id).update();
		specialties.stream().sorted().forEach(s -> jdbc.sql(
				"insert into evaluation.expert_specialty_holdings (expert_id, specialty) values (?, ?)")
			.params(id, s)
			.update());
	}

	void bindCertificate(UUID id, byte[] der, String fingerprint, String subject, Instant notAfter, Instant now) {
		jdbc.sql("""
				update evaluation.experts set certificate = ?, certificate_fingerprint = ?, certificate_subject = ?,
				  certificate_not_after = ?, updated_at = ?, version = version + 1 where id = ?""")
			.params(der, fingerprint, subject, Timestamp.from(notAfter), Timestamp.from(now), id)
			.update();
	}

	/**
	 * The trade codes of the evaluations in which the expert holds a seat bound to a certificate other than the given
	 * one and which are still running: not yet reported, or, where no bids were opened for the round, not yet a day
	 * past the time the evaluation was set for. Read across all regions (the caller sets the platform's scope).
	 */
	List<String> runningSeatsBoundElsewhere(UUID expert, String fingerprint, Instant now) {
		return jdbc.sql("""
				select distinct coalesce(c.trade_code, d.trade_code) as trade_code from evaluation.committee_seats s
				  left join evaluation.cases c on c.section_id = s.section_id and c.round = s.round
				    and c.attempt = s.attempt
				  left join evaluation.draws d on d.id = s.draw_id
				where s.expert_id = ? and s.certificate_fingerprint <> ?
				  and (c.status <> 'REPORTED' or (c.id is null and d.evaluation_at > ?))
				order by trade_code""")
			.params(expert, fingerprint.toLowerCase(), Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
			.query(String.class)
			.list();
	}

	Optional<UUID> boundTo(String fingerprint) {
		return jdbc.sql("select id from evaluation.experts where certificate_fingerprint = ?").param(fingerprint)
			.query(UUID.class)
			.optional();
	}

	void addUnavailability(UUID expert, LocalDate from, LocalDate until, String reason, String actor, Instant now) {
		jdbc.sql("""
				insert into evaluation.expert_unavailability (id, expert_id, from_day, until_day, reason, recorded_by,
				  recorded_at) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), expert, from, until, reason, actor, Timestamp.from(now))
			.update();
	}

	void addCredit(UUID expert, ExpertCreditKind kind, Integer rating, String note, LocalDate from, LocalDate until,
			String actor, Instant now) {
		jdbc.sql("""
				insert into evaluation.expert_credit (id, expert_id, kind, rating, note, from_day, until_day, recorded_by,
				  recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), expert, kind.name(), rating, note, from, until, actor, Timestamp.from(now))
			.update();
	}

	private List<ExpertView.Unavailability> unavailability(UUID id) {
		return jdbc.sql("""
				select id, from_day, until_day, reason from evaluation.expert_unavailability
				where expert_id = ? order by from_day""")
			.param(id)
			.query((rs, n) -> new ExpertView.Unavailability(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getString(4)))
			.list();
	}

	private List<ExpertView.CreditRecord> credit(UUID id) {
		return jdbc.sql("""
				select id, kind, rating, note, from_day, until_day, recorded_by, recorded_at from evaluation.expert_credit
				where expert_id = ? order by recorded_at""")
			.param(id)
			.query((rs, n) -> new ExpertView.CreditRecord(rs.getObject(1, UUID.class),
					ExpertCreditKind.valueOf(rs.getString(2)), (Integer) rs.getObject(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	private static ExpertView view(ResultSet rs, List<ExpertView.Unavailability> unavailability,
			List<ExpertView.CreditRecord> credit) throws SQLException {
		String idNumber = rs.getString(4);
		Timestamp notAfter = rs.getTimestamp(12);
		List<String> specialties = new ArrayList<>(Arrays.asList((String[]) rs.getArray(15).getArray()));
		return new ExpertView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				idNumber.substring(0, 6) + "********" + idNumber.substring(14), rs.getString(5),
				RegionCode.of(rs.getString(6)), rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9),
				List.copyOf(specialties), rs.getString(10), rs.getString(11), notAfter == null ? null : notAfter.toInstant(),
				unavailability, credit, rs.getTimestamp(13).toInstant(), rs.getLong(14));
	}
}
