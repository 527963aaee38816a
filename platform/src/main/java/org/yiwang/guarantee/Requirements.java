package org.yiwang.guarantee;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/** Bid security requirements; region-scoped in the database (row-level security). */
@Repository
class Requirements {

	private final JdbcClient jdbc;

	Requirements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(RequirementView r) {
		try {
			jdbc.sql("""
					insert into guarantee.requirements (id, trade_code, section_name, region_code, category_code,
					  beneficiary_id, beneficiary_name, beneficiary_credit_code, amount, bid_validity_end, created_by, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(r.id(), r.tradeCode().value(), r.sectionName(), r.region().value(), r.category().value(),
						r.beneficiary().value(), r.beneficiaryName(), r.beneficiaryCreditCode(), r.amount().yuan(),
						Date.valueOf(r.bidValidityEnd()), r.createdBy(), Timestamp.from(r.createdAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw Refusal.conflict("tradeCode", "guarantee.requirement.duplicate", r.tradeCode().value());
		}
	}

	Optional<RequirementView> byTradeCode(TradeCode code) {
		return jdbc.sql("select * from guarantee.requirements where trade_code = ?").param(code.value())
			.query(Requirements::view).optional();
	}

	/** The requirements whose beneficiary the entity is, newest first; read in the platform's scope. */
	/** Records when the trade's bidders were disclosed to its beneficiary; false when they already were. */
	boolean discloseBidders(TradeCode code, Instant at) {
		return jdbc.sql("update guarantee.requirements set bidders_disclosed_at = ? where trade_code = ? and bidders_disclosed_at is null")
			.param(java.sql.Timestamp.from(at)).param(code.value()).update() == 1;
	}

	boolean biddersDisclosed(TradeCode code) {
		return jdbc.sql("select bidders_disclosed_at is not null from guarantee.requirements where trade_code = ?")
			.param(code.value()).query(Boolean.class).optional().orElse(false);
	}

	List<RequirementView> ofBeneficiary(EntityId beneficiary) {
		return jdbc.sql("select * from guarantee.requirements where beneficiary_id = ? order by created_at desc limit 200")
			.param(beneficiary.value()).query(Requirements::view).list();
	}

	List<RequirementView> all() {
		return jdbc.sql("select * from guarantee.requirements order by created_at desc limit 500").query(Requirements::view)
			.list();
	}

	static RequirementView view(ResultSet rs, int row) throws SQLException {
		return new RequirementView(rs.getObject("id", UUID.class), TradeCode.of(rs.getString("trade_code")),
				rs.getString("section_name"), RegionCode.of(rs.getString("region_code")),
				CategoryCode.of(rs.getString("category_code")), new EntityId(rs.getObject("beneficiary_id", UUID.class)),
				rs.getString("beneficiary_name"), rs.getString("beneficiary_credit_code"), Money.of(rs.getBigDecimal("amount")),
				rs.getDate("bid_validity_end").toLocalDate(), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}
}
