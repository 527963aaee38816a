package org.yiwang.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountChanged.SignedIn;
import org.yiwang.system.RegionScopes;

/**
 * Password sign-in for people. An unknown name and a wrong password get the same answer after the same work (one
 * password hash), and repeated failures are slowed by {@link SignInThrottle} (per source, and per username whether it
 * exists or not) instead of locking the account. Runs in the platform's scope: nobody is signed in yet.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(PasswordLogin.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String decoyHash;

	PasswordLogin(Accounts accounts, PasswordEncoder passwords, SignInThrottle throttle,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.throttle = throttle;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.decoyHash = passwords.encode("decoy-password-for-unknown-names");
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String username = String.valueOf(request.getPrincipal()).strip().toLowerCase();
		String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
		String source = request.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		Instant now = clock.instant();
		Optional<Instant> refused = throttle.refusedUntil(source, username, now);
		if (refused.isPresent()) {
			// Refused unchecked and not counted: a throttled guesser learns nothing and prolongs nothing.
			throw new LockedException(TIME.format(refused.get()));
		}
		Object outcome = RegionScopes.callAsPlatform(() -> transactions.execute(status -> attempt(username, password)));
		if (outcome instanceof BadCredentialsException wrong) {
			throttle.failed(source, username, now);
			if (throttle.refusedUntil(source, username, now).isPresent()) {
				log.warn("Sign-in from {} as '{}' backed off after repeated failures", source,
						username.length() > 40 ? username.substring(0, 40) : username);
			}
			throw wrong;
		}
		if (outcome instanceof AuthenticationException other) {
			throw other;
		}
		throttle.succeeded(source, username);
		return (Authentication) outcome;
	}

	private Object attempt(String username, String password) {
		Optional<Account> found = username.length() > 40 ? Optional.empty() : accounts.byUsername(username);
		if (found.isEmpty() || found.get().kind() != AccountKind.PERSON) {
			passwords.matches(password, decoyHash);
			return new BadCredentialsException("bad credentials");
		}
		Account account = found.get();
		Instant now = clock.instant();
		if (!passwords.matches(password, account.passwordHash())) {
			return new BadCredentialsException("bad credentials");
		}
		if (!account.enabled()) {
			return new DisabledException("disabled");
		}
		if (passwords.upgradeEncoding(account.passwordHash())) {
			account.setPasswordHash(passwords.encode(password), now);
		}
		account.signedIn(now);
		accounts.update(account);
		events.publishEvent(new SignedIn(account.actor(), account.id(), account.region(), now));
		SignedInAccount principal = SignedInAccount.of(account);
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
