package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.session.autoconfigure.SessionAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.web.MockCookie;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.FlashMap;
import org.yiwang.PlatformTest;

import jakarta.servlet.Filter;

/**
 * Sessions in PostgreSQL (issue 25): a sign-in through one node is served by another node that never saw it, because
 * each "node" here has its own session repository and filter over the one database and nothing in memory is shared.
 */
@PlatformTest
class ClusterSessionsTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	/** A node's web tier: its own session repository (as Boot configures it in production) and the security chain. */
	private MockMvc node() {
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new SessionStore().sessionTransactionManager(dataSource)));
		sessions.setTableName("system.spring_session");
		sessions.setConversionService(SessionStore.codec(getClass().getClassLoader()));
		return MockMvcBuilders.webAppContextSetup(context)
			.addFilters(new SessionRepositoryFilter<>(sessions), context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@Test
	void a_sign_in_on_one_node_is_served_by_another_node() throws Exception {
		MockMvc first = node();
		MvcResult signedIn = first.perform(post("/login").with(csrf()).param("username", "staff")
			.param("password", "Demo@2026yw")).andExpect(redirectedUrl("/workspace")).andReturn();
		jakarta.servlet.http.Cookie cookie = signedIn.getResponse().getCookie("SESSION");
		assertThat(cookie).as("the session cookie of Spring Session").isNotNull();
		Integer rows = jdbc.sql("select count(*) from system.spring_session where principal_name = 'staff'")
			.query(Integer.class).single();
		assertThat(rows).as("the session is a row in PostgreSQL").isPositive();

		MockMvc second = node();
		second.perform(get("/workspace").cookie(new MockCookie("SESSION", cookie.getValue())))
			.andExpect(status().isOk());
		// Without the cookie the same node sends the visitor to sign in: the session, not the node, carried the sign-in.
		second.perform(get("/workspace")).andExpect(status().is3xxRedirection());
	}

	/** A page's flash attributes are records that are not serializable; they reach the next node unchanged. */
	record Typed(String name, List<String> items, Inner inner) {
	}

	record Inner(int number) {
	}

	@Test
	void flash_records_that_are_not_serializable_are_stored_and_read_back() {
		FlashMap flash = new FlashMap();
		flash.put("typed", new Typed("名称", List.of("a", "b"), new Inner(7)));
		flash.put("saved", "account.saved.created");
		Object back = SessionStore.read(SessionStore.write(List.of(flash)), getClass().getClassLoader());
		assertThat(back).isEqualTo(List.of(flash));
		assertThat(((List<?>) back).get(0)).isInstanceOf(FlashMap.class);
		assertThat(((FlashMap) ((List<?>) back).get(0)).get("typed")).isEqualTo(new Typed("名称", List.of("a", "b"),
				new Inner(7)));
	}

	/** With {@code yiwang.cluster.jdbc-sessions=true} the platform's configuration makes the JDBC repository. */
	@Test
	void the_switch_puts_sessions_in_the_system_table_and_without_it_nothing_changes() {
		// The shared pool behind a delegate: the runner's context closes what it holds, and must not close that pool.
		DataSource shared = new DelegatingDataSource(dataSource);
		WebApplicationContextRunner runner = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SessionAutoConfiguration.class))
			.withUserConfiguration(SessionStore.class)
			.withBean(DataSource.class, () -> shared)
			.withBean(PlatformTransactionManager.class, () -> new JdbcTransactionManager(shared));
		runner.withPropertyValues("yiwang.cluster.jdbc-sessions=true").run(node -> {
			assertThat(node).hasNotFailed();
			@SuppressWarnings({ "unchecked", "rawtypes" })
			SessionRepository<Session> sessions = (SessionRepository) node.getBean(JdbcIndexedSessionRepository.class);
			Session session = sessions.createSession();
			session.setAttribute("typed", new Typed("x", List.of(), new Inner(1)));
			sessions.save(session);
			Integer rows = jdbc.sql("select count(*) from system.spring_session_attributes where attribute_name = 'typed'"
					+ " and session_primary_id = (select primary_id from system.spring_session where session_id = ?)")
				.param(session.getId()).query(Integer.class).single();
			assertThat(rows).as("stored in the system schema's table").isEqualTo(1);
			assertThat((Object) sessions.findById(session.getId()).getAttribute("typed"))
				.isEqualTo(new Typed("x", List.of(), new Inner(1)));
			assertThat(node.getBeansOfType(SessionRepositoryFilter.class)).hasSize(1);
			sessions.deleteById(session.getId());
		});
		runner.run(node -> assertThat(node.getBeansOfType(SessionRepositoryFilter.class)).as("one node: off").isEmpty());
	}
}
