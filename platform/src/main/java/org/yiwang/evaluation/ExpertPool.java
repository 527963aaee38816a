package org.yiwang.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.evaluation.ExpertChanged.ExpertCertificateBound;
import org.yiwang.evaluation.ExpertChanged.ExpertCreditRecorded;
import org.yiwang.evaluation.ExpertChanged.ExpertRegistered;
import org.yiwang.evaluation.ExpertChanged.ExpertUnavailable;
import org.yiwang.evaluation.ExpertChanged.ExpertUpdated;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.pki.CertificateView;
import org.yiwang.pki.TrialCertificateDesk;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyAlgorithm;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

import jakarta.validation.Validator;

/**
 * The expert pool (专家库), city-wide: every staff member and regulator may read it; staff maintain the experts whose
 * home region they cover (city-wide staff: all). Each expert gets a person account with the role EXPERT and signs in
 * with a certificate bound here, valid in the trust store.
 */
@Service
public class ExpertPool {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Experts experts;

	private final AccountManagement accounts;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final TrustStore trustStore;

	private final TrialCertificateDesk demoCertificates;

	private final ExpertRefusals refusals;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Validator validator;

	ExpertPool(Experts experts, AccountManagement accounts, EntityRegistry registry, Catalog catalog,
			TrustStore trustStore, TrialCertificateDesk demoCertificates, ExpertRefusals refusals,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock, Validator validator) {
		this.validator = validator;
		this.experts = experts;
		this.accounts = accounts;
		this.registry = registry;
		this.catalog = catalog;
		this.trustStore = trustStore;
		this.demoCertificates = demoCertificates;
		this.refusals = refusals;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	public List<ExpertSpecialty> specialties() {
		return transactions.execute(status -> experts.specialties());
	}

	/** The whole pool (without credit details), for staff and regulators. */
	public List<ExpertView> experts() {
		requireReader();
		return transactions.execute(status -> experts.all());
	}

	public ExpertView expert(UUID id) {
		requireReader();
		return transactions.execute(status -> experts.byId(id)).orElseThrow(ExpertPool::notFound);
	}

	/** The signed-in expert's own record. */
	public ExpertView me() {
		Acting acting = Actors.requireAnyRole("evaluation.expert.expertOnly", Role.EXPERT);
		return transactions.execute(status -> experts.byUsername(acting.actor().username()))
			.orElseThrow(() -> Refusal.notFound("evaluation.expert.notInPool"));
	}

	/** Registers an expert with a new account; staff covering the expert's home region only. */
	public ExpertView register(NewExpert expert) {
		Acting acting = requireMaintainer();
		// The account is filed under the city (experts act city-wide) and the pool is city-wide; staff of a district
		// register experts of their region, so the writes run in the platform's scope once the module checked that.
		return RegionScopes.callAsPlatform(() -> refusals.audited("expert.registration", "expert:" + expert.username(),
				() -> {
					RegionCode home = checkDetails(acting, expert, new UUID(0, 0));
					UUID employer = employer(expert);
					AccountView account = accounts.enrolExpert(expert.username(), expert.name());
					UUID id = UUID.randomUUID();
					Instant now = clock.instant();
					experts.add(id, account.id().value(), expert, employer, acting.actor().username(), now);
					events.publishEvent(new ExpertRegistered(acting.actor(), id, expert.username(),
							expert.specialties().stream().sorted().toList(), home, now));
					return experts.byId(id).orElseThrow();
				}));
	}

	/**
	 * With demo data on, at start: an existing demo account (the demo module's {@code expert} … {@code expert9}) joins
	 * the pool with a demo-CA SM2 certificate bound (its key is not kept: the expert downloads a fresh one, which
	 * rebinds). Empty when the account is no demo account or already in the pool. The caller runs it in the platform's
	 * scope, signed in as staff, inside its transaction.
	 */
	public java.util.Optional<ExpertView> addDemoExpert(NewExpert expert) {
		Acting acting = requireMaintainer();
		if (!demoCertificates.available()) {
			throw Refusal.forbidden("pki.demo.off");
		}
		var account = accounts.demoAccount(expert.username()).orElse(null);
		if (account == null || experts.byUsername(expert.username()).isPresent()) {
			return java.util.Optional.empty();
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		experts.add(id, account.id().value(), expert, employer(expert), acting.actor().username(), now);
		IssuedCredentials credentials = demoCertificates.issue(expert.name(), CreditCode.of(expert.employerCreditCode()),
				KeyAlgorithm.SM2);
		byte[] pem = credentials.certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		var view = trustStore.inspect(pem);
		experts.bindCertificate(id, pem, view.fingerprint(), view.subject(), view.notAfter(), now);
		events.publishEvent(new ExpertRegistered(acting.actor(), id, expert.username(),
				expert.specialties().stream().sorted().toList(), RegionCode.of(expert.homeRegion()), now));
		return experts.byId(id);
	}

	/** New details; {@code seenVersion} is the version the staff member edited. */
	public ExpertView update(UUID id, long seenVersion, NewExpert details) {
		Acting acting = requireMaintainer();
		return refusals.audited("expert.update", "expert:" + id, () -> {
			ExpertView current = maintained(acting, id);
			RegionCode home = checkDetails(acting, details, id);
			UUID employer = employer(details);
			Instant now = clock.instant();
			if (!experts.update(id, seenVersion, details, employer, now)) {
				throw Refusal.conflict(null, "evaluation.expert.changed");
			}
			events.publishEvent(new ExpertUpdated(acting.actor(), current.id(), details.specialties().stream().sorted()
				.toList(), home, now));
			return experts.byId(id).orElseThrow();
		});
	}

	/**
	 * Binds the expert's certificate (PEM or DER): valid in the trust store now (trusted chain, dates, not revoked;
	 * SM2, ECDSA or RSA) and bound to nobody else.
	 */
	public ExpertView bindCertificate(UUID id, byte[] certificate) {
		Acting acting = requireMaintainer();
		return refusals.auditedAround("expert.certificate", "expert:" + id, () -> {
			if (certificate != null && certificate.length > 0) {
				refuseWhileSeated(id, trustStore.inspect(certificate).fingerprint());
			}
			return transactions.execute(status -> bind(acting, maintained(acting, id), certificate));
		});
	}

	/**
	 * A committee seat is bound to the certificate the expert held when drawn: score sheets and the report are signed
	 * with it until the evaluation is reported. Binding another certificate meanwhile would leave the expert unable
	 * to sign (a fresh demo key also replaces the one downloaded before, which the platform does not keep), so it is
	 * refused, naming the evaluations; a trading center would not let a member's signing key change mid-evaluation
	 * without staff seeing to it. Read in the platform's scope: the seats may lie in any district.
	 */
	private void refuseWhileSeated(UUID expert, String newFingerprint) {
		List<String> running = RegionScopes.callAsPlatform(() -> transactions
			.execute(status -> experts.runningSeatsBoundElsewhere(expert, newFingerprint, clock.instant())));
		if (!running.isEmpty()) {
			throw Refusal.conflict("certificate", "evaluation.expert.certificate.seated", String.join("、", running));
		}
	}

	private ExpertView bind(Acting acting, ExpertView expert, byte[] certificate) {
		if (certificate == null || certificate.length == 0) {
			throw Refusal.invalid("certificate", "evaluation.expert.certificate.required");
		}
		CertificateView view = trustStore.validate(certificate);
		if (view.authority()) {
			throw Refusal.invalid("certificate", "evaluation.expert.certificate.authority");
		}
		experts.boundTo(view.fingerprint()).filter(other -> !other.equals(expert.id())).ifPresent(other -> {
			throw Refusal.conflict("certificate", "evaluation.expert.certificate.taken");
		});
		Instant now = clock.instant();
		experts.bindCertificate(expert.id(), certificate, view.fingerprint(),
				view.subject(), view.notAfter(), now);
		events.publishEvent(new ExpertCertificateBound(acting.actor(), expert.id(), view.fingerprint(),
				expert.homeRegion(), now));
		return experts.byId(expert.id()).orElseThrow();
	}

	/**
	 * With demo data on, a signed-in expert gets a fresh demo SM2 certificate and its key (the demo CA issues it),
	 * bound to them at once, so that a newcomer can sign the sign-in challenge with the bid tool.
	 */
	public IssuedCredentials demoKey() {
		Acting acting = Actors.requireAnyRole("evaluation.expert.expertOnly", Role.EXPERT);
		if (!demoCertificates.available()) {
			throw Refusal.forbidden("pki.demo.off");
		}
		return refusals.auditedAround("expert.demoKey", "expert:" + acting.actor().username(), () -> {
			ExpertView seated = transactions.execute(status -> experts.byUsername(acting.actor().username()))
				.orElseThrow(() -> Refusal.notFound("evaluation.expert.notInPool"));
			// a fresh key is never the one a seat is bound to
			refuseWhileSeated(seated.id(), "");
			return transactions.execute(status -> issueDemoKey(acting));
		});
	}

	private IssuedCredentials issueDemoKey(Acting acting) {
		ExpertView me = experts.byUsername(acting.actor().username())
			.orElseThrow(() -> Refusal.notFound("evaluation.expert.notInPool"));
		String creditCode = me.employerCreditCode() != null ? me.employerCreditCode()
				: demoCreditCode(me.homeRegion());
		IssuedCredentials credentials = demoCertificates.issue(me.name(), CreditCode.of(creditCode), KeyAlgorithm.SM2);
		bind(acting, me, credentials.certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		return credentials;
	}

	public ExpertView addUnavailability(UUID id, LocalDate from, LocalDate until, String reason) {
		Acting acting = requireMaintainer();
		return refusals.audited("expert.unavailability", "expert:" + id, () -> {
			ExpertView expert = maintained(acting, id);
			if (from == null) {
				throw Refusal.invalid("from", "evaluation.expert.from.required");
			}
			if (until == null || until.isBefore(from)) {
				throw Refusal.invalid("until", "evaluation.expert.until.beforeFrom");
			}
			String why = text(reason, 200, "reason", "evaluation.expert.reason.required");
			Instant now = clock.instant();
			experts.addUnavailability(id, from, until, why, acting.actor().username(), now);
			events.publishEvent(new ExpertUnavailable(acting.actor(), id, from, until, expert.homeRegion(), now));
			return experts.byId(id).orElseThrow();
		});
	}

	/**
	 * A regulator bars an expert of its regions from draws until a day, by a signed decision of its own (the
	 * supervision module checks the signature and names the decision in {@code reason}). Recorded as a blacklisting.
	 */
	public ExpertView bar(UUID id, LocalDate until, String reason) {
		Acting acting = Actors.requireAnyRole("evaluation.expert.regulatorOnly", Role.REGULATOR);
		return refusals.audited("expert.bar", "expert:" + id, () -> {
			ExpertView expert = maintained(acting, id);
			LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
			if (until == null || until.isBefore(today)) {
				throw Refusal.invalid("until", "evaluation.expert.credit.until");
			}
			String text = text(reason, 500, "reason", "evaluation.expert.credit.note");
			Instant now = clock.instant();
			experts.addCredit(id, ExpertCreditKind.BLACKLIST, null, text, today, until, acting.actor().username(), now);
			events.publishEvent(new ExpertCreditRecorded(acting.actor(), id, ExpertCreditKind.BLACKLIST, null, until,
					expert.homeRegion(), now));
			return experts.byId(id).orElseThrow();
		});
	}

	/** A rating (1–5), a warning, or blacklisting until a day (no draw meanwhile). */
	public ExpertView recordCredit(UUID id, ExpertCreditKind kind, Integer rating, String note, LocalDate until) {
		Acting acting = requireMaintainer();
		return refusals.audited("expert.credit", "expert:" + id, () -> {
			ExpertView expert = maintained(acting, id);
			if (kind == null) {
				throw Refusal.invalid("kind", "evaluation.expert.credit.kind");
			}
			if ((kind == ExpertCreditKind.RATING) != (rating != null) || (rating != null && (rating < 1 || rating > 5))) {
				throw Refusal.invalid("rating", "evaluation.expert.credit.rating");
			}
			LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
			if (kind == ExpertCreditKind.BLACKLIST && (until == null || until.isBefore(today))) {
				throw Refusal.invalid("until", "evaluation.expert.credit.until");
			}
			String text = text(note, 500, "note", "evaluation.expert.credit.note");
			Instant now = clock.instant();
			experts.addCredit(id, kind, rating, text, today, kind == ExpertCreditKind.BLACKLIST ? until : null,
					acting.actor().username(), now);
			events.publishEvent(new ExpertCreditRecorded(acting.actor(), id, kind, rating,
					kind == ExpertCreditKind.BLACKLIST ? until : null, expert.homeRegion(), now));
			return experts.byId(id).orElseThrow();
		});
	}

	/** The regions staff may pick as a home region: the active ones the actor covers. */
	public List<RegionView> homeRegions() {
		Acting acting = requireMaintainer();
		return catalog.regions().stream().filter(RegionView::active).filter(r -> acting.regionScope().covers(r.code()))
			.toList();
	}

	private RegionCode checkDetails(Acting acting, NewExpert expert, UUID self) {
		valid(validator, expert);
		RegionCode home = RegionCode.of(expert.homeRegion());
		RegionView region = catalog.region(home)
			.orElseThrow(() -> Refusal.invalid("homeRegion", "account.region.unknown", expert.homeRegion()));
		if (!region.active()) {
			throw Refusal.invalid("homeRegion", "account.region.inactive", region.nameZh());
		}
		if (!acting.regionScope().covers(home)) {
			throw Refusal.forbidden("evaluation.expert.regionNotCovered", region.nameZh());
		}
		for (String specialty : expert.specialties()) {
			if (!experts.specialtyExists(specialty)) {
				throw Refusal.invalid("specialties", "evaluation.expert.specialty.unknown", specialty);
			}
		}
		if (!idNumberChecks(expert.idNumber())) {
			throw Refusal.invalid("idNumber", "evaluation.expert.idNumber.check");
		}
		if (experts.idNumberTaken(expert.idNumber(), self)) {
			throw Refusal.conflict("idNumber", "evaluation.expert.idNumber.taken");
		}
		if (expert.employerCreditCode() != null && CreditCode.problem(expert.employerCreditCode()).isPresent()) {
			throw Refusal.invalid("employerCreditCode", "evaluation.expert.employerCreditCode.check");
		}
		return home;
	}

	/** The employer's registry entity when it is registered under the credit code given. */
	private UUID employer(NewExpert expert) {
		if (expert.employerCreditCode() == null) {
			return null;
		}
		return registry.findByCreditCode(CreditCode.of(expert.employerCreditCode())).map(EntityView::id)
			.map(e -> e.value())
			.orElse(null);
	}

	private ExpertView maintained(Acting acting, UUID id) {
		ExpertView expert = experts.byId(id).orElseThrow(ExpertPool::notFound);
		if (!acting.regionScope().covers(expert.homeRegion())) {
			throw Refusal.forbidden("evaluation.expert.regionNotCovered", expert.homeRegion().value());
		}
		return expert;
	}

	private static String text(String value, int max, String field, String key) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			throw Refusal.invalid(field, key, max);
		}
		return value.strip();
	}

	/** A made-up valid credit code under the region, for a demo certificate of an expert without an employer code. */
	private static String demoCreditCode(RegionCode region) {
		String first17 = "91" + region.value() + "MA5YWTE01";
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** The check character of a resident ID number (GB 11643-1999) over its first 17 digits. */
	static boolean idNumberChecks(String idNumber) {
		return checkCharacter(idNumber) == idNumber.charAt(17);
	}

	/** The check character (GB 11643-1999) of a resident ID number from its first 17 digits. */
	public static char checkCharacter(String idNumber) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (idNumber.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	/** The first constraint violation of a command as a refusal on its field, with the constraint's message key. */
	static <T> void valid(Validator validator, T command) {
		if (command == null) {
			throw Refusal.invalid(null, "evaluation.expert.incomplete");
		}
		validator.validate(command).stream()
			.min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
			.ifPresent(v -> {
				String template = v.getMessageTemplate();
				String key = template.startsWith("{") ? template.substring(1, template.length() - 1) : template;
				throw Refusal.invalid(v.getPropertyPath().toString().replaceAll("\\[.*\\]|<.*>|\\..*", ""), key,
						String.valueOf(v.getInvalidValue()));
			});
	}

	static Refusal notFound() {
		return Refusal.notFound("evaluation.expert.notFound");
	}

	static Acting requireMaintainer() {
		return Actors.requireAnyRole("evaluation.expert.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	static Acting requireReader() {
		return Actors.requireAnyRole("evaluation.expert.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN,
				Role.REGULATOR);
	}
}
