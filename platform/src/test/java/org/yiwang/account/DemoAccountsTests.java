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
 * Demo accounts switched off: the same context as {@code ShenzhenDeploymentTests} ({@code yiwang.demo=false}), so this
 * database started with none and the demo module is not in the application; the account module itself disables what
 * an earlier demo run left.
 */
@SpringBootTest(properties = { "yiwang.city=shenzhen", "yiwang.demo=false" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoAccountsTests {

	@Autowired
	DemoAccountsOff off;

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
		// what an earlier demo run left: a flagged demo account, and a party signed up under the reserved prefix
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> new JdbcTemplate(dataSource).update("""
				insert into account.accounts (id, username, display_name, kind, roles, region_code, city_wide, password_hash,
				    enabled, demo, created_at, updated_at)
				values (gen_random_uuid(), 'tenderer', '示范招标人', 'PERSON', '{TENDERER}', '440300', false, 'x', true, true,
				    now(), now()),
				  (gen_random_uuid(), 'demo.tenderer', '示范', 'PERSON', '{TENDERER}', '440300', false, 'x', true, false,
				    now(), now())""")));
		assertThatThrownBy(() -> management.signUp("demo.someone", "冒用", Set.of(Role.BIDDER), "Another@2026yw"))
			.isInstanceOf(Refusal.class).hasMessageContaining("account.username.reserved");
		assertThatThrownBy(() -> management.addDemoAccount(NewDemoAccount.person("demo.x", "示范", Role.BIDDER, null, false)))
			.isInstanceOf(Refusal.class).hasMessageContaining("account.demo.off");
		assertThat(RegionScopes.callAsPlatform(management::demoSignIns)).as("the sign-in page lists nobody").isEmpty();

		off.run(null);
		assertThat(count("select count(*) from account.accounts where demo and enabled")).isZero();
		assertThat(count("select count(*) from account.accounts where username = 'demo.tenderer' and enabled")).isZero();
	}
}
