package org.yiwang.registry;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.Refusal;

/** Qualifications and credit records of entities: insert-only, as the database grants. */
@Repository
class Records {

	private final JdbcClient jdbc;

	Records(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void addQualification(QualificationView q, Instant now) {
		try {
			jdbc.sql("""
					insert into registry.qualifications (id, entity_id, type, grade, number, issuer, valid_from, valid_until,
					  added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(q.id(), q.entity().value(), q.type(), q.grade(), q.number(), q.issuer(), Date.valueOf(q.validFrom()),
						Date.valueOf(q.validUntil()), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw Refusal.conflict("number", "registry.qualification.duplicate", q.number());
		}
	}

	List<QualificationView> qualifications(EntityId entity) {
		return jdbc.sql("select * from registry.qualifications where entity_id = ? order by valid_until")
			.param(entity.value()).query(this::qualification).list();
	}

	/** Qualifications of approved entities that expire on or before {@code until} and have not expired before {@code from}. */
	List<QualificationView> expiring(LocalDate from, LocalDate until) {
		return jdbc.sql("""
				select q.* from registry.qualifications q join registry.entities e on e.id = q.entity_id
				where e.status = 'APPROVED' and q.valid_until between ? and ? order by q.valid_until""")
			.params(Date.valueOf(from), Date.valueOf(until)).query(this::qualification).list();
	}

	void addCreditRecord(CreditRecordView r) {
		jdbc.sql("""
				insert into registry.credit_records (id, entity_id, kind, description, source, regions, categories,
				  starts_on, ends_on, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?)""")
			.params(r.id(), r.entity().value(), r.kind().name(), r.description(), r.source(),
					r.regions().stream().map(RegionCode::value).sorted().collect(Collectors.joining(",", "{", "}")),
					r.categories().stream().map(CategoryCode::value).sorted().collect(Collectors.joining(",", "{", "}")),
					Date.valueOf(r.startsOn()), r.endsOn() == null ? null : Date.valueOf(r.endsOn()), r.recordedBy(),
					Timestamp.from(r.recordedAt()))
			.update();
	}

	List<CreditRecordView> creditRecords(EntityId entity) {
		return jdbc.sql("select * from registry.credit_records where entity_id = ? order by starts_on desc, recorded_at desc")
			.param(entity.value()).query(this::creditRecord).list();
	}

	private QualificationView qualification(ResultSet rs, int row) throws SQLException {
		return new QualificationView(rs.getObject("id", UUID.class), new EntityId(rs.getObject("entity_id", UUID.class)),
				rs.getString("type"), rs.getString("grade"), rs.getString("number"), rs.getString("issuer"),
				rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate());
	}

	private CreditRecordView creditRecord(ResultSet rs, int row) throws SQLException {
		Date ends = rs.getDate("ends_on");
		return new CreditRecordView(rs.getObject("id", UUID.class), new EntityId(rs.getObject("entity_id", UUID.class)),
				CreditKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("source"),
				strings(rs.getArray("regions")).stream().map(RegionCode::of).collect(Collectors.toSet()),
				strings(rs.getArray("categories")).stream().map(CategoryCode::of).collect(Collectors.toSet()),
				rs.getDate("starts_on").toLocalDate(), ends == null ? null : ends.toLocalDate(), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

	private static Set<String> strings(Array array) throws SQLException {
		return Set.copyOf(Arrays.asList((String[]) array.getArray()));
	}
}
