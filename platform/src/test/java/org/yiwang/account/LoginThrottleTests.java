package org.yiwang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.system.RegionScopes;

/**
 * Issue 17, item 10: failed passwords slow the guesser down (per source, per name and source) and never lock the
 * account; an unknown name and a wrong password get the same answer.
 */
@PlatformTest
class LoginThrottleTests {

	static final String PASSWORD = "Strong-pass-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AccountSettings settings;

	@Autowired
	Accounts rows;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private String person() {
		String name = "thr." + UUID.randomUUID().toString().substring(0, 8);
		TestActor.admin().run(() -> accounts.create(new NewAccount(name, "限流测试", AccountKind.PERSON,
				Set.of(Role.BIDDER), null, false, Set.of(), PASSWORD)));
		return name;
	}

	private MockHttpServletResponse signIn(String source, String username, String password) throws Exception {
		return mvc.perform(post("/login").with(csrf()).with(request -> {
			request.setRemoteAddr(source);
			return request;
		}).param("username", username).param("password", password)).andReturn().getResponse();
	}

	@Test
	void an_unknown_name_and_a_wrong_password_get_the_same_answer_however_often_they_are_tried() throws Exception {
		String known = person();
		String unknown = "nobody." + UUID.randomUUID().toString().substring(0, 8);
		String run = Integer.toString((int) (Math.random() * 200) + 10);
		for (int i = 0; i < settings.maxFailedSignIns() + 3; i++) {
			// Each pair from a source of its own, the same for both names: the source throttle stays out of it.
			String source = "198.18." + run + "." + i;
			MockHttpServletResponse wrong = signIn(source, known, "Wrong-pass-" + i);
			MockHttpServletResponse none = signIn(source + "0", unknown, "Wrong-pass-" + i);
			assertThat(none.getStatus()).as("attempt %d", i).isEqualTo(wrong.getStatus());
			assertThat(none.getRedirectedUrl().replace(unknown, "NAME")).as("attempt %d", i)
				.isEqualTo(wrong.getRedirectedUrl().replace(known, "NAME"));
		}
		// Repeated from one source, both back off alike; the answer still does not tell the names apart.
		for (int i = 0; i < settings.maxFailedSignIns() + 2; i++) {
			MockHttpServletResponse wrong = signIn("198.19." + run + ".1", known, "Wrong-pass-" + i);
			MockHttpServletResponse none = signIn("198.19." + run + ".2", unknown, "Wrong-pass-" + i);
			assertThat(none.getRedirectedUrl().replace(unknown, "NAME")).as("repeated attempt %d", i)
				.isEqualTo(wrong.getRedirectedUrl().replace(known, "NAME"));
		}
	}

	/**
	 * Nor does the time it takes: a wrong password and an unknown name each cost one hash of the same kind (scheme
	 * and parameters), however often they are tried. Counted, not timed (a skipped hash would be ~100 times faster, but
	 * a loaded machine makes timings of two calls an unsafe witness).
	 */
	@Test
	void an_unknown_name_costs_the_same_hash_as_a_wrong_password_however_often_it_is_tried() {
		String known = person();
		String unknown = "nobody." + UUID.randomUUID().toString().substring(0, 8);
		String run = Integer.toString((int) (Math.random() * 200) + 10);
		List<String> hashed = new ArrayList<>();
		PasswordEncoder counting = new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return passwords.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				hashed.add(encoded);
				return passwords.matches(raw, encoded);
			}

			@Override
			public boolean upgradeEncoding(String encoded) {
				return passwords.upgradeEncoding(encoded);
			}
		};
		PasswordLogin login = new PasswordLogin(rows, counting, new SignInThrottle(settings), events, transactions,
				new AdjustableClock());
		String stored = RegionScopes.callAsPlatform(
				() -> transactions.execute(s -> rows.byUsername(known).orElseThrow().passwordHash()));
		for (int i = 0; i < settings.maxFailedSignIns() + 3; i++) {
			// Each attempt from a source of its own: no throttle refuses one unchecked.
			String source = "198.18." + run + "." + i;
			hashed.clear();
			assertThatThrownBy(() -> login.authenticate(attempt(known, "Wrong-pass-1", source)))
				.isInstanceOf(BadCredentialsException.class);
			assertThat(hashed).as("wrong password, attempt %d: its hash checked once", i).containsExactly(stored);
			hashed.clear();
			assertThatThrownBy(() -> login.authenticate(attempt(unknown, "Wrong-pass-1", source + "0")))
				.isInstanceOf(BadCredentialsException.class);
			assertThat(hashed).as("unknown name, attempt %d: one hash checked", i).singleElement()
				.satisfies(decoy -> assertThat(kind(decoy)).as("of the same kind").isEqualTo(kind(stored)));
		}
	}

	/** A hash's scheme and parameters: all but its last two {@code $} parts (salt and digest). */
	private static String kind(String hash) {
		return hash.substring(0, hash.lastIndexOf('$', hash.lastIndexOf('$') - 1));
	}


	@Test
	void after_n_failures_from_one_source_its_attempts_are_throttled_and_other_sources_are_not() throws Exception {
		String owner = person();
		String source = "203.0.113." + ((int) (Math.random() * 250) + 1);
		for (int i = 0; i < settings.sourceFailures(); i++) {
			// Every failure under a different made-up name: no name's back-off is involved.
			assertThat(signIn(source, "guess." + UUID.randomUUID().toString().substring(0, 8), "Wrong-pass-1")
				.getRedirectedUrl()).startsWith("/login?error=bad");
		}
		assertThat(signIn(source, owner, PASSWORD).getRedirectedUrl()).as("the right password, from the throttled source")
			.startsWith("/login?error=locked");
		assertThat(signIn("192.0.2.77", owner, PASSWORD).getRedirectedUrl()).as("the owner from elsewhere")
			.isEqualTo("/workspace");
	}

	@Test
	void a_stranger_guessing_forever_never_locks_the_owner_out_and_the_back_off_is_capped() {
		AdjustableClock clock = new AdjustableClock();
		SignInThrottle throttle = new SignInThrottle(new AccountSettings(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
				20, Duration.ofMinutes(15), "unused"));
		PasswordLogin login = new PasswordLogin(rows, passwords, throttle, events, transactions, clock);
		String owner = person();
		Duration longestWait = Duration.ZERO;
		// A stranger tries a wrong password every ten seconds for three hours from one address.
		for (int step = 0; step < 3 * 360; step++) {
			try {
				login.authenticate(attempt(owner, "Wrong-pass-1", "198.51.100.66"));
			}
			catch (LockedException backedOff) {
				Duration wait = throttle.backedOffUntil(owner, clock.instant())
					.map(until -> Duration.between(clock.instant(), until)).orElse(Duration.ZERO);
				longestWait = wait.compareTo(longestWait) > 0 ? wait : longestWait;
			}
			catch (BadCredentialsException wrong) {
				// counted
			}
			if (step == 7) {
				assertThatThrownBy(() -> login.authenticate(attempt(owner, PASSWORD, "198.51.100.66")))
					.as("the guessing source is backed off, even with the right password").isInstanceOf(LockedException.class);
			}
			if (step % 60 == 0) {
				assertThat(login.authenticate(attempt(owner, PASSWORD, "192.0.2.10")).isAuthenticated())
					.as("the owner signs in from home at minute %d", step / 6).isTrue();
			}
			clock.advance(Duration.ofSeconds(10));
		}
		assertThat(longestWait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
		// After the back-off, the guessing source itself may try again: nothing stays locked.
		clock.advance(Duration.ofMinutes(16));
		assertThat(login.authenticate(attempt(owner, PASSWORD, "198.51.100.66")).isAuthenticated()).isTrue();
	}

	private static UsernamePasswordAuthenticationToken attempt(String username, String password, String source) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(source);
		token.setDetails(new WebAuthenticationDetails(request));
		return token;
	}
}
