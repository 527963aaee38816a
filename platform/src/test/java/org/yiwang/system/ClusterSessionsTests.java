package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.FlashMap;
import org.yiwang.AdjustableClock;
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

	/**
	 * A node: its own cluster feed (listening, or not started: a feed down), Spring Session's repository (as Boot
	 * configures it in production) behind what the node keeps ({@link CachedSessions}), a clock of its own for how long
	 * it trusts what it kept, and its web tier (the session filter and the security chain).
	 */
	final class Node implements AutoCloseable {

		final ClusterFeed feed;

		final CachedSessions sessions;

		final AdjustableClock clock = new AdjustableClock();

		final MockMvc web;

		Node(String name, boolean listening) {
			AtomicReference<CachedSessions> heard = new AtomicReference<>();
			feed = new ClusterFeed(dataSource, new ClusterNode(name + "-" + run), event -> {
				if (event instanceof ClusterNotified notice) {
					heard.get().heard(notice);
				}
			});
			JdbcIndexedSessionRepository store = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
					new TransactionTemplate(new SessionStore().sessionTransactionManager(dataSource)));
			store.setTableName(SessionStore.TABLE);
			store.setConversionService(SessionStore.codec(getClass().getClassLoader()));
			sessions = new CachedSessions(store, new JdbcTemplate(dataSource), SessionStore.TABLE, feed, clock,
					KEPT_FOR, Duration.ofMinutes(1));
			heard.set(sessions);
			web = MockMvcBuilders.webAppContextSetup(context)
				.addFilters(new SessionRepositoryFilter<>(sessions),
						context.getBean("springSecurityFilterChain", Filter.class))
				.build();
			if (listening) {
				listen();
			}
		}

		/** Starts the feed and waits until it listens (on a thread of its own). */
		void listen() {
			feed.start();
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.listening() >= 0);
		}

		@Override
		public void close() {
			feed.stop();
		}
	}

	/**
	 * How long a test node trusts what it kept (the platform's is shorter): long enough that a wait for a notice (half
	 * of it) is ample on a loaded machine and still ends before the node's own clock could have made it forget.
	 */
	static final Duration KEPT_FOR = Duration.ofSeconds(60);

	final String run = UUID.randomUUID().toString().substring(0, 8);

	/** Signs in through the node's login form; the session cookie's value. */
	private static String signIn(Node node) throws Exception {
		MvcResult signedIn = node.web.perform(post("/login").with(csrf()).param("username", "staff")
			.param("password", "Demo@2026yw")).andExpect(redirectedUrl("/workspace")).andReturn();
		jakarta.servlet.http.Cookie cookie = signedIn.getResponse().getCookie("SESSION");
		assertThat(cookie).as("the session cookie of Spring Session").isNotNull();
		return cookie.getValue();
	}

	private static ResultActions workspace(Node node, String cookie) throws Exception {
		return node.web.perform(get("/workspace").cookie(new MockCookie("SESSION", cookie)));
	}

	/** The session's id as the cookie carries it (Spring Session's cookie is the id in Base64). */
	private static String id(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	private int rows(String id) {
		return jdbc.sql("select count(*) from system.spring_session where session_id = ?").param(id).query(Integer.class)
			.single();
	}

	private long storedLastAccess(String id) {
		return jdbc.sql("select last_access_time from system.spring_session where session_id = ?").param(id)
			.query(Long.class).single();
	}

	/** Deletes a session as no node would: without telling the nodes (what they kept is then all they know of it). */
	private void deleteUntold(String id) {
		jdbc.sql("delete from system.spring_session where session_id = ?").param(id).update();
	}

	@Test
	void a_sign_in_on_one_node_is_served_by_another_node() throws Exception {
		try (Node first = new Node("n1", true); Node second = new Node("n2", true)) {
			String cookie = signIn(first);
			assertThat(rows(id(cookie))).as("the session is a row in PostgreSQL").isEqualTo(1);

			workspace(second, cookie).andExpect(status().isOk());
			workspace(second, cookie).andExpect(status().isOk());
			// Without the cookie the same node sends the visitor to sign in: the session, not the node, carried the sign-in
			second.web.perform(get("/workspace")).andExpect(status().is3xxRedirection());
		}
	}

	/** Deny by default across nodes: a sign-out on one node ends the session on the other, which kept it. */
	@Test
	void a_sign_out_on_one_node_is_refused_on_the_other_once_the_feed_told_it() throws Exception {
		try (Node first = new Node("n1", true); Node second = new Node("n2", true)) {
			String cookie = signIn(first);
			workspace(second, cookie).andExpect(status().isOk()); // read and kept on the second node
			workspace(second, cookie).andExpect(status().isOk()); // served from what it kept

			first.web.perform(post("/logout").with(csrf()).cookie(new MockCookie("SESSION", cookie)))
				.andExpect(status().is3xxRedirection());
			assertThat(rows(id(cookie))).as("signed out: the row is gone").isZero();
			// The bound: the feed's delivery (milliseconds), well inside the time a node keeps a session, so only the
			// notice can make the second node forget (its clock is not advanced).
			Awaitility.await().atMost(KEPT_FOR.dividedBy(2)).pollInterval(Duration.ofMillis(20))
				.until(() -> workspace(second, cookie).andReturn().getResponse().getStatus() == 302);
			workspace(first, cookie).andExpect(status().is3xxRedirection());
		}
	}

	@Test
	void an_attribute_changed_on_one_node_is_seen_on_the_other() {
		try (Node first = new Node("n1", true); Node second = new Node("n2", true)) {
			CachedSessions.NodeSession created = first.sessions.createSession();
			created.setAttribute("colour", "red");
			first.sessions.save(created);
			String id = created.getId();
			assertThat((Object) second.sessions.findById(id).getAttribute("colour")).isEqualTo("red");
			assertThat((Object) second.sessions.findById(id).getAttribute("colour")).as("kept").isEqualTo("red");

			CachedSessions.NodeSession changed = first.sessions.findById(id);
			changed.setAttribute("colour", "blue");
			first.sessions.save(changed);
			assertThat((Object) first.sessions.findById(id).getAttribute("colour")).isEqualTo("blue");
			Awaitility.await().atMost(KEPT_FOR.dividedBy(2)).pollInterval(Duration.ofMillis(20))
				.until(() -> "blue".equals(second.sessions.findById(id).getAttribute("colour")));
			first.sessions.deleteById(id);
		}
	}

	@Test
	void the_last_access_is_written_at_most_once_a_minute() {
		try (Node node = new Node("n1", true)) {
			CachedSessions.NodeSession created = node.sessions.createSession();
			node.sessions.save(created);
			String id = created.getId();
			long stored = storedLastAccess(id);
			Instant first = Instant.ofEpochMilli(stored);

			for (int seconds : new int[] { 1, 30, 59 }) {
				CachedSessions.NodeSession visit = node.sessions.findById(id);
				visit.setLastAccessedTime(first.plusSeconds(seconds));
				node.sessions.save(visit);
				assertThat(storedLastAccess(id)).as("%d s after the stored one: not written", seconds).isEqualTo(stored);
			}
			CachedSessions.NodeSession visit = node.sessions.findById(id);
			visit.setLastAccessedTime(first.plusSeconds(61));
			node.sessions.save(visit);
			assertThat(storedLastAccess(id)).as("a minute past: written").isEqualTo(first.plusSeconds(61).toEpochMilli());
			assertThat(jdbc.sql("select expiry_time from system.spring_session where session_id = ?").param(id)
				.query(Long.class).single()).isEqualTo(first.plusSeconds(61).plus(Duration.ofMinutes(30)).toEpochMilli());
			visit = node.sessions.findById(id);
			visit.setLastAccessedTime(first.plusSeconds(90));
			node.sessions.save(visit);
			assertThat(storedLastAccess(id)).isEqualTo(first.plusSeconds(61).toEpochMilli());
			node.sessions.deleteById(id);
		}
	}

	/**
	 * A session used but not written (its last access within the step) still idles out by the stored last access, on
	 * the node that kept it too: with a timeout of 1 s (the step is then half of it), used at once, gone 1 s later.
	 */
	@Test
	void a_session_whose_last_access_was_not_written_still_expires() throws Exception {
		try (Node node = new Node("n1", true)) {
			CachedSessions.NodeSession created = node.sessions.createSession();
			created.setMaxInactiveInterval(Duration.ofSeconds(1));
			node.sessions.save(created);
			String id = created.getId();
			long stored = storedLastAccess(id);
			CachedSessions.NodeSession visit = node.sessions.findById(id);
			visit.setLastAccessedTime(Instant.ofEpochMilli(stored + 100));
			node.sessions.save(visit);
			assertThat(storedLastAccess(id)).isEqualTo(stored);
			Thread.sleep(Math.max(0, stored + 1_100 - System.currentTimeMillis()));
			assertThat(node.sessions.findById(id)).as("expired, though kept and used since").isNull();
			assertThat(rows(id)).isZero();
		}
	}

	/** What a node kept is trusted only while its feed listens, under the same connection, and at most KEPT_FOR. */
	@Test
	void a_node_trusts_what_it_kept_only_while_it_hears_the_feed_and_for_a_bounded_time() {
		try (Node deaf = new Node("deaf", false); Node node = new Node("n1", true)) {
			CachedSessions.NodeSession created = node.sessions.createSession();
			created.setAttribute("colour", "red");
			node.sessions.save(created);
			String id = created.getId();
			assertThat(deaf.sessions.findById(id)).isNotNull();
			assertThat(node.sessions.findById(id)).isNotNull();
			deleteUntold(id);
			assertThat(deaf.sessions.findById(id)).as("the feed down: nothing kept, read again").isNull();
			assertThat(node.sessions.findById(id)).as("kept: no notice came, so still served (the stated bound)")
				.isNotNull();
			node.clock.advance(KEPT_FOR);
			assertThat(node.sessions.findById(id)).as("kept no longer than KEPT_FOR").isNull();

			CachedSessions.NodeSession other = node.sessions.createSession();
			node.sessions.save(other);
			assertThat(node.sessions.findById(other.getId())).isNotNull();
			deleteUntold(other.getId());
			long connection = node.feed.listening();
			node.feed.stop();
			assertThat(node.sessions.findById(other.getId())).as("the feed stopped").isNull();
			node.listen();
			assertThat(node.feed.listening()).isNotEqualTo(connection);
		}
	}

	@Test
	void a_reconnected_feed_makes_what_was_kept_before_unusable() {
		try (Node node = new Node("n1", true)) {
			CachedSessions.NodeSession created = node.sessions.createSession();
			node.sessions.save(created);
			String id = created.getId();
			assertThat(node.sessions.findById(id)).isNotNull();
			deleteUntold(id);
			node.feed.stop();
			node.listen();
			assertThat(node.sessions.findById(id)).as("kept under the connection before").isNull();
		}
	}

	/** A cookie that names no session, or is not an id at all, is a visitor to sign in, never an error. */
	@Test
	void a_cookie_naming_no_session_or_a_tampered_one_is_sent_to_sign_in() throws Exception {
		try (Node node = new Node("n1", true)) {
			String base64 = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
			String tampered = Base64.getEncoder()
				.encodeToString(("x' or '1'='1; --" + "\u0000é".repeat(100)).getBytes(StandardCharsets.UTF_8));
			String signedIn = signIn(node);
			String flipped = signedIn.substring(0, 5) + (signedIn.charAt(5) == 'A' ? 'B' : 'A') + signedIn.substring(6);
			for (String cookie : new String[] { base64, tampered, "not base64 at all!", "", flipped }) {
				workspace(node, cookie).andExpect(redirectedUrl("/login"));
			}
			workspace(node, signedIn).andExpect(status().isOk());
			assertThat(node.sessions.findById("x' or '1'='1")).isNull();
			assertThat(node.sessions.findById("\u0000".repeat(36))).isNull();
		}
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
			.withBean(PlatformTransactionManager.class, () -> new JdbcTransactionManager(shared))
			.withBean(ClusterFeed.class, () -> new ClusterFeed(shared, new ClusterNode("runner-" + run), event -> {
			}));
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
			assertThat(node.getBean(SessionRepositoryFilter.class)).as("the filter uses what the node kept")
				.extracting("sessionRepository").isInstanceOf(CachedSessions.class);
			sessions.deleteById(session.getId());
		});
		runner.run(node -> assertThat(node.getBeansOfType(SessionRepositoryFilter.class)).as("one node: off").isEmpty());
	}
}
