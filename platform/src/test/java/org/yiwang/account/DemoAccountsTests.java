package org.yiwang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Set;

import org.yiwang.kernel.Role;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Demo accounts in another city, and switched off: the same context as {@code ShenzhenDeploymentTests}
 * ({@code yiwang.demo=false}), so this database started with none.
 */
@SpringBootTest(properties = { "yiwang.city=shenzhen", "yiwang.demo=false" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoAccountsTests {

	@Autowired
	DemoAccounts demo;

	@Autowired
	TokenLogin tokens;

	@Autowired
	AccountManagement management;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private Integer count(String sql) {
		return RegionScopes.callAsPlatform(
				() -> transactions.execute(s -> new JdbcTemplate(dataSource).queryForObject(sql, Integer.class)));
	}

	@Test
	void demo_accounts_of_an_earlier_demo_run_are_disabled_when_demo_data_is_off() {
		demo.create();
		assertThat(count("select count(*) from account.accounts where demo and enabled"))
			.as("15, bidder3 and the demo experts expert2 to expert9").isEqualTo(24);
		assertThat(count("select count(*) from account.accounts where username in ('staff.440303', 'staff.440304')"))
			.as("district demo staff of Shenzhen's first districts").isEqualTo(2);
		assertThat(tokens.authenticate(DemoAccounts.DEMO_TOKEN)).isPresent();

		// what tendering's and the auction's demo data sign up for their parties, in an earlier demo run
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> new JdbcTemplate(dataSource).update("""
				insert into account.accounts (id, username, display_name, kind, roles, region_code, city_wide, password_hash,
				    enabled, demo, created_at, updated_at)
				select gen_random_uuid(), 'demo.tenderer', '示范', kind, roles, region_code, false, password_hash, true, false,
				    now(), now() from account.accounts where username = 'tenderer'""")));
		assertThatThrownBy(() -> management.signUp("demo.someone", "冒用", Set.of(Role.BIDDER), "Another@2026yw"))
			.isInstanceOf(Refusal.class).hasMessageContaining("account.username.reserved");

		demo.disable();
		assertThat(count("select count(*) from account.accounts where demo and enabled")).isZero();
		assertThat(count("select count(*) from account.accounts where username = 'demo.tenderer' and enabled")).isZero();
		assertThat(tokens.authenticate(DemoAccounts.DEMO_TOKEN)).isEmpty();
	}
}
