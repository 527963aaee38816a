package org.yiwang.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountChanged.AccountLocked;
import org.yiwang.account.AccountChanged.SignedIn;
import org.yiwang.system.RegionScopes;

/**
 * Password sign-in for people. Consecutive wrong passwords lock the account for a while; an unknown name costs as
 * much time as a wrong password, so names cannot be probed. Runs in the platform's scope: nobody is signed in yet.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Accounts accounts;

	private final PasswordEncoder passwords;

	private final AccountSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String decoyHash;

	PasswordLogin(Accounts accounts, PasswordEncoder passwords, AccountSettings settings, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.decoyHash = passwords.encode("decoy-password-for-unknown-names");
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String username = String.valueOf(request.getPrincipal()).strip().toLowerCase();
		String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
		// The outcome is decided and saved in one transaction, and only thrown after it commits, so that a failed
		// attempt's count is kept.
		Object outcome = RegionScopes.callAsPlatform(() -> transactions.execute(status -> attempt(username, password)));
		if (outcome instanceof AuthenticationException refused) {
			throw refused;
		}
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
		if (account.lockedAt(now)) {
			return new LockedException(TIME.format(account.lockedUntil()));
		}
		if (!passwords.matches(password, account.passwordHash())) {
			if (account.failSignIn(now, settings.maxFailedSignIns(), settings.lockout())) {
				events.publishEvent(new AccountLocked(account.actor(), account.id(), account.lockedUntil(),
						account.region(), now));
			}
			accounts.update(account);
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
