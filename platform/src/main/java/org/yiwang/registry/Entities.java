package org.yiwang.registry;

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
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.Refusal;

/** Market entities and their member accounts. */
@Repository
class Entities {

	private static final String COLUMNS = """
			id, kind, name, credit_code, id_number, legal_representative, contact_name, contact_phone, address,
			email, registered_region, non_local, roles, requested_roles, status, return_reason, submitted_at, reviewed_at,
			reviewed_by, created_at, version, enterprise_nature""";

	private final JdbcClient jdbc;

	Entities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the entity; the same credit code or ID number registered twice is refused by the unique indexes. */
	void add(MarketEntity e) {
		try {
			jdbc.sql("insert into registry.entities (" + COLUMNS + ") values "
					+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(e.id.value(), e.kind.name(), e.name, e.creditCode, e.idNumber, e.legalRepresentative,
						e.contactName, e.contactPhone, e.address, e.email, e.registeredRegion.value(), e.nonLocal, array(e.roles),
						array(e.requestedRoles), e.status.name(), e.returnReason, ts(e.submittedAt), ts(e.reviewedAt),
						e.reviewedBy, ts(e.createdAt), e.version, nature(e.enterpriseNature))
				.update();
		}
		catch (DuplicateKeyException duplicate) {
			boolean byCode = e.creditCode != null;
			throw Refusal.conflict(byCode ? "creditCode" : "idNumber",
					byCode ? "registry.creditCode.taken" : "registry.idNumber.taken", byCode ? e.creditCode : "");
		}
	}

	void update(MarketEntity e) {
		int updated = jdbc.sql("""
				update registry.entities set name = ?, legal_representative = ?, contact_name = ?, contact_phone = ?,
				  address = ?, email = ?, roles = ?::text[], requested_roles = ?::text[], status = ?, return_reason = ?,
				  submitted_at = ?, reviewed_at = ?, reviewed_by = ?, enterprise_nature = ?, version = version + 1
				where id = ? and version = ?""")
			.params(e.name, e.legalRepresentative, e.contactName, e.contactPhone, e.address, e.email, array(e.roles),
					array(e.requestedRoles), e.status.name(), e.returnReason, ts(e.submittedAt), ts(e.reviewedAt),
					e.reviewedBy, nature(e.enterpriseNature), e.id.value(), e.version)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Entity " + e.id + " changed meanwhile");
		}
		e.version++;
	}

	Optional<MarketEntity> byId(EntityId id) {
		return jdbc.sql("select " + COLUMNS + " from registry.entities where id = ?").param(id.value()).query(this::map)
			.optional();
	}

	Optional<MarketEntity> byCreditCode(String creditCode) {
		return jdbc.sql("select " + COLUMNS + " from registry.entities where credit_code = ?").param(creditCode)
			.query(this::map).optional();
	}

	List<MarketEntity> pending() {
		return jdbc.sql("select " + COLUMNS + " from registry.entities where status = 'PENDING' order by submitted_at")
			.query(this::map).list();
	}

	/** Entities whose name or credit code contains the text, newest first; at most {@code limit}. */
	List<MarketEntity> search(String text, int limit) {
		String like = text == null || text.isBlank() ? null
				: "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("select " + COLUMNS + " from registry.entities "
				+ "where (cast(:like as text) is null or name like :like or credit_code like :like) "
				+ "order by created_at desc limit :limit")
			.param("like", like).param("limit", limit).query(this::map).list();
	}

	void addMember(EntityId entity, UUID account, String username, boolean admin, Instant now) {
		jdbc.sql("insert into registry.members (entity_id, account_id, username, is_admin, added_at) values (?, ?, ?, ?, ?)")
			.params(entity.value(), account, username, admin, ts(now)).update();
	}

	/** The entity of a member (its earliest membership), in one statement: {@link #entityOf} and {@link #byId} joined. */
	Optional<MarketEntity> ofMember(String username) {
		return jdbc.sql("select " + COLUMNS + " from registry.entities where id = (select entity_id from registry.members "
				+ "where username = ? order by added_at limit 1)").param(username).query(this::map).optional();
	}

	/** A member's entity with its signer's binding and today's blacklisting, as {@link EntityCertificates#bidderStanding}. */
	record Standing(MarketEntity entity, boolean signerBound, boolean blacklisted) {
	}

	/**
	 * The member's entity (its earliest membership), whether the certificate with this fingerprint is bound to it and
	 * active, and whether a blacklisting of it runs on this day in any region or category: one statement.
	 */
	Optional<Standing> standingOfMember(String username, String fingerprint, java.time.LocalDate day) {
		return jdbc.sql("select " + COLUMNS + ", exists (select 1 from registry.certificate_bindings b "
				+ "where b.fingerprint = ? and b.entity_id = e.id and b.status = 'ACTIVE') as signer_bound, "
				+ "exists (select 1 from registry.credit_records r where r.entity_id = e.id and r.kind = 'BLACKLIST' "
				+ "and r.starts_on <= ? and (r.ends_on is null or r.ends_on >= ?)) as blacklisted "
				+ "from registry.entities e where e.id = (select entity_id from registry.members where username = ? "
				+ "order by added_at limit 1)")
			.params(fingerprint, java.sql.Date.valueOf(day), java.sql.Date.valueOf(day), username)
			.query((rs, row) -> new Standing(map(rs, row), rs.getBoolean("signer_bound"), rs.getBoolean("blacklisted")))
			.optional();
	}

	Optional<EntityId> entityOf(String username) {
		return jdbc.sql("select entity_id from registry.members where username = ? order by added_at limit 1")
			.param(username).query(UUID.class).optional().map(EntityId::new);
	}

	/** Sets the member's own phone; false when the username is no member of the entity. */
	boolean setMemberPhone(EntityId entity, String username, String phone) {
		return jdbc.sql("update registry.members set phone = ? where entity_id = ? and username = ?")
			.params(phone, entity.value(), username).update() == 1;
	}

	Optional<String> memberPhone(EntityId entity, String username) {
		return jdbc.sql("select phone from registry.members where entity_id = ? and username = ? and phone is not null")
			.params(entity.value(), username).query(String.class).optional();
	}

	List<String> members(EntityId entity) {
		return jdbc.sql("select username from registry.members where entity_id = ? order by added_at").param(entity.value())
			.query(String.class).list();
	}

	void addConsortiumMember(EntityId consortium, EntityId member, boolean lead) {
		jdbc.sql("insert into registry.consortium_members (consortium_id, member_id, lead) values (?, ?, ?)")
			.params(consortium.value(), member.value(), lead).update();
	}

	List<EntityId> consortiumMembers(EntityId consortium) {
		return jdbc.sql("select member_id from registry.consortium_members where consortium_id = ? order by lead desc, member_id")
			.param(consortium.value()).query(UUID.class).list().stream().map(EntityId::new).toList();
	}

	/** Approved entities registered in the city and outside it, for statistics. */
	Locality locality() {
		return jdbc.sql("""
				select count(*) filter (where not non_local), count(*) filter (where non_local)
				from registry.entities where status = 'APPROVED'""")
			.query((rs, row) -> new Locality(rs.getLong(1), rs.getLong(2))).single();
	}

	private static String nature(EnterpriseNature n) {
		return n == null ? null : n.code();
	}

	private MarketEntity map(ResultSet rs, int row) throws SQLException {
		MarketEntity e = new MarketEntity(new EntityId(rs.getObject("id", UUID.class)), EntityKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("credit_code"), rs.getString("id_number"),
				rs.getString("legal_representative"), rs.getString("contact_name"), rs.getString("contact_phone"),
				rs.getString("address"), rs.getString("email"), RegionCode.of(rs.getString("registered_region")), rs.getBoolean("non_local"),
				roles(rs.getArray("roles")), roles(rs.getArray("requested_roles")), EntityStatus.valueOf(rs.getString("status")),
				rs.getString("return_reason"), instant(rs, "submitted_at"), instant(rs, "reviewed_at"),
				rs.getString("reviewed_by"), instant(rs, "created_at"), rs.getLong("version"));
		e.enterpriseNature = EnterpriseNature.of(rs.getString("enterprise_nature")).orElse(null);
		return e;
	}

	private static Set<EntityRole> roles(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(EntityRole::valueOf).collect(Collectors.toSet());
	}

	private static String array(Set<EntityRole> roles) {
		return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
