package org.yiwang.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.account.AccountChanged.SupportAccessEnded;
import org.yiwang.account.AccountChanged.SupportAccessGranted;
import org.yiwang.account.AccountChanged.SupportSessionStarted;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Support access: the one way staff act for a market participant (issue 17, item 8). Staff never hold a person's
 * password or token; instead a staff member in scope asks for access with a reason, for at most two hours. The person
 * sees the notice on their own profile and may end it at once. While it lasts, the staff member's session acts as
 * the person, and every audit entry it causes names both (the actor, and {@code supportedBy}). Staff accounts,
 * regulators and experts are never supported: acting as them would widen the staff member's own powers.
 */
@Service
public class SupportAccess {

	static final Duration LONGEST = Duration.ofHours(2);

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupportAccess(Accounts accounts, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A support access grant.
	 *
	 * @param staff the staff member's username; {@code staffName} their display name
	 * @param endedAt when it was ended before its time, by {@code endedBy}; null while it runs or after it expired
	 */
	public record Grant(UUID id, AccountId account, String staff, String staffName, String reason, Instant grantedAt,
			Instant expiresAt, Instant endedAt, String endedBy) {

		public boolean activeAt(Instant now) {
			return endedAt == null && expiresAt.isAfter(now);
		}
	}

	/** A staff member asks to act for a person, saying why and for how many minutes (5–120). */
	@Transactional
	public Grant request(AccountId person, String reason, Integer minutes) {
		Acting staff = Actors.requireAnyRole("account.adminOnly", Role.PLATFORM_ADMIN, Role.CENTER_STAFF);
		AccountManagement.refuseUnderSupport(staff);
		Account account = accounts.byId(person).filter(a -> staff.regionScope().covers(a.region()))
			.orElseThrow(() -> Refusal.notFound("account.notFound"));
		if (account.kind() != AccountKind.PERSON || account.roles().isEmpty()
				|| !AccountManagement.SELF_SERVICE_ROLES.containsAll(account.roles())) {
			throw Refusal.forbidden("account.support.marketOnly");
		}
		if (reason == null || reason.strip().length() < 5 || reason.strip().length() > 500) {
			throw Refusal.invalid("reason", "account.support.reason");
		}
		int length = minutes == null ? 30 : minutes;
		if (length < 5 || length > LONGEST.toMinutes()) {
			throw Refusal.invalid("minutes", "account.support.minutes");
		}
		Instant now = clock.instant();
		Grant grant = new Grant(UUID.randomUUID(), account.id(), staff.actor().username(), staff.displayName(),
				reason.strip(), now, now.plus(Duration.ofMinutes(length)), null, null);
		jdbc.sql("""
				insert into account.support_access (id, account_id, region_code, staff_username, staff_name, reason,
				  granted_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(grant.id(), account.id().value(), account.region().value(), grant.staff(), grant.staffName(),
					grant.reason(), Timestamp.from(now), Timestamp.from(grant.expiresAt()))
			.update();
		events.publishEvent(new SupportAccessGranted(staff.actor(), account.id(), grant.id(), grant.reason(),
				grant.expiresAt(), account.region(), now));
		return grant;
	}

	/**
	 * The staff member who asked begins acting for the person: the session's new principal, the person's roles and
	 * scope with the staff member named beside the person on everything it does.
	 */
	@Transactional
	public Authentication enter(UUID grantId) {
		Acting staff = Actors.requireAnyRole("account.adminOnly", Role.PLATFORM_ADMIN, Role.CENTER_STAFF);
		AccountManagement.refuseUnderSupport(staff);
		Instant now = clock.instant();
		Grant grant = find(grantId).filter(g -> g.staff().equals(staff.actor().username()))
			.orElseThrow(() -> Refusal.notFound("account.support.notFound"));
		if (!grant.activeAt(now)) {
			throw Refusal.conflict(null, "account.support.over");
		}
		Account account = accounts.byId(grant.account()).orElseThrow(() -> Refusal.notFound("account.notFound"));
		if (!account.enabled()) {
			throw Refusal.conflict(null, "account.support.disabled");
		}
		SignedInAccount principal = SignedInAccount.supported(account, grant.staff(), grant.id());
		events.publishEvent(new SupportSessionStarted(principal.actor(), account.id(), grant.id(), account.region(), now));
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
	}

	/** The person, or the staff member (from either session), ends support access now. */
	@Transactional
	public void end(UUID grantId) {
		Acting acting = Actors.required();
		Grant grant = find(grantId).orElseThrow(() -> Refusal.notFound("account.support.notFound"));
		Account account = accounts.byId(grant.account()).orElseThrow(() -> Refusal.notFound("account.notFound"));
		boolean person = acting.actor().username().equals(account.username());
		boolean requester = grant.staff().equals(acting.actor().username())
				|| grant.staff().equals(acting.actor().supportedBy());
		if (!person && !requester) {
			throw Refusal.notFound("account.support.notFound");
		}
		Instant now = clock.instant();
		String by = acting.actor().supportedBy() != null ? acting.actor().supportedBy() : acting.actor().username();
		if (jdbc.sql("update account.support_access set ended_at = ?, ended_by = ? where id = ? and ended_at is null")
			.params(Timestamp.from(now), by, grantId).update() == 1) {
			events.publishEvent(new SupportAccessEnded(acting.actor(), account.id(), grantId, account.region(), now));
		}
	}

	/** The signed-in person's support access notices, newest first. */
	@Transactional(readOnly = true)
	public List<Grant> mine() {
		Acting acting = Actors.required();
		return accounts.byUsername(acting.actor().username()).map(a -> of(a.id())).orElse(List.of());
	}

	/** The grants on an account, for staff in scope. */
	@Transactional(readOnly = true)
	public List<Grant> grants(AccountId person) {
		Acting staff = Actors.requireAnyRole("account.adminOnly", Role.PLATFORM_ADMIN, Role.CENTER_STAFF);
		accounts.byId(person).filter(a -> staff.regionScope().covers(a.region()))
			.orElseThrow(() -> Refusal.notFound("account.notFound"));
		return of(person);
	}

	/** Whether the session acting under this grant may go on: neither ended nor expired. */
	@Transactional(readOnly = true)
	public boolean active(UUID grantId) {
		Instant now = clock.instant();
		return find(grantId).map(g -> g.activeAt(now)).orElse(false);
	}

	private List<Grant> of(AccountId account) {
		return jdbc.sql("select * from account.support_access where account_id = ? order by granted_at desc limit 50")
			.param(account.value()).query(SupportAccess::map).list();
	}

	private Optional<Grant> find(UUID id) {
		return jdbc.sql("select * from account.support_access where id = ?").param(id).query(SupportAccess::map).optional();
	}

	private static Grant map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Grant(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				rs.getString("staff_username"), rs.getString("staff_name"), rs.getString("reason"),
				rs.getTimestamp("granted_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				ended == null ? null : ended.toInstant(), rs.getString("ended_by"));
	}
}
