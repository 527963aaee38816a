package org.yiwang.procurement;

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
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/**
 * The offers suppliers sealed themselves ({@code procurement.sealed_offers}): one per subject (a case, a framework or a
 * re-competition order), supplier and stage, replaceable; and each sealed stage's opening key
 * ({@code procurement.sealing_keys}).
 */
@Repository
class OfferRows {

	/** A stored envelope and, once opened, its amount or the reason it was refused (a message key). */
	record Row(UUID subject, EntityId supplier, String supplierName, String stage, byte[] envelope, String sha256,
			String sm3, long size, String signer, Instant receivedAt, byte[] receipt, Instant openedAt, BigDecimal amount,
			String refusal) {

		boolean pending() {
			return openedAt == null;
		}
	}

	private final JdbcClient jdbc;

	OfferRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores (or replaces, before the deadline) a supplier's envelope for a stage; the receipt comes after. */
	void put(UUID subject, EntityId supplier, String supplierName, String stage, RegionCode region, byte[] envelope,
			String sha256, String sm3, String signer, Instant at, String by) {
		jdbc.sql("""
				insert into procurement.sealed_offers (subject_id, supplier_id, supplier_name, stage, region_code, envelope,
				  sha256, sm3, size, signer_fingerprint, received_at, received_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (subject_id, supplier_id, stage) do update set envelope = excluded.envelope,
				  sha256 = excluded.sha256, sm3 = excluded.sm3, size = excluded.size,
				  signer_fingerprint = excluded.signer_fingerprint, received_at = excluded.received_at,
				  received_by = excluded.received_by, receipt = null""")
			.params(subject, supplier.value(), supplierName, stage, region.value(), envelope, sha256, sm3,
					(long) envelope.length,
					signer, Timestamp.from(at), by)
			.update();
	}

	/** Records the receipt, if the stored envelope is still the one it was issued for. */
	void receipted(UUID subject, EntityId supplier, String stage, String sha256, byte[] receipt) {
		jdbc.sql("""
				update procurement.sealed_offers set receipt = ?
				where subject_id = ? and supplier_id = ? and stage = ? and sha256 = ?""")
			.params(receipt, subject, supplier.value(), stage, sha256).update();
	}

	List<Row> of(UUID subject, String stage) {
		return jdbc.sql("""
				select subject_id, supplier_id, supplier_name, stage, envelope, sha256, sm3, size, signer_fingerprint,
				  received_at, receipt, opened_at, amount, refusal
				from procurement.sealed_offers
				where subject_id = ? and stage = ? order by supplier_name, supplier_id""")
			.params(subject, stage).query(OfferRows::map).list();
	}

	void opened(UUID subject, EntityId supplier, String stage, BigDecimal amount, String refusal, Instant at) {
		jdbc.sql("""
				update procurement.sealed_offers set opened_at = ?, amount = ?, refusal = ?
				where subject_id = ? and supplier_id = ? and stage = ? and opened_at is null""")
			.params(Timestamp.from(at), amount, refusal, subject, supplier.value(), stage).update();
	}

	/** The opening key of a subject's sealed stage; empty for a stage sealed the old way (or not sealed yet). */
	Optional<UUID> key(UUID subject, String stage) {
		return jdbc.sql("select opening_key from procurement.sealing_keys where subject_id = ? and stage = ?")
			.params(subject, stage).query(UUID.class).optional();
	}

	void key(UUID subject, String stage, RegionCode region, UUID openingKey, Instant at) {
		jdbc.sql("""
				insert into procurement.sealing_keys (subject_id, stage, region_code, opening_key, created_at)
				values (?, ?, ?, ?, ?)""").params(subject, stage, region.value(), openingKey, Timestamp.from(at)).update();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		Timestamp opened = rs.getTimestamp("opened_at");
		return new Row(rs.getObject("subject_id", UUID.class), new EntityId(rs.getObject("supplier_id", UUID.class)),
				rs.getString("supplier_name"), rs.getString("stage"), rs.getBytes("envelope"), rs.getString("sha256"),
				rs.getString("sm3"), rs.getLong("size"), rs.getString("signer_fingerprint"),
				rs.getTimestamp("received_at").toInstant(), rs.getBytes("receipt"),
				opened == null ? null : opened.toInstant(), rs.getBigDecimal("amount"), rs.getString("refusal"));
	}
}
