package org.yiwang.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.ApiTokenAuthenticator;
import org.yiwang.system.RegionScopes;

/** Bearer tokens of the JSON API: an active token of an enabled account authenticates as that account. */
@Component
class TokenLogin implements ApiTokenAuthenticator {

	private final Accounts accounts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	TokenLogin(Accounts accounts, TransactionTemplate transactions, Clock clock) {
		this.accounts = accounts;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Optional<Authentication> authenticate(String token) {
		if (token == null || !token.startsWith("ywt_") || token.length() > 100) {
			return Optional.empty();
		}
		String hash = AccountManagement.hash(token);
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> accounts.byActiveToken(hash, clock.instant())))
			.filter(Account::enabled)
			.map(account -> {
				SignedInAccount principal = SignedInAccount.of(account);
				return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
			});
	}
}
