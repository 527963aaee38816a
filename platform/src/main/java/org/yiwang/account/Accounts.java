package org.yiwang.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
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
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.Refusal;

/** Accounts and their API tokens. Every query runs under the transaction's region scope. */
@Repository
class Accounts {

	private static final String COLUMNS = """
			id, username, display_name, kind, roles, region_code, city_wide, industries, password_hash, enabled, demo,
			last_signed_in_at, created_at, updated_at, version""";

	private static final String TOKEN_COLUMNS = "id, name, prefix, created_at, expires_at, revoked_at, last_used_at";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the account; a username taken in any region, visible or not, is refused by the unique index. */
	void add(Account a) {
		try {
			insert(a);
		}
		catch (DuplicateKeyException e) {
			throw Refusal.conflict("username", "account.username.taken", a.username());
		}
	}

	private void insert(Account a) {
		jdbc.sql("insert into account.accounts (" + COLUMNS + ") values "
				+ "(?, ?, ?, ?, ?::text[], ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)")
			.params(a.id().value(), a.username(), a.displayName(), a.kind().name(), array(a.roles().stream().map(Role::name)),
					a.region().value(), a.cityWide(), array(a.industries().stream().map(CategoryCode::value)),
					a.passwordHash(), a.enabled(), a.demo(), ts(a.lastSignedInAt()),
					ts(a.createdAt()), ts(a.updatedAt()), a.version())
			.update();
	}

	/** Saves the mutable state; refuses if someone else saved the account since it was read. */
	void update(Account a) {
		int updated = jdbc.sql("""
				update account.accounts set display_name = ?, password_hash = ?, enabled = ?,
				  last_signed_in_at = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(a.displayName(), a.passwordHash(), a.enabled(),
					ts(a.lastSignedInAt()), ts(a.updatedAt()), a.id().value(), a.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Account " + a.username() + " changed meanwhile");
		}
		a.bumpVersion();
	}

	Optional<Account> byId(AccountId id) {
		return jdbc.sql("select " + COLUMNS + " from account.accounts where id = ?").param(id.value()).query(this::map)
			.optional();
	}

	Optional<Account> byUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from account.accounts where username = ?").param(username).query(this::map)
			.optional();
	}

	List<Account> all() {
		return jdbc.sql("select " + COLUMNS + " from account.accounts order by region_code, username").query(this::map).list();
	}

	List<Account> demoAccounts() {
		// the demo data's market parties sign up like anyone, under the reserved prefix (AccountManagement.DEMO_PREFIX)
		return jdbc.sql("select " + COLUMNS + " from account.accounts where demo or username like ? order by username")
			.param(AccountManagement.DEMO_PREFIX.replace(".", "\\.") + "%").query(this::map).list();
	}

	void addToken(UUID id, Account owner, String name, String prefix, String tokenHash, Instant createdAt, Instant expiresAt) {
		jdbc.sql("""
				insert into account.api_tokens (id, account_id, region_code, name, prefix, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, owner.id().value(), owner.region().value(), name, prefix, tokenHash, ts(createdAt), ts(expiresAt))
			.update();
	}

	List<ApiTokenView> tokens(AccountId owner) {
		return jdbc.sql("select " + TOKEN_COLUMNS + " from account.api_tokens where account_id = ? order by created_at desc")
			.param(owner.value()).query(this::mapToken).list();
	}

	Optional<ApiTokenView> token(AccountId owner, UUID tokenId) {
		return jdbc.sql("select " + TOKEN_COLUMNS + " from account.api_tokens where account_id = ? and id = ?")
			.params(owner.value(), tokenId).query(this::mapToken).optional();
	}

	/** How stale a token's {@code last_used_at} may be: it is a fact to the minute, not a write on every call. */
	static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	/** An active token and its account, as {@link #tokenHolder} finds them. */
	record TokenHolder(UUID token, Instant expiresAt, Account account) {
	}

	/**
	 * The holder of an active token, marking the token used when its mark is older than {@link #LAST_USED_PRECISION}:
	 * one statement, run outside any transaction (migration account/V20261127.3050: the function sets the platform's
	 * scope for itself, and its commit does not wait for the disk when it marked, since the mark is a fact to the minute
	 * that a crash may lose). A call through the API does no more than this; most do nothing ({@code TokenLogin}).
	 */
	Optional<TokenHolder> tokenHolder(String tokenHash, Instant now) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// its commit skips the wait for the disk when it marks: inside a transaction, that would be the caller's too
			throw new IllegalStateException("A token's holder is read outside any transaction");
		}
		return jdbc.sql("select * from account.api_token_holder(?, ?, ?)")
			.params(tokenHash, ts(now), ts(now.minus(LAST_USED_PRECISION)))
			.query((rs, row) -> new TokenHolder(rs.getObject("token_id", UUID.class), instant(rs, "token_expires_at"),
					map(rs, row)))
			.optional();
	}

	void revokeToken(UUID tokenId, Instant now) {
		jdbc.sql("update account.api_tokens set revoked_at = ? where id = ? and revoked_at is null").params(ts(now), tokenId)
			.update();
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		return new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("username"),
				rs.getString("display_name"), AccountKind.valueOf(rs.getString("kind")),
				strings(rs.getArray("roles")).stream().map(Role::valueOf).collect(Collectors.toSet()),
				RegionCode.of(rs.getString("region_code")), rs.getBoolean("city_wide"),
				strings(rs.getArray("industries")).stream().map(CategoryCode::of).collect(Collectors.toSet()),
				rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("demo"),
				instant(rs, "last_signed_in_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"));
	}

	private ApiTokenView mapToken(ResultSet rs, int row) throws SQLException {
		return new ApiTokenView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
				instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}

	private static Set<String> strings(Array array) throws SQLException {
		return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	/** A PostgreSQL array literal; the values are enum names and codes, checked before they get here. */
	private static String array(java.util.stream.Stream<String> values) {
		return values.sorted().collect(Collectors.joining(",", "{", "}"));
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
