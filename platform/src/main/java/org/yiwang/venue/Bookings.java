package org.yiwang.venue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;

/** Bookings, the evaluation rosters and the door log (region-scoped tables). */
@Repository
class Bookings {

	private static final String BOOKING = "select b.id, b.room_id, r.name, r.kind, b.site_id, s.name, b.region_code, "
			+ "b.purpose, b.reference, b.title, b.starts_at, b.ends_at, lower(b.occupied), upper(b.occupied), b.group_id, "
			+ "b.group_role, b.status = 'ACTIVE', b.booked_by from venue.bookings b join venue.rooms r on r.id = b.room_id "
			+ "join venue.sites s on s.id = b.site_id ";

	private final JdbcClient jdbc;

	Bookings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Inserts an active booking; the exclusion constraint refuses it when its occupied range overlaps another's. */
	void insert(UUID id, RoomView room, BookingPurpose purpose, String reference, String title, Instant starts,
			Instant ends, UUID group, String groupRole, String by, Instant now) {
		jdbc.sql("insert into venue.bookings (id, room_id, site_id, region_code, purpose, reference, title, starts_at, ends_at, "
				+ "occupied, group_id, group_role, status, booked_by, booked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "tstzrange(?, ?, '[)'), ?, ?, 'ACTIVE', ?, ?)")
			.params(id, room.id(), room.site(), room.region().value(), purpose.name(), reference, title, utc(starts),
					utc(ends), utc(starts.minusSeconds(60L * room.setupMinutes())),
					utc(ends.plusSeconds(60L * room.cleanupMinutes())), group, groupRole, by, Timestamp.from(now))
			.update();
	}

	/** An active booking of the room whose occupied range overlaps [from, until), if any. */
	Optional<BookingView> overlapping(UUID room, Instant from, Instant until) {
		return jdbc.sql(BOOKING + "where b.room_id = ? and b.status = 'ACTIVE' and b.occupied && tstzrange(?, ?, '[)') "
				+ "order by b.starts_at limit 1")
			.params(room, utc(from), utc(until)).query(Bookings::booking).optional();
	}

	Optional<BookingView> byId(UUID id) {
		return jdbc.sql(BOOKING + "where b.id = ?").param(id).query(Bookings::booking).optional();
	}

	List<BookingView> group(UUID group) {
		return jdbc.sql(BOOKING + "where b.group_id = ? order by b.group_role").param(group).query(Bookings::booking).list();
	}

	List<BookingView> active(String reference, BookingPurpose purpose) {
		return jdbc.sql(BOOKING + "where b.reference = ? and b.purpose = ? and b.status = 'ACTIVE' order by b.starts_at")
			.params(reference, purpose.name()).query(Bookings::booking).list();
	}

	List<BookingView> ofReference(String reference) {
		return jdbc.sql(BOOKING + "where b.reference = ? order by b.booked_at, b.group_role").param(reference)
			.query(Bookings::booking).list();
	}

	/** Active bookings of a site starting in [from, until). */
	List<BookingView> ofSite(UUID site, Instant from, Instant until) {
		return jdbc.sql(BOOKING + "where b.site_id = ? and b.status = 'ACTIVE' and b.starts_at < ? and b.ends_at > ? "
				+ "order by b.starts_at, r.name")
			.params(site, utc(until), utc(from)).query(Bookings::booking).list();
	}

	/** Active bookings overlapping [from, until), every site the scope sees. */
	List<BookingView> between(Instant from, Instant until) {
		return jdbc.sql(BOOKING + "where b.status = 'ACTIVE' and b.occupied && tstzrange(?, ?, '[)') order by b.starts_at")
			.params(utc(from), utc(until)).query(Bookings::booking).list();
	}

	void cancel(UUID id) {
		jdbc.sql("update venue.bookings set status = 'CANCELLED' where id = ? and status = 'ACTIVE'").param(id).update();
	}

	private static BookingView booking(ResultSet rs, int n) throws SQLException {
		return new BookingView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				RoomKind.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6),
				RegionCode.of(rs.getString(7)), BookingPurpose.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
				instant(rs, 11), instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getObject(15, UUID.class),
				rs.getString(16), rs.getBoolean(17), rs.getString(18));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	// ---- roster -------------------------------------------------------------------------------------------------

	record Seat(UUID group, String username, String name, UUID booking, RegionCode region, String certificateSha256,
			String codeSha256, Instant codeExpiresAt, Instant checkedInAt, Instant checkedOutAt) {
	}

	/** Seats the expert in the booking's room; an expert already on the roster moves to it, keeping the rest. */
	void seat(UUID group, String username, String name, BookingView booking, String certificateSha256) {
		jdbc.sql("insert into venue.roster (group_id, username, booking_id, region_code, name, certificate_sha256) "
				+ "values (?, ?, ?, ?, ?, ?) on conflict (group_id, username) do update set booking_id = excluded.booking_id, "
				+ "region_code = excluded.region_code, name = excluded.name, "
				+ "certificate_sha256 = coalesce(excluded.certificate_sha256, venue.roster.certificate_sha256)")
			.params(group, username, booking.id(), booking.region().value(), name, certificateSha256).update();
	}

	Optional<Seat> seatOf(UUID group, String username) {
		return jdbc.sql("select group_id, username, name, booking_id, region_code, certificate_sha256, code_sha256, "
				+ "code_expires_at, checked_in_at, checked_out_at from venue.roster where group_id = ? and username = ?")
			.params(group, username).query(Bookings::seat).optional();
	}

	private static Seat seat(ResultSet rs, int n) throws SQLException {
		return new Seat(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
				RegionCode.of(rs.getString(5)), rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9),
				instant(rs, 10));
	}

	List<RosterEntryView> roster(UUID group) {
		return jdbc.sql("select q.group_id, q.username, q.name, q.booking_id, r.name, s.name, q.certificate_sha256 is not null, "
				+ "q.code_sha256 is not null, q.checked_in_at, q.checked_out_at from venue.roster q "
				+ "join venue.bookings b on b.id = q.booking_id join venue.rooms r on r.id = b.room_id "
				+ "join venue.sites s on s.id = b.site_id where q.group_id = ? order by s.name, q.name")
			.param(group)
			.query((rs, n) -> new RosterEntryView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8),
					instant(rs, 9), instant(rs, 10)))
			.list();
	}

	void issueCode(UUID group, String username, String sha256, Instant expires) {
		jdbc.sql("update venue.roster set code_sha256 = ?, code_expires_at = ? where group_id = ? and username = ?")
			.params(sha256, utc(expires), group, username).update();
	}

	/** Admits the expert: the code is spent, the phone-free period starts. */
	void checkIn(UUID group, String username, Instant now) {
		jdbc.sql("update venue.roster set code_sha256 = null, code_expires_at = null, checked_in_at = ?, "
				+ "checked_out_at = null where group_id = ? and username = ?").params(utc(now), group, username).update();
	}

	void checkOut(UUID group, String username, Instant now) {
		jdbc.sql("update venue.roster set checked_out_at = ? where group_id = ? and username = ?")
			.params(utc(now), group, username).update();
	}

	void log(UUID booking, RegionCode region, String username, String action, String reason, String by, Instant now) {
		jdbc.sql("insert into venue.access_log (id, booking_id, region_code, username, action, reason, recorded_by, at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), booking, region.value(), username, action, reason, by, utc(now)).update();
	}

	List<AccessEntryView> log(UUID group) {
		return jdbc.sql("select l.id, l.booking_id, l.username, l.action, l.reason, l.recorded_by, l.at from venue.access_log l "
				+ "join venue.bookings b on b.id = l.booking_id where b.group_id = ? order by l.at, l.id")
			.param(group)
			.query((rs, n) -> new AccessEntryView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7)))
			.list();
	}
}
