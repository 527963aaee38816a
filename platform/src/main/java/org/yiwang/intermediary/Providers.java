package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** The service type catalogue, the intermediaries in the marketplace and their staff (city-wide tables, no RLS). */
@Repository
class Providers {

	private final JdbcClient jdbc;

	Providers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(UUID entity, String name, RegionCode region, List<String> serviceTypes, Instant joinedAt) {
	}

	List<ServiceTypeView> serviceTypes() {
		return jdbc.sql("select code, name_zh, name_en, qualification, tender_threshold from intermediary.service_types "
				+ "order by position")
			.query((rs, n) -> new ServiceTypeView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBigDecimal(5)))
			.list();
	}

	Optional<ServiceTypeView> serviceType(String code) {
		return serviceTypes().stream().filter(t -> t.code().equals(code)).findFirst();
	}

	void reviseThreshold(String code, BigDecimal threshold, String by, Instant at) {
		jdbc.sql("update intermediary.service_types set tender_threshold = ?, revised_by = ?, revised_at = ? where code = ?")
			.params(threshold, by, Timestamp.from(at), code)
			.update();
	}

	Optional<Stored> byId(UUID entity) {
		return jdbc.sql("select entity_id, name, registered_region, service_types, joined_at from intermediary.providers "
				+ "where entity_id = ?").param(entity).query(Providers::stored).optional();
	}

	List<Stored> all() {
		return jdbc.sql("select entity_id, name, registered_region, service_types, joined_at from intermediary.providers "
				+ "order by name").query(Providers::stored).list();
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		Array types = rs.getArray(4);
		return new Stored(rs.getObject(1, UUID.class), rs.getString(2), RegionCode.of(rs.getString(3)),
				Arrays.asList((String[]) types.getArray()), rs.getTimestamp(5).toInstant());
	}

	void save(UUID entity, String name, RegionCode region, Set<String> types, Instant now) {
		// codes are [A-Z0-9_] only, so the array literal needs no quoting
		String sorted = types.stream().sorted().collect(java.util.stream.Collectors.joining(",", "{", "}"));
		jdbc.sql("insert into intermediary.providers (entity_id, name, registered_region, service_types, joined_at, "
				+ "updated_at) values (?, ?, ?, ?::text[], ?, ?) on conflict (entity_id) do update set name = excluded.name, "
				+ "service_types = excluded.service_types, updated_at = excluded.updated_at")
			.params(entity, name, region.value(), sorted, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void addStaff(UUID id, UUID entity, String name, String masked, String sha256, String title, Instant now) {
		jdbc.sql("insert into intermediary.staff (id, entity_id, name, masked_id_number, id_number_sha256, title, added_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, entity, name, masked, sha256, title, Timestamp.from(now))
			.update();
	}

	boolean hasStaff(UUID entity, String sha256) {
		return jdbc.sql("select count(*) from intermediary.staff where entity_id = ? and id_number_sha256 = ?")
			.params(entity, sha256).query(Long.class).single() > 0;
	}

	List<StaffView> staff(UUID entity) {
		return jdbc.sql("select id, name, masked_id_number, title, added_at from intermediary.staff where entity_id = ? "
				+ "order by added_at")
			.param(entity)
			.query((rs, n) -> new StaffView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** The name of a person on both firms' staff lists (a related party), if any. */
	Optional<String> sharedStaff(UUID one, UUID other) {
		return jdbc.sql("select a.name from intermediary.staff a join intermediary.staff b "
				+ "on a.id_number_sha256 = b.id_number_sha256 where a.entity_id = ? and b.entity_id = ? limit 1")
			.params(one, other).query(String.class).optional();
	}
}
