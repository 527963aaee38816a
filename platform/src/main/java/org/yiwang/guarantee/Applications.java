package org.yiwang.guarantee;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** Applications for e-guarantees; region-scoped in the database by the requirement's region. */
@Repository
class Applications {

	private static final String SELECT = """
			select a.*, i.name as issuer_name from guarantee.applications a
			join guarantee.issuers i on i.entity_id = a.issuer_id""";

	private final JdbcClient jdbc;

	Applications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ApplicationView a, RequirementView r, String appliedBy) {
		jdbc.sql("""
				insert into guarantee.applications (id, requirement_id, trade_code, section_name, region_code, beneficiary_id,
				  beneficiary_name, beneficiary_credit_code, bid_validity_end, amount, applicant_id, applicant_name,
				  applicant_credit_code, issuer_id, status, applied_by, applied_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), r.id(), a.tradeCode().value(), a.sectionName(), r.region().value(), a.beneficiary().value(),
					a.beneficiaryName(), a.beneficiaryCreditCode(), Date.valueOf(a.bidValidityEnd()), a.amount().yuan(),
					a.applicant().value(), a.applicantName(), a.applicantCreditCode(), a.issuer().value(), a.status().name(),
					appliedBy, Timestamp.from(a.appliedAt()))
			.update();
	}

	Optional<ApplicationView> byId(UUID id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Applications::view).optional();
	}

	Optional<ApplicationView> open(UUID requirement, EntityId applicant, EntityId issuer) {
		return jdbc.sql(SELECT + " where a.requirement_id = ? and a.applicant_id = ? and a.issuer_id = ?")
			.params(requirement, applicant.value(), issuer.value()).query(Applications::view).optional();
	}

	/** The region of the application's requirement, for the audit log. */
	RegionCode region(UUID id) {
		return RegionCode.of(jdbc.sql("select region_code from guarantee.applications where id = ?").param(id)
			.query(String.class).single());
	}

	List<ApplicationView> ofApplicant(EntityId applicant) {
		return jdbc.sql(SELECT + " where a.applicant_id = ? order by a.applied_at desc").param(applicant.value())
			.query(Applications::view).list();
	}

	List<ApplicationView> pendingFor(EntityId issuer) {
		return jdbc.sql(SELECT + " where a.issuer_id = ? and a.status = 'PENDING' order by a.applied_at")
			.param(issuer.value()).query(Applications::view).list();
	}

	/** Marks a pending application issued; false when it was not pending any more (a concurrent letter won). */
	boolean markIssued(UUID id) {
		return jdbc.sql("update guarantee.applications set status = 'ISSUED' where id = ? and status = 'PENDING'").param(id)
			.update() == 1;
	}

	private static ApplicationView view(ResultSet rs, int row) throws SQLException {
		return new ApplicationView(rs.getObject("id", UUID.class), TradeCode.of(rs.getString("trade_code")),
				rs.getString("section_name"), new EntityId(rs.getObject("beneficiary_id", UUID.class)),
				rs.getString("beneficiary_name"), rs.getString("beneficiary_credit_code"),
				new EntityId(rs.getObject("applicant_id", UUID.class)), rs.getString("applicant_name"),
				rs.getString("applicant_credit_code"), new EntityId(rs.getObject("issuer_id", UUID.class)),
				rs.getString("issuer_name"), Money.of(rs.getBigDecimal("amount")),
				rs.getDate("bid_validity_end").toLocalDate(), ApplicationStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("applied_at").toInstant());
	}
}
