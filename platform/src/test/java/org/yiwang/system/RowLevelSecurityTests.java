package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;

/**
 * Raw SQL through the application's own connection pool: in district A's scope, nothing of district B is readable
 * or writable, whatever the query says. The database enforces it, not the application's code.
 */
@PlatformTest
class RowLevelSecurityTests {

	private static final RegionCode A = RegionCode.of("500103");

	private static final RegionCode B = RegionCode.of("500101");

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	JdbcTemplate sql;

	final String marker = "rls" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void two_accounts_in_two_districts() {
		sql = new JdbcTemplate(dataSource);
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
			insertAccount(marker + ".a", A);
			insertAccount(marker + ".b", B);
		}));
	}

	private void insertAccount(String username, RegionCode region) {
		sql.update("""
				insert into account.accounts (id, username, display_name, kind, roles, region_code, password_hash,
				  created_at, updated_at) values (?, ?, 'x', 'PERSON', '{CENTER_STAFF}', ?, 'x', now(), now())""",
				UUID.randomUUID(), username, region.value());
	}

	private <T> T inScope(RegionScope scope, java.util.function.Supplier<T> query) {
		return RegionScopes.callIn(scope, () -> transactions.execute(s -> query.get()));
	}

	@Test
	void district_a_reads_nothing_of_district_b_with_raw_sql() {
		List<String> seen = inScope(RegionScope.of(A), () -> sql.queryForList(
				"select username from account.accounts where username like ?", String.class, marker + "%"));
		assertThat(seen).containsExactly(marker + ".a");

		Integer ofB = inScope(RegionScope.of(A),
				() -> sql.queryForObject("select count(*) from account.accounts where region_code = ?", Integer.class, B.value()));
		assertThat(ofB).isZero();
	}

	@Test
	void district_a_cannot_change_or_create_records_of_district_b() {
		Integer updated = inScope(RegionScope.of(A), () -> sql.update(
				"update account.accounts set display_name = 'taken over' where username = ?", marker + ".b"));
		assertThat(updated).isZero();
		assertThatThrownBy(() -> RegionScopes.runIn(RegionScope.of(A),
				() -> transactions.executeWithoutResult(s -> insertAccount(marker + ".c", B))))
			.rootCause().hasMessageContaining("row-level security");
	}

	@Test
	void without_a_scope_nothing_is_visible() {
		Integer visible = transactions.execute(
				s -> sql.queryForObject("select count(*) from account.accounts", Integer.class));
		assertThat(visible).isZero();
		Integer autoCommit = sql.queryForObject("select count(*) from account.accounts", Integer.class);
		assertThat(autoCommit).isZero();
	}

	@Test
	void the_city_scope_sees_every_district() {
		List<String> seen = inScope(RegionScope.wholeCity(), () -> sql.queryForList(
				"select username from account.accounts where username like ? order by username", String.class, marker + "%"));
		assertThat(seen).containsExactly(marker + ".a", marker + ".b");
	}

	@Test
	void the_application_role_owns_nothing_and_cannot_bypass_row_security() {
		var role = sql.queryForMap("""
				select session_user as login, current_user as name, rolsuper, rolbypassrls from pg_roles
				where rolname = current_user""");
		assertThat(role.get("login")).as("the role the pool logs in as").isEqualTo("yiwang_app");
		assertThat(role.get("name")).isEqualTo("yiwang_app");
		assertThat(role.get("rolsuper")).isEqualTo(false);
		assertThat(role.get("rolbypassrls")).isEqualTo(false);
		Integer owned = sql.queryForObject("""
				select count(*) from pg_tables where tableowner = current_user
				  and schemaname in ('catalog', 'account', 'audit', 'system')""", Integer.class);
		assertThat(owned).isZero();
		List<String> unforced = sql.queryForList("""
				select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind = 'r' and exists (select 1 from information_schema.columns col
				  where col.table_schema = n.nspname and col.table_name = c.relname and col.column_name = 'region_code')
				  and not (c.relrowsecurity and c.relforcerowsecurity)""", String.class);
		assertThat(unforced).as("region-scoped tables without forced row-level security").isEmpty();
	}

	/** What a query smuggled into the application's connection could try: none of it leaves district A's scope. */
	@Test
	void the_application_pool_cannot_switch_to_a_role_that_escapes_row_security() {
		for (String escape : List.of("RESET ROLE", "SET ROLE NONE", "SET ROLE yiwang_owner", "SET ROLE postgres",
				"SET SESSION AUTHORIZATION postgres", "SET SESSION AUTHORIZATION DEFAULT")) {
			Integer ofB = attempt(escape);
			assertThat(ofB).as("rows of district B seen after " + escape).isIn(0, null);
		}
	}

	/** Runs {@code escape} in a transaction of district A's scope and counts B's rows; null if the escape failed. */
	private Integer attempt(String escape) {
		try {
			return inScope(RegionScope.of(A), () -> {
				sql.execute(escape);
				Integer ofB = sql.queryForObject("select count(*) from account.accounts where username = ?", Integer.class,
						marker + ".b");
				throw new Escaped(ofB);
			});
		}
		catch (Escaped escaped) {
			return escaped.seen;
		}
		catch (org.springframework.dao.DataAccessException refused) {
			assertThat(refused.getMostSpecificCause().getMessage()).containsAnyOf("permission denied", "must be superuser",
					"does not exist");
			return null;
		}
	}

	/** Rolls the probing transaction back (a transaction-scoped SET ROLE goes with it) and carries what it saw. */
	private static final class Escaped extends RuntimeException {

		final Integer seen;

		Escaped(Integer seen) {
			super(null, null, false, false);
			this.seen = seen;
		}
	}
}
