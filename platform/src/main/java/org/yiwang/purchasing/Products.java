package org.yiwang.purchasing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/** The catalogue's products, their declared listing prices and the other provinces' reference prices (city-wide). */
@Repository
class Products {

	private static final String PRODUCT = """
			select p.id, p.category_code, p.name, p.registration_number, p.specification, p.insurance_code,
			  p.manufacturer_id, p.manufacturer_name, p.added_at, p.approved_price, p.approved_at from purchasing.products p""";

	private static final String PRICE = """
			select lp.id, lp.price, lp.evidence_name, lp.evidence_sha256, lp.evidence_size, lp.flag, lp.reference_price,
			  lp.reference_province, lp.status, lp.declared_by, lp.declared_at, lp.decided_by, lp.decided_at, lp.reason,
			  lp.version, p.id, p.category_code, p.name, p.registration_number, p.specification, p.insurance_code,
			  p.manufacturer_id, p.manufacturer_name, p.added_at, p.approved_price, p.approved_at
			from purchasing.listing_prices lp join purchasing.products p on p.id = lp.product_id""";

	private final JdbcClient jdbc;

	Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ProductView p, String addedBy) {
		try {
			jdbc.sql("""
					insert into purchasing.products (id, category_code, name, registration_number, specification,
					  insurance_code, manufacturer_id, manufacturer_name, added_by, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(p.id(), p.category().value(), p.name(), p.registrationNumber(), p.specification(),
						p.insuranceCode(), p.manufacturer().value(), p.manufacturerName(), addedBy, Timestamp.from(p.addedAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw Refusal.conflict("specification", "purchasing.product.exists");
		}
	}

	Optional<ProductView> byId(UUID id) {
		return jdbc.sql(PRODUCT + " where p.id = ?").param(id).query(Products::product).optional();
	}

	List<ProductView> ofManufacturer(EntityId manufacturer) {
		return jdbc.sql(PRODUCT + " where p.manufacturer_id = ? order by p.category_code, p.name, p.specification")
			.param(manufacturer.value()).query(Products::product).list();
	}

	List<ProductView> listed(CategoryCode category, int limit) {
		return jdbc.sql(PRODUCT + " where p.approved_price is not null and (?::text is null or p.category_code = ?)"
				+ " order by p.category_code, p.name, p.specification limit ?")
			.params(category == null ? null : category.value(), category == null ? null : category.value(), limit)
			.query(Products::product).list();
	}

	List<ProductView> all(int limit) {
		return jdbc.sql(PRODUCT + " order by p.category_code, p.name, p.specification limit ?").param(limit)
			.query(Products::product).list();
	}

	void declare(UUID id, UUID product, Money price, String evidenceName, EvidenceFiles.Stored evidence, PriceFlag flag,
			Money reference, String province, String by, Instant at) {
		jdbc.sql("""
				insert into purchasing.listing_prices (id, product_id, price, evidence_name, evidence_sha256, evidence_sm3,
				  evidence_size, flag, reference_price, reference_province, status, declared_by, declared_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DECLARED', ?, ?)""")
			.params(id, product, price.yuan(), evidenceName, evidence.sha256(), evidence.sm3(), evidence.size(),
					flag.name(), reference == null ? null : reference.yuan(), province, by, Timestamp.from(at))
			.update();
	}

	Optional<ListingPriceView> price(UUID id) {
		return jdbc.sql(PRICE + " where lp.id = ?").param(id).query(Products::price).optional();
	}

	List<ListingPriceView> prices(PriceStatus status, int limit) {
		return jdbc.sql(PRICE + " where lp.status = ? order by lp.declared_at limit ?").params(status.name(), limit)
			.query(Products::price).list();
	}

	List<ListingPriceView> pricesOf(EntityId manufacturer) {
		return jdbc.sql(PRICE + " where p.manufacturer_id = ? order by lp.declared_at desc limit 200")
			.param(manufacturer.value()).query(Products::price).list();
	}

	boolean hasPending(UUID product) {
		return jdbc.sql("select count(*) from purchasing.listing_prices where product_id = ? and status = 'DECLARED'")
			.param(product).query(Long.class).single() > 0;
	}

	/** Decides a declaration seen at {@code version}; false when someone decided it meanwhile. */
	boolean decide(UUID id, long version, PriceStatus status, String by, Instant at, String reason) {
		return jdbc.sql("""
				update purchasing.listing_prices set status = ?, decided_by = ?, decided_at = ?, reason = ?,
				  version = version + 1 where id = ? and version = ? and status = 'DECLARED'""")
			.params(status.name(), by, Timestamp.from(at), reason, id, version).update() == 1;
	}

	/** The approved price goes on the catalogue; the one it replaces is superseded. */
	void list(UUID product, UUID approved, Money price, Instant at) {
		jdbc.sql("update purchasing.listing_prices set status = 'SUPERSEDED' where product_id = ? and status = 'APPROVED' and id <> ?")
			.params(product, approved).update();
		jdbc.sql("update purchasing.products set approved_price = ?, approved_at = ? where id = ?")
			.params(price.yuan(), Timestamp.from(at), product).update();
	}

	/** The approved listing prices of a product over time, oldest first (superseded ones included). */
	List<ListingPriceView> approvedHistory(UUID product) {
		return jdbc.sql(PRICE + " where lp.product_id = ? and lp.status in ('APPROVED', 'SUPERSEDED') order by lp.decided_at")
			.param(product).query(Products::price).list();
	}

	record Reference(String province, Money price, LocalDate effectiveOn) {
	}

	/** The lowest reference price of the registration number and specification outside the home province. */
	Optional<Reference> lowestReference(String registrationNumber, String specification, String homeProvince) {
		return jdbc.sql("""
				select province, price, effective_on from purchasing.reference_prices
				where registration_number = ? and specification = ? and province <> ?
				order by price, effective_on desc limit 1""")
			.params(registrationNumber, specification, homeProvince)
			.query((rs, n) -> new Reference(rs.getString(1), Money.of(rs.getBigDecimal(2)), rs.getObject(3, LocalDate.class)))
			.optional();
	}

	void addReference(UUID batch, String registrationNumber, String specification, String province, BigDecimal price,
			LocalDate effectiveOn, String by, Instant at) {
		jdbc.sql("""
				insert into purchasing.reference_prices (batch_id, registration_number, specification, province, price,
				  effective_on, imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(batch, registrationNumber, specification, province, price, effectiveOn, by, Timestamp.from(at))
			.update();
	}

	long referenceCount() {
		return jdbc.sql("select count(*) from purchasing.reference_prices").query(Long.class).single();
	}

	private static ProductView product(ResultSet rs, int n) throws SQLException {
		return productAt(rs, 1);
	}

	private static ProductView productAt(ResultSet rs, int i) throws SQLException {
		BigDecimal approved = rs.getBigDecimal(i + 9);
		Timestamp approvedAt = rs.getTimestamp(i + 10);
		return new ProductView(rs.getObject(i, UUID.class), CategoryCode.of(rs.getString(i + 1)), rs.getString(i + 2),
				rs.getString(i + 3), rs.getString(i + 4), rs.getString(i + 5), new EntityId(rs.getObject(i + 6, UUID.class)),
				rs.getString(i + 7), rs.getTimestamp(i + 8).toInstant(), approved == null ? null : Money.of(approved),
				approvedAt == null ? null : approvedAt.toInstant());
	}

	private static ListingPriceView price(ResultSet rs, int n) throws SQLException {
		BigDecimal reference = rs.getBigDecimal(7);
		Timestamp decidedAt = rs.getTimestamp(13);
		return new ListingPriceView(rs.getObject(1, UUID.class), productAt(rs, 16), Money.of(rs.getBigDecimal(2)),
				rs.getString(3), rs.getString(4), rs.getLong(5), PriceFlag.valueOf(rs.getString(6)),
				reference == null ? null : Money.of(reference), rs.getString(8), PriceStatus.valueOf(rs.getString(9)),
				rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12),
				decidedAt == null ? null : decidedAt.toInstant(), rs.getString(14), rs.getLong(15));
	}
}
