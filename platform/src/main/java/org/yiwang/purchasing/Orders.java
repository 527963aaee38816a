package org.yiwang.purchasing;

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
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/** Hospitals' orders; region-scoped in the database by the hospital's region (row-level security). */
@Repository
class Orders {

	private static final String ORDER = """
			select id, region_code, product_id, product_name, category_code, hospital_id, hospital_name, distributor_id,
			  distributor_name, listing_price, unit_price, quantity, amount, status, placed_at, delivery_note, delivered_at,
			  received_at, settlement_reference, settled_at, version from purchasing.orders""";

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(OrderView o, String by) {
		jdbc.sql("""
				insert into purchasing.orders (id, region_code, product_id, product_name, category_code, hospital_id,
				  hospital_name, distributor_id, distributor_name, listing_price, unit_price, quantity, amount, status,
				  placed_by, placed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLACED', ?, ?)""")
			.params(o.id(), o.region().value(), o.product(), o.productName(), o.category().value(), o.hospital().value(),
					o.hospitalName(), o.distributor().value(), o.distributorName(), o.listingPrice().yuan(),
					o.unitPrice().yuan(), o.quantity(), o.amount().yuan(), by, Timestamp.from(o.placedAt()))
			.update();
	}

	Optional<OrderView> byId(UUID id) {
		return jdbc.sql(ORDER + " where id = ?").param(id).query(Orders::order).optional();
	}

	List<OrderView> ofHospital(EntityId hospital) {
		return jdbc.sql(ORDER + " where hospital_id = ? order by placed_at desc limit 300").param(hospital.value())
			.query(Orders::order).list();
	}

	List<OrderView> ofDistributor(EntityId distributor) {
		return jdbc.sql(ORDER + " where distributor_id = ? order by placed_at desc limit 300").param(distributor.value())
			.query(Orders::order).list();
	}

	/** The orders the transaction's scope shows, newest first. */
	List<OrderView> all(int limit) {
		return jdbc.sql(ORDER + " order by placed_at desc limit ?").param(limit).query(Orders::order).list();
	}

	/** The orders of a product the transaction's scope shows, oldest first. */
	List<OrderView> ofProduct(UUID product) {
		return jdbc.sql(ORDER + " where product_id = ? order by placed_at limit 5000").param(product)
			.query(Orders::order).list();
	}

	record Paid(String hospitalName, Money unitPrice) {
	}

	/** The lowest unit price another hospital paid for the product since {@code since} (any region). */
	Optional<Paid> lowestElsewhere(UUID product, EntityId hospital, Instant since) {
		return jdbc.sql("""
				select hospital_name, unit_price from purchasing.orders
				where product_id = ? and hospital_id <> ? and placed_at >= ? order by unit_price, placed_at limit 1""")
			.params(product, hospital.value(), Timestamp.from(since))
			.query((rs, n) -> new Paid(rs.getString(1), Money.of(rs.getBigDecimal(2)))).optional();
	}

	boolean delivered(UUID id, long version, String note, String by, Instant at) {
		return jdbc.sql("""
				update purchasing.orders set status = 'DELIVERED', delivery_note = ?, delivered_by = ?, delivered_at = ?,
				  version = version + 1 where id = ? and version = ? and status = 'PLACED'""")
			.params(note, by, Timestamp.from(at), id, version).update() == 1;
	}

	boolean received(UUID id, long version, String by, Instant at) {
		return jdbc.sql("""
				update purchasing.orders set status = 'RECEIVED', received_by = ?, received_at = ?, version = version + 1
				where id = ? and version = ? and status = 'DELIVERED'""")
			.params(by, Timestamp.from(at), id, version).update() == 1;
	}

	boolean settled(UUID id, long version, BigDecimal amount, String reference, String by, Instant at) {
		return jdbc.sql("""
				update purchasing.orders set status = 'SETTLED', settled_amount = ?, settlement_reference = ?,
				  settled_by = ?, settled_at = ?, version = version + 1 where id = ? and version = ? and status = 'RECEIVED'""")
			.params(amount, reference, by, Timestamp.from(at), id, version).update() == 1;
	}

	private static OrderView order(ResultSet rs, int n) throws SQLException {
		return new OrderView(rs.getObject(1, UUID.class), RegionCode.of(rs.getString(2)), rs.getObject(3, UUID.class),
				rs.getString(4), CategoryCode.of(rs.getString(5)), new EntityId(rs.getObject(6, UUID.class)),
				rs.getString(7), new EntityId(rs.getObject(8, UUID.class)), rs.getString(9),
				Money.of(rs.getBigDecimal(10)), Money.of(rs.getBigDecimal(11)), rs.getLong(12),
				Money.of(rs.getBigDecimal(13)), OrderStatus.valueOf(rs.getString(14)), instant(rs, 15), rs.getString(16),
				instant(rs, 17), instant(rs, 18), rs.getString(19), instant(rs, 20), rs.getLong(21));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
