package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.system.RegionScopes;

/** One setting selects Shenzhen; {@code yiwang.demo=false} creates no demo account and disables any left over. */
@SpringBootTest(properties = { "yiwang.city=shenzhen", "yiwang.demo=false" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ShenzhenDeploymentTests {

	@Autowired
	Catalog catalog;

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private Integer count(String sql) {
		return RegionScopes.callAsPlatform(
				() -> transactions.execute(s -> new JdbcTemplate(dataSource).queryForObject(sql, Integer.class)));
	}

	@Test
	void serves_shenzhen_and_its_districts() throws Exception {
		assertThat(catalog.city().nameZh()).isEqualTo("深圳市");
		assertThat(catalog.regions()).hasSize(12);
		assertThat(catalog.categories()).hasSize(35);
		String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("深圳市公共资源交易平台", "南山区", "深汕特别合作区").doesNotContain("渝中区");
	}

	@Test
	void without_demo_data_no_demo_account_can_sign_in() throws Exception {
		assertThat(count("select count(*) from account.accounts where demo and enabled")).isZero();
		mvc.perform(get("/api/me").header("Authorization", "Bearer ywt_demo-api-client-token-not-for-production"))
			.andExpect(status().isUnauthorized());
	}
}
