package org.yiwang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.system.ClusterFeed;
import org.yiwang.system.ClusterNode;
import org.yiwang.system.ClusterNotified;
import org.yiwang.system.RegionScopes;

/**
 * A bearer token's holder is remembered for a few seconds (issue 25: no database round trip per API call), and
 * security is what it was: a revoked token, a disabled account and an expired token are refused even while
 * remembered, on this node at once and on another node when the cluster feed tells it (at the latest
 * {@link TokenLogin#REMEMBERED_FOR} after the read); the principal carries the account's roles and region scope.
 */
@PlatformTest
class TokenLoginTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TokenLogin tokens;

	@Autowired
	Accounts rows;

	@Autowired
	ClusterFeed feed;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	private AccountView client() {
		String name = "tok." + UUID.randomUUID().toString().substring(0, 8);
		return TestActor.admin().call(() -> accounts.create(new NewAccount(name, "令牌测试接口", AccountKind.MACHINE,
				Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), null, false, Set.of(), null)));
	}

	private IssuedToken issue(AccountView client, Integer days) {
		return TestActor.admin().call(() -> accounts.issueToken(client.id(), "rush", days));
	}

	/** What a revocation written on another node looks like here: the row changed, this node not told. */
	private void revokeElsewhere(IssuedToken token) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc
			.sql("update account.api_tokens set revoked_at = now() where id = ?").param(token.token().id()).update()));
	}

	@Test
	void remembersATokenAndRefusesItAtOnceWhenRevoked() {
		AccountView client = client();
		IssuedToken issued = issue(client, 30);
		long before = tokens.reads();
		assertThat(tokens.authenticate(issued.secret())).hasValueSatisfying(a -> {
			Acting acting = (Acting) a.getPrincipal();
			Account account = RegionScopes.callAsPlatform(
					() -> transactions.execute(s -> rows.byId(client.id()).orElseThrow()));
			assertThat(acting.roles()).isEqualTo(account.roles()).contains(Role.GUARANTEE_ISSUER);
			assertThat(acting.regionScope()).as("the account's own scope").isEqualTo(account.regionScope());
			assertThat(acting.industries()).isEqualTo(account.industries());
		});
		assertThat(tokens.authenticate(issued.secret())).isPresent();
		assertThat(tokens.authenticate(issued.secret())).isPresent();
		assertThat(tokens.reads() - before).as("read once, then answered from memory").isEqualTo(1);

		TestActor.admin().run(() -> accounts.revokeToken(client.id(), issued.token().id()));
		assertThat(tokens.authenticate(issued.secret())).as("revoked on this node: refused at once").isEmpty();
	}

	@Test
	void refusesTheTokensOfADisabledAccountAtOnce() {
		AccountView client = client();
		IssuedToken issued = issue(client, null);
		assertThat(tokens.authenticate(issued.secret())).isPresent();
		TestActor.admin().run(() -> accounts.setEnabled(client.id(), false));
		assertThat(tokens.authenticate(issued.secret())).isEmpty();
		TestActor.admin().run(() -> accounts.setEnabled(client.id(), true));
		assertThat(tokens.authenticate(issued.secret())).as("enabled again").isPresent();
	}

	@Test
	void refusesATokenRevokedOnAnotherNodeWhenTheFeedTellsThisOne() {
		AccountView client = client();
		IssuedToken issued = issue(client, 30);
		// This node's clock stands still, so its memory cannot lapse: only the notice can make it refuse, however long
		// the notice takes on a loaded machine. It hears what the platform's feed hears, as the platform's node does.
		TokenLogin node = new TokenLogin(rows, new MovableClock(Instant.now()), feed);
		ApplicationListener<ApplicationEvent> relay = event -> {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ClusterNotified notice) {
				node.on(notice);
			}
		};
		assertThat(node.authenticate(issued.secret())).isPresent();
		assertThat(tokens.authenticate(issued.secret())).isPresent();
		revokeElsewhere(issued);
		assertThat(node.authenticate(issued.secret())).as("remembered: not told yet").isPresent();
		String run = UUID.randomUUID().toString().substring(0, 8);
		ClusterFeed other = new ClusterFeed(dataSource, new ClusterNode("tok-" + run), event -> {
		});
		context.addApplicationListener(relay);
		other.start();
		try {
			other.tell(TokenLogin.TOPIC, client.id().toString());
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
				.until(() -> node.authenticate(issued.secret()).isEmpty());
			// the platform's own node, told by the same notice (or, were it slower, at the latest when its memory lapsed)
			assertThat(tokens.authenticate(issued.secret())).as("refused on the platform's node too").isEmpty();
		}
		finally {
			other.stop();
			context.removeApplicationListener(relay);
		}
	}

	/** A node that never hears of the revocation (its feed reconnecting) refuses the token once its memory lapses. */
	@Test
	void refusesATokenRevokedElsewhereAtTheLatestWhenItsMemoryLapses() {
		AccountView client = client();
		IssuedToken issued = issue(client, 30);
		MovableClock clock = new MovableClock(Instant.now());
		TokenLogin node = new TokenLogin(rows, clock, feed);
		assertThat(node.authenticate(issued.secret())).isPresent();
		revokeElsewhere(issued);
		clock.move(TokenLogin.REMEMBERED_FOR.minusSeconds(1));
		assertThat(node.authenticate(issued.secret())).as("within the documented bound: still remembered").isPresent();
		clock.move(Duration.ofSeconds(2));
		assertThat(node.authenticate(issued.secret())).isEmpty();
	}

	@Test
	void refusesAnExpiredTokenThoughRemembered() {
		AccountView client = client();
		IssuedToken issued = issue(client, 1);
		Instant expiry = issued.token().expiresAt();
		MovableClock clock = new MovableClock(expiry.minusSeconds(3));
		TokenLogin node = new TokenLogin(rows, clock, feed);
		assertThat(node.authenticate(issued.secret())).isPresent();
		long reads = node.reads();
		clock.move(Duration.ofSeconds(3));
		assertThat(node.authenticate(issued.secret())).as("expired at its expiry, from memory").isEmpty();
		assertThat(node.reads()).isEqualTo(reads);
	}

	@Test
	void aBearerCallCreatesNoSession() throws Exception {
		AccountView client = client();
		IssuedToken issued = issue(client, 30);
		for (int i = 0; i < 2; i++) {
			MvcResult result = mvc.perform(get("/api/me").header("Authorization", "Bearer " + issued.secret()))
				.andReturn();
			assertThat(result.getResponse().getStatus()).isNotEqualTo(401);
			assertThat(result.getRequest().getSession(false)).as("no session for a bearer call").isNull();
			assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
		}
		MvcResult refused = mvc.perform(get("/api/me").header("Authorization", "Bearer " + issued.secret() + "x"))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(401);
	}

	/** A clock a test moves forward. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	}
}
