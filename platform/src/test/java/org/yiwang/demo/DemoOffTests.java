package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.TestActor;
import org.yiwang.portal.Portal;
import org.yiwang.system.RegionScopes;

/**
 * A production start: {@code yiwang.demo=false} on a fresh embedded database (Chongqing, every other demo switch left
 * at its default). No demo account, no demo bank or issuer, no demo CA in the trust store, no demo data, and the
 * sign-in page lists no account.
 */
@SpringBootTest(properties = "yiwang.demo=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoOffTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Portal portal;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private Integer count(String sql) {
		return RegionScopes.callAsPlatform(
				() -> transactions.execute(s -> new JdbcTemplate(dataSource).queryForObject(sql, Integer.class)));
	}

	@Test
	void no_bean_of_the_demo_module_runs() {
		assertThat(Arrays.stream(context.getBeanDefinitionNames()).map(context::getType)
			.filter(type -> type != null && type.getName().startsWith("org.yiwang.demo.")))
			.as("the demo accounts, city, bank, issuer and their controllers").isEmpty();
	}

	@Test
	void no_demo_account_exists_and_the_sign_in_page_lists_none() throws Exception {
		assertThat(count("select count(*) from account.accounts where demo or username like 'demo.%' "
				+ "or username in ('admin', 'bidder', 'bank.api', 'issuer.api', 'api.demo')")).isZero();
		String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("demo-accounts").doesNotContain("Demo@2026yw");
		mvc.perform(get("/api/me").header("Authorization", "Bearer " + DemoAccounts.DEMO_TOKEN))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void no_demo_bank_or_issuer_and_no_demo_ca_is_trusted() throws Exception {
		mvc.perform(get("/demo-bank").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user("someone").roles("BIDDER"))).andExpect(status().is4xxClientError());
		assertThat(count("select count(*) from guarantee.issuers") + count("select count(*) from guarantee.banks")).isZero();
		assertThat(TestActor.admin().call(() -> context.getBean(org.yiwang.pki.TrustStore.class).cas()))
			.noneMatch(ca -> ca.origin().equals("demo"));
	}

	@Test
	void no_demo_data_is_published() {
		assertThat(portal.recordCount()).isZero();
		assertThat(count("select count(*) from registry.entities")).isZero();
		assertThat(count("select count(*) from auction.listings")).isZero();
		assertThat(count("select count(*) from tendering.sections")).isZero();
	}
}
