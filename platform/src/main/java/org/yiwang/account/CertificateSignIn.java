package org.yiwang.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountChanged.SignedIn;
import org.yiwang.kernel.Role;
import org.yiwang.system.RegionScopes;

/**
 * Sign-in by a certificate: the module that binds certificates to people (the evaluation module's expert pool) has
 * checked a signature over a one-time challenge with the person's bound certificate, and asks here for the session
 * principal of that account. Only an enabled person account holding the role gets one; the sign-in is
 * recorded like a password sign-in. A password back-off does not apply: strangers' guesses must not keep the key's
 * holder out. Empty otherwise, with no hint why (the caller shows one refusal for all).
 */
@Service
public class CertificateSignIn {

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CertificateSignIn(Accounts accounts, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The authenticated principal of the account, after the caller verified the certificate's signature. */
	public Optional<Authentication> signIn(String username, Role role) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			Optional<Account> found = accounts.byUsername(username);
			Instant now = clock.instant();
			if (found.isEmpty() || found.get().kind() != AccountKind.PERSON || !found.get().enabled()
					|| !found.get().roles().contains(role)) {
				return Optional.<Authentication>empty();
			}
			Account account = found.get();
			account.signedIn(now);
			accounts.update(account);
			events.publishEvent(new SignedIn(account.actor(), account.id(), account.region(), now));
			SignedInAccount principal = SignedInAccount.of(account);
			return Optional.<Authentication>of(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		}));
	}
}
