package org.yiwang.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.account.AccountChanged.AccountCreated;
import org.yiwang.account.AccountChanged.AccountEnabledChanged;
import org.yiwang.account.AccountChanged.AccountUnlocked;
import org.yiwang.account.AccountChanged.ApiTokenIssued;
import org.yiwang.account.AccountChanged.ApiTokenRevoked;
import org.yiwang.account.AccountChanged.PasswordChanged;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The account module's entry point. The platform administrator manages every account; center staff manage the
 * accounts of their own region (city-wide staff: all regions) and may not create administrators or grant a wider
 * scope than their own. The database's row-level security enforces the same scope underneath.
 */
@Service
@EnableConfigurationProperties(AccountSettings.class)
public class AccountManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Usernames the demo data signs up for its market parties (tendering's and the auction's demo entities); they count
	 * as demo accounts, so {@code yiwang.demo=false} disables them, and nobody else may take the prefix then.
	 */
	static final String DEMO_PREFIX = "demo.";

	private final boolean demo;

	private final Accounts accounts;

	private final Catalog catalog;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SignInThrottle throttle;

	private final AccountSettings settings;

	AccountManagement(Accounts accounts, Catalog catalog, PasswordEncoder passwords, ApplicationEventPublisher events,
			Clock clock, SignInThrottle throttle, AccountSettings settings, @Value("${yiwang.demo:true}") boolean demo) {
		this.settings = settings;
		this.throttle = throttle;
		this.demo = demo;
		this.accounts = accounts;
		this.catalog = catalog;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/** The accounts the acting staff may see: their region's, or all for city-wide staff. */
	@Transactional(readOnly = true)
	public List<AccountView> accounts() {
		Acting acting = requireAccountAdministrator();
		return accounts.all().stream().filter(a -> acting.regionScope().covers(a.region())).map(Account::view).toList();
	}

	@Transactional(readOnly = true)
	public AccountView account(AccountId id) {
		Account account = load(requireAccountAdministrator(), id);
		return account.view().backedOffUntil(throttle.backedOffUntil(account.username(), clock.instant()).orElse(null));
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> tokens(AccountId id) {
		load(requireAccountAdministrator(), id);
		return accounts.tokens(id);
	}

	/**
	 * A demo account by its username (README, "Demo accounts"), for the modules that give the demo accounts their demo
	 * records at start; empty for any account that is not a demo account.
	 */
	@Transactional(readOnly = true)
	public Optional<AccountView> demoAccount(String username) {
		return accounts.byUsername(username).filter(Account::demo).map(Account::view);
	}

	/**
	 * Adds a demo account at start (the demo module's people and machine clients), flagged as a demo account so that
	 * {@code yiwang.demo=false} disables it; a person gets the demo password. Empty when the username is taken already
	 * (a restart); refused without demo data. Joins the caller's transaction.
	 */
	@Transactional
	public Optional<AccountView> addDemoAccount(NewDemoAccount request) {
		if (!demo) {
			throw Refusal.forbidden("account.demo.off");
		}
		if (accounts.byUsername(request.username()).isPresent()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		RegionCode region = request.region() != null ? request.region() : catalog.city().code();
		String hash = request.kind() == AccountKind.PERSON ? passwords.encode(settings.demoPassword()) : null;
		Account account = new Account(AccountId.random(), request.username(), request.displayName(), request.kind(),
				request.roles(), region, request.cityWide(), request.industries(), hash, true, true, null, now, now, 0);
		accounts.add(account);
		if (request.token() != null) {
			accounts.addToken(UUID.randomUUID(), account, "demo", request.token().substring(0, 10), hash(request.token()),
					now, null);
		}
		events.publishEvent(new AccountCreated(Actor.SYSTEM, account.id(), account.username(), account.kind(),
				account.roles(), account.cityWide(), region, now));
		return Optional.of(account.view());
	}

	/**
	 * The demo people the sign-in page lists in demo mode (name, role, the demo password); none when demo data is off,
	 * so a production sign-in page never shows an account or a password. The caller sets the platform's region scope
	 * (the page is public, nobody is signed in).
	 */
	@Transactional(readOnly = true)
	public List<DemoSignIn> demoSignIns() {
		if (!demo) {
			return List.of();
		}
		return accounts.demoAccounts().stream()
			.filter(a -> a.demo() && a.enabled() && a.kind() == AccountKind.PERSON)
			// in the order of the roles (administrator, staff, tenderer … intermediary), by username within one
			.sorted(java.util.Comparator.comparingInt((Account a) -> a.roles().stream().mapToInt(Role::ordinal).min()
				.orElse(Integer.MAX_VALUE)).thenComparing(Account::username))
			.map(a -> new DemoSignIn(a.username(), a.displayName(), a.roles(), settings.demoPassword()))
			.toList();
	}

	/** The signed-in account itself. */
	@Transactional(readOnly = true)
	public AccountView me() {
		Acting acting = Actors.required();
		return accounts.byUsername(acting.actor().username()).map(Account::view)
			.orElseThrow(() -> Refusal.notFound("account.notFound"));
	}

	@Transactional
	public AccountView create(NewAccount request) {
		Acting acting = requireAccountAdministrator();
		checkGrant(acting, request);
		RegionCode region = regionFor(request);
		if (!acting.regionScope().covers(region)) {
			throw Refusal.forbidden("account.grant.region");
		}
		String hash = null;
		if (request.kind() == AccountKind.PERSON) {
			PasswordPolicy.check(request.password(), request.username());
			hash = passwords.encode(request.password());
		}
		else if (request.password() != null && !request.password().isEmpty()) {
			throw Refusal.invalid("password", "account.password.machine");
		}
		Instant now = clock.instant();
		Account account = new Account(AccountId.random(), request.username(), request.displayName().strip(), request.kind(),
				request.roles(), region, request.cityWide(), industries(request), hash, true, false, null, now,
				now, 0);
		accounts.add(account);
		events.publishEvent(new AccountCreated(acting.actor(), account.id(), account.username(), account.kind(),
				account.roles(), account.cityWide(), region, now));
		return account.view();
	}

	/** The roles a market participant may give itself when it signs up; staff grant every other role. */
	public static final Set<Role> SELF_SERVICE_ROLES = Set.of(Role.TENDERER, Role.AGENCY, Role.BIDDER,
			Role.GUARANTEE_ISSUER, Role.INTERMEDIARY);

	/**
	 * A market participant signs up for itself (the registry calls this when an entity registers): a person account
	 * filed under the city, holding market roles only. Joins the caller's transaction.
	 */
	@Transactional
	public AccountView signUp(String username, String displayName, Set<Role> roles, String password) {
		if (roles.isEmpty() || !SELF_SERVICE_ROLES.containsAll(roles)) {
			throw Refusal.invalid("roles", "account.roles.selfService");
		}
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
			throw Refusal.invalid("username", "account.username.form");
		}
		if (!demo && username.startsWith(DEMO_PREFIX)) {
			throw Refusal.invalid("username", "account.username.reserved", DEMO_PREFIX);
		}
		PasswordPolicy.check(password, username);
		RegionCode city = catalog.city().code();
		Instant now = clock.instant();
		Account account = new Account(AccountId.random(), username, displayName.strip(), AccountKind.PERSON, roles, city,
				false, Set.of(), passwords.encode(password), true, false, null, now, now, 0);
		accounts.add(account);
		events.publishEvent(new AccountCreated(account.actor(), account.id(), username, AccountKind.PERSON, roles, false,
				city, now));
		return account.view();
	}

	/**
	 * Staff of any region enrol an evaluation expert (the evaluation module's expert pool calls this): a person account
	 * filed under the city with the role EXPERT only, whose password nobody knows; experts sign in with their
	 * certificate ({@link CertificateSignIn}). Joins the caller's transaction.
	 */
	@Transactional
	public AccountView enrolExpert(String username, String displayName) {
		Acting acting = requireAccountAdministrator();
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,39}")) {
			throw Refusal.invalid("username", "account.username.form");
		}
		if (!demo && username.startsWith(DEMO_PREFIX)) {
			throw Refusal.invalid("username", "account.username.reserved", DEMO_PREFIX);
		}
		if (accounts.byUsername(username).isPresent()) {
			throw Refusal.conflict("username", "account.username.taken", username);
		}
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String unknown = "x9" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		RegionCode city = catalog.city().code();
		Instant now = clock.instant();
		Account account = new Account(AccountId.random(), username, displayName.strip(), AccountKind.PERSON,
				Set.of(Role.EXPERT), city, false, Set.of(), passwords.encode(unknown), true, false, null, now, now,
				0);
		accounts.add(account);
		events.publishEvent(new AccountCreated(acting.actor(), account.id(), username, AccountKind.PERSON,
				Set.of(Role.EXPERT), false, city, now));
		return account.view();
	}

	@Transactional
	public AccountView setEnabled(AccountId id, boolean enabled) {
		Acting acting = requireAccountAdministrator();
		Account account = load(acting, id);
		if (account.username().equals(acting.actor().username()) && !enabled) {
			throw Refusal.invalid(null, "account.disableSelf");
		}
		if (account.enabled() != enabled) {
			Instant now = clock.instant();
			account.setEnabled(enabled, now);
			accounts.update(account);
			events.publishEvent(new AccountEnabledChanged(acting.actor(), id, enabled, account.region(), now));
		}
		return account.view();
	}

	@Transactional
	public AccountView unlock(AccountId id) {
		Acting acting = requireAccountAdministrator();
		Account account = load(acting, id);
		Instant now = clock.instant();
		throttle.forget(account.username());
		events.publishEvent(new AccountUnlocked(acting.actor(), id, account.region(), now));
		return account.view();
	}

	/** Staff set a new password for a person who lost theirs. */
	@Transactional
	public AccountView resetPassword(AccountId id, String password) {
		Acting acting = requireAccountAdministrator();
		Account account = load(acting, id);
		return changePassword(acting, account, password);
	}

	/** A person changes their own password, proving the current one. */
	@Transactional
	public AccountView changeOwnPassword(String current, String password) {
		Acting acting = Actors.required();
		refuseUnderSupport(acting);
		Account account = accounts.byUsername(acting.actor().username())
			.orElseThrow(() -> Refusal.notFound("account.notFound"));
		if (account.passwordHash() == null || current == null || !passwords.matches(current, account.passwordHash())) {
			throw Refusal.invalid("current", "account.password.currentWrong");
		}
		return changePassword(acting, account, password);
	}

	private AccountView changePassword(Acting acting, Account account, String password) {
		if (account.kind() != AccountKind.PERSON) {
			throw Refusal.invalid("password", "account.password.machine");
		}
		PasswordPolicy.check(password, account.username());
		Instant now = clock.instant();
		account.setPasswordHash(passwords.encode(password), now);
		accounts.update(account);
		events.publishEvent(new PasswordChanged(acting.actor(), account.id(), account.region(), now));
		return account.view();
	}

	/**
	 * Staff issue an API token for a machine client; its secret is returned this once and only its hash is kept. A
	 * person's tokens are the person's own ({@link #issueOwnToken}): staff holding one could act as that person
	 * unseen, so it is refused (support access is the traced way to act for a person).
	 */
	@Transactional
	public IssuedToken issueToken(AccountId id, String name, Integer validDays) {
		Acting acting = requireAccountAdministrator();
		Account account = load(acting, id);
		if (account.kind() == AccountKind.PERSON) {
			throw Refusal.forbidden("account.token.personOwnOnly");
		}
		return issue(acting, account, name, validDays);
	}

	/** A person issues an API token for themselves (for the bid tool or their own scripts); never under support access. */
	@Transactional
	public IssuedToken issueOwnToken(String name, Integer validDays) {
		Acting acting = Actors.required();
		refuseUnderSupport(acting);
		Account account = accounts.byUsername(acting.actor().username()).filter(a -> a.kind() == AccountKind.PERSON)
			.orElseThrow(() -> Refusal.notFound("account.notFound"));
		return issue(acting, account, name, validDays);
	}

	/** The signed-in person's own tokens. */
	@Transactional(readOnly = true)
	public List<ApiTokenView> ownTokens() {
		Acting acting = Actors.required();
		return accounts.byUsername(acting.actor().username()).map(a -> accounts.tokens(a.id())).orElse(List.of());
	}

	/** Staff acting for a person under support access may not take the person's credentials or change them. */
	static void refuseUnderSupport(Acting acting) {
		if (acting.actor().supportedBy() != null) {
			throw Refusal.forbidden("account.support.notAllowed");
		}
	}

	private IssuedToken issue(Acting acting, Account account, String name, Integer validDays) {
		AccountId id = account.id();
		if (name == null || name.isBlank() || name.strip().length() > 60) {
			throw Refusal.invalid("name", "account.token.name");
		}
		if (validDays != null && (validDays < 1 || validDays > 3650)) {
			throw Refusal.invalid("validDays", "account.token.validDays");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "ywt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = clock.instant();
		Instant expiresAt = validDays == null ? null : now.plus(Duration.ofDays(validDays));
		UUID tokenId = UUID.randomUUID();
		accounts.addToken(tokenId, account, name.strip(), secret.substring(0, 10), hash(secret), now, expiresAt);
		events.publishEvent(new ApiTokenIssued(acting.actor(), id, tokenId, name.strip(), expiresAt, account.region(), now));
		return new IssuedToken(accounts.token(id, tokenId).orElseThrow(), secret);
	}

	@Transactional
	public void revokeToken(AccountId id, UUID tokenId) {
		Acting acting = requireAccountAdministrator();
		Account account = load(acting, id);
		accounts.token(id, tokenId).orElseThrow(() -> Refusal.notFound("account.token.notFound"));
		Instant now = clock.instant();
		accounts.revokeToken(tokenId, now);
		events.publishEvent(new ApiTokenRevoked(acting.actor(), id, tokenId, account.region(), now));
	}

	static String hash(String secret) {
		return Sha256.hex(secret);
	}

	private Account load(Acting acting, AccountId id) {
		// Out of scope and absent look the same: nobody learns of another district's accounts.
		return accounts.byId(id).filter(a -> acting.regionScope().covers(a.region()))
			.orElseThrow(() -> Refusal.notFound("account.notFound"));
	}

	private RegionCode regionFor(NewAccount request) {
		RegionView city = catalog.city();
		boolean scoped = request.roles().stream().anyMatch(Role::isRegionScoped);
		if (!scoped || request.cityWide()) {
			if (request.region() != null && !request.region().isBlank() && !request.region().equals(city.code().value())
					&& !scoped) {
				throw Refusal.invalid("region", "account.region.cityOnly", city.nameZh());
			}
			return city.code();
		}
		if (request.region() == null || request.region().isBlank()) {
			throw Refusal.invalid("region", "account.region.required");
		}
		RegionCode region = RegionCode.of(request.region());
		RegionView known = catalog.region(region).orElseThrow(() -> Refusal.invalid("region", "account.region.unknown",
				request.region()));
		if (!known.active()) {
			throw Refusal.invalid("region", "account.region.inactive", known.nameZh());
		}
		return region;
	}

	private static void checkGrant(Acting acting, NewAccount request) {
		if (!acting.hasRole(Role.PLATFORM_ADMIN)) {
			if (request.roles().contains(Role.PLATFORM_ADMIN)) {
				throw Refusal.forbidden("account.grant.admin");
			}
			if (request.cityWide() && !acting.regionScope().all()) {
				throw Refusal.forbidden("account.grant.cityWide");
			}
		}
		if (request.roles().contains(Role.API_CLIENT) != (request.kind() == AccountKind.MACHINE)) {
			throw Refusal.invalid("roles", "account.roles.apiClient");
		}
		if (!request.industries().isEmpty() && !request.roles().contains(Role.REGULATOR)) {
			throw Refusal.invalid("industries", "account.industries.regulatorOnly");
		}
		if (request.roles().contains(Role.REGULATOR) && request.industries().isEmpty()) {
			throw Refusal.invalid("industries", "account.industries.required");
		}
	}

	private Set<CategoryCode> industries(NewAccount request) {
		return request.industries().stream().map(code -> {
			CategoryCode category = CategoryCode.of(code);
			if (catalog.findCategory(category).isEmpty()) {
				throw Refusal.invalid("industries", "catalog.category.notFound", code);
			}
			return category;
		}).collect(Collectors.toSet());
	}

	private static Acting requireAccountAdministrator() {
		return Actors.requireAnyRole("account.adminOnly", Role.PLATFORM_ADMIN, Role.CENTER_STAFF);
	}
}
