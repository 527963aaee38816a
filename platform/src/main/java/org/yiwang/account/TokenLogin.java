package org.yiwang.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiwang.account.AccountChanged.AccountEnabledChanged;
import org.yiwang.account.AccountChanged.ApiTokenRevoked;
import org.yiwang.account.AccountChanged.PasswordChanged;
import org.yiwang.system.ApiTokenAuthenticator;
import org.yiwang.system.ClusterFeed;
import org.yiwang.system.ClusterNotified;

/**
 * Bearer tokens of the JSON API: an active token of an enabled account authenticates as that account.
 * <p>
 * What a call costs (issue 25): a token this node has not seen for {@link #REMEMBERED_FOR} is looked up in one
 * statement outside any transaction ({@link Accounts#tokenHolder}: the token, its account, and its last-used mark when
 * that is older than a minute, written without waiting for the disk); a token seen since is answered from memory,
 * with no database work at all. What memory holds is checked on every call against the token's expiry, and forgotten
 * when the token is revoked or its account disabled or its password changed: on the node that did it as soon as that
 * commits, on the other nodes when the cluster feed ({@link ClusterFeed}, PostgreSQL NOTIFY) tells them (milliseconds),
 * and at the latest {@link #REMEMBERED_FOR} after it was read if a notice is lost (a node reconnecting to its feed, a
 * revocation written by SQL outside the platform). No session is created for a bearer call (the API chain is stateless).
 */
@Component
class TokenLogin implements ApiTokenAuthenticator {

	/** How long a token's holder is answered from memory before it is read again: the bound on a lost revocation notice. */
	static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);

	/** The feed's topic: the key is an account whose tokens every node must read again. */
	static final String TOPIC = "account-tokens";

	/** Past this many remembered tokens, memory starts over (a flood of distinct tokens costs reads, not memory). */
	private static final int MOST_REMEMBERED = 10_000;

	private final Accounts accounts;

	private final Clock clock;

	private final ClusterFeed feed;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	/** Bumped by every forgetting: a read that began before it is not remembered (it may predate the change). */
	private long generation;

	private final LongAdder reads = new LongAdder();

	TokenLogin(Accounts accounts, Clock clock, ClusterFeed feed) {
		this.accounts = accounts;
		this.clock = clock;
		this.feed = feed;
	}

	private record Remembered(AccountId account, Instant expiresAt, Instant readAt, SignedInAccount principal) {

		/** A fresh authentication each call: the principal is immutable, the token object is not. */
		Authentication authentication() {
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
		}
	}

	@Override
	public Optional<Authentication> authenticate(String token) {
		if (token == null || !token.startsWith("ywt_") || token.length() > 100) {
			return Optional.empty();
		}
		String hash = AccountManagement.hash(token);
		Instant now = clock.instant();
		Remembered known = remembered.get(hash);
		if (known != null) {
			if (known.expiresAt() != null && !known.expiresAt().isAfter(now)) {
				remembered.remove(hash, known);
				return Optional.empty();
			}
			if (known.readAt().plus(REMEMBERED_FOR).isAfter(now) && !known.readAt().isAfter(now)) {
				return Optional.of(known.authentication());
			}
			remembered.remove(hash, known);
		}
		long before;
		synchronized (this) {
			before = generation;
		}
		reads.increment();
		Optional<Accounts.TokenHolder> holder = accounts.tokenHolder(hash, now);
		if (holder.isEmpty() || !holder.get().account().enabled()) {
			return Optional.empty();
		}
		Remembered read = new Remembered(holder.get().account().id(), holder.get().expiresAt(), now,
				SignedInAccount.of(holder.get().account()));
		synchronized (this) {
			if (generation == before) {
				if (remembered.size() >= MOST_REMEMBERED) {
					remembered.clear();
				}
				remembered.put(hash, read);
			}
		}
		return Optional.of(read.authentication());
	}

	/** How many times a token was read from the database (for tests: a remembered token is not). */
	long reads() {
		return reads.sum();
	}

	/**
	 * A token revoked, an account disabled or its password changed: this node forgets the account's tokens once the
	 * change is committed (forgotten before, a call in between could read the old row again and keep it) and tells
	 * the other nodes to do the same.
	 */
	@EventListener
	void on(AccountChanged change) {
		if (!(change instanceof ApiTokenRevoked || change instanceof AccountEnabledChanged
				|| change instanceof PasswordChanged)) {
			return;
		}
		AccountId account = change.account();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forget(account);
					feed.tell(TOPIC, account.toString());
				}
			});
		}
		else {
			forget(account);
			feed.tell(TOPIC, account.toString());
		}
	}

	/** Another node changed an account's tokens. */
	@EventListener
	void on(ClusterNotified notice) {
		if (TOPIC.equals(notice.topic())) {
			try {
				forget(new AccountId(UUID.fromString(notice.key())));
			}
			catch (IllegalArgumentException e) {
				forgetAll();
			}
		}
	}

	void forget(AccountId account) {
		synchronized (this) {
			generation++;
			remembered.values().removeIf(r -> r.account().equals(account));
		}
	}

	private void forgetAll() {
		synchronized (this) {
			generation++;
			remembered.clear();
		}
	}
}
