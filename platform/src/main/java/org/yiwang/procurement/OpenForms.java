package org.yiwang.procurement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/** Which frameworks are open (开放式), their republications, and their members joining and leaving. */
@Repository
class OpenForms {

	private final JdbcClient jdbc;

	OpenForms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void mark(UUID framework, RegionCode region) {
		jdbc.sql("insert into procurement.open_frameworks (framework_id, region_code) values (?, ?)")
			.params(framework, region.value()).update();
	}

	boolean isOpen(UUID framework) {
		return jdbc.sql("select count(*) from procurement.open_frameworks where framework_id = ?").param(framework)
			.query(Integer.class).single() > 0;
	}

	int republished(UUID framework, Instant at) {
		return jdbc.sql("""
				update procurement.open_frameworks set republications = republications + 1, republished_at = ?
				where framework_id = ? returning republications""")
			.params(Timestamp.from(at), framework).query(Integer.class).single();
	}

	/** A supplier joins (or joins again) at the fixed price; {@code sealed} is that price as the column keeps prices. */
	void join(UUID framework, RegionCode region, EntityId supplier, String name, String creditCode, String text,
			byte[] sealed, BigDecimal price, int rank, Instant at, String by) {
		jdbc.sql("""
				insert into procurement.framework_suppliers (framework_id, supplier_id, region_code, supplier_name,
				  credit_code, response_text, price_sealed, responded_at, responded_by, unit_price, rank, entered, joined_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)
				on conflict (framework_id, supplier_id) do update set response_text = excluded.response_text,
				  price_sealed = excluded.price_sealed, responded_at = excluded.responded_at,
				  responded_by = excluded.responded_by, unit_price = excluded.unit_price, rank = excluded.rank,
				  entered = true, joined_at = excluded.joined_at, exited_at = null, exit_reason = null""")
			.params(framework, supplier.value(), region.value(), name, creditCode, text, sealed, Timestamp.from(at), by,
					price, rank, Timestamp.from(at))
			.update();
	}

	void exit(UUID framework, EntityId supplier, String reason, Instant at) {
		jdbc.sql("""
				update procurement.framework_suppliers set entered = false, exited_at = ?, exit_reason = ?
				where framework_id = ? and supplier_id = ?""")
			.params(Timestamp.from(at), reason, framework, supplier.value()).update();
	}

	/** Counts a change of the member list: its revision number (1 for the first change). */
	int memberListChanged(UUID framework) {
		return jdbc.sql("""
				update procurement.open_frameworks set member_lists = member_lists + 1 where framework_id = ?
				returning member_lists""").param(framework).query(Integer.class).single();
	}

	int nextRank(UUID framework) {
		return jdbc.sql("select coalesce(max(rank), 0) + 1 from procurement.framework_suppliers where framework_id = ?")
			.param(framework).query(Integer.class).single();
	}
}
