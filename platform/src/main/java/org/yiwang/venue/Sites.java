package org.yiwang.venue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** Sites, their rooms and closures (region-scoped: each query sees what the transaction's scope covers). */
@Repository
class Sites {

	private static final String ROOM = "select r.id, r.site_id, s.name, r.region_code, r.name, r.kind, r.seats, r.equipment, "
			+ "r.setup_minutes, r.cleanup_minutes from venue.rooms r join venue.sites s on s.id = r.site_id ";

	private final JdbcClient jdbc;

	Sites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(SiteView site, String by, Instant now) {
		jdbc.sql("insert into venue.sites (id, region_code, name, address, opens_at, closes_at, created_by, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(site.id(), site.region().value(), site.name(), site.address(), site.opensAt(), site.closesAt(), by,
					Timestamp.from(now))
			.update();
	}

	boolean nameTaken(RegionCode region, String name) {
		return jdbc.sql("select count(*) from venue.sites where region_code = ? and name = ?")
			.params(region.value(), name).query(Long.class).single() > 0;
	}

	List<SiteView> all() {
		return jdbc.sql("select id, region_code, name, address, opens_at, closes_at from venue.sites order by region_code, name")
			.query(Sites::site).list();
	}

	Optional<SiteView> byId(UUID id) {
		return jdbc.sql("select id, region_code, name, address, opens_at, closes_at from venue.sites where id = ?")
			.param(id).query(Sites::site).optional();
	}

	private static SiteView site(ResultSet rs, int n) throws SQLException {
		return new SiteView(rs.getObject(1, UUID.class), RegionCode.of(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalTime.class), rs.getObject(6, LocalTime.class));
	}

	void addRoom(RoomView room, Instant now) {
		jdbc.sql("insert into venue.rooms (id, site_id, region_code, name, kind, seats, equipment, setup_minutes, "
				+ "cleanup_minutes, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(room.id(), room.site(), room.region().value(), room.name(), room.kind().name(), room.seats(),
					room.equipment().toArray(String[]::new), room.setupMinutes(), room.cleanupMinutes(), Timestamp.from(now))
			.update();
	}

	boolean roomNameTaken(UUID site, String name) {
		return jdbc.sql("select count(*) from venue.rooms where site_id = ? and name = ?").params(site, name)
			.query(Long.class).single() > 0;
	}

	List<RoomView> rooms(UUID site) {
		return jdbc.sql(ROOM + "where r.site_id = ? order by r.kind, r.name").param(site).query(Sites::room).list();
	}

	List<RoomView> allRooms() {
		return jdbc.sql(ROOM + "order by s.region_code, s.name, r.name").query(Sites::room).list();
	}

	/** The rooms of a kind in a region, in a stable order (site name, room name): the first free one is taken. */
	List<RoomView> rooms(RegionCode region, RoomKind kind) {
		return jdbc.sql(ROOM + "where r.region_code = ? and r.kind = ? order by s.name, r.name")
			.params(region.value(), kind.name()).query(Sites::room).list();
	}

	Optional<RoomView> room(UUID id) {
		return jdbc.sql(ROOM + "where r.id = ?").param(id).query(Sites::room).optional();
	}

	private static RoomView room(ResultSet rs, int n) throws SQLException {
		Array equipment = rs.getArray(8);
		return new RoomView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				RegionCode.of(rs.getString(4)), rs.getString(5), RoomKind.valueOf(rs.getString(6)), rs.getInt(7),
				Arrays.asList((String[]) equipment.getArray()), rs.getInt(9), rs.getInt(10));
	}

	boolean close(UUID site, RegionCode region, LocalDate day, String reason, String by) {
		return jdbc.sql("insert into venue.closures (site_id, region_code, day, reason, closed_by) values (?, ?, ?, ?, ?) "
				+ "on conflict do nothing")
			.params(site, region.value(), day, reason, by).update() > 0;
	}

	List<ClosureView> closures(UUID site) {
		return jdbc.sql("select day, reason from venue.closures where site_id = ? order by day").param(site)
			.query((rs, n) -> new ClosureView(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
	}

	boolean closed(UUID site, LocalDate day) {
		return jdbc.sql("select count(*) from venue.closures where site_id = ? and day = ?").params(site, day)
			.query(Long.class).single() > 0;
	}
}
