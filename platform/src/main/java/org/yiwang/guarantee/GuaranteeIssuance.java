package org.yiwang.guarantee;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.guarantee.GuaranteeChanged.GuaranteeApplied;
import org.yiwang.guarantee.GuaranteeChanged.GuaranteeIssued;
import org.yiwang.guarantee.GuaranteeChanged.GuaranteeLetterRefused;
import org.yiwang.guarantee.GuaranteeChanged.IssuerRegistered;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntitySignature;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * E-guarantees (电子保函) from application to recorded letter. Staff register issuers and the machine account that
 * acts for each; an approved bidder applies on a trade code choosing an issuer; the issuer's system fetches its
 * pending applications and posts the signed letter back. The letter is recorded only when the signature is the
 * issuer's (a trusted certificate bound to it in the registry) and every field matches what the trade asks for;
 * a refusal records nothing but the refusal itself in the audit log.
 *
 * <p>Applications carry the trade's region and are region-scoped in the database for staff. Bidders and issuers
 * act city-wide on their own records only: this class picks those records by the acting entity and then reads them
 * in the platform's scope.
 */
@Service
public class GuaranteeIssuance {

	/** 1 MB: as base64 inside a JSON body it stays under the 2 MB request limit. */
	static final int MAX_PDF_BYTES = 1024 * 1024;

	private static final Pattern LETTER_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,63}");

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

	/** No 0/O, 1/I/L: read aloud and typed from paper. */
	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Requirements requirements;

	private final Issuers issuers;

	private final Applications applications;

	private final Letters letters;

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GuaranteeIssuance(Requirements requirements, Issuers issuers, Applications applications, Letters letters,
			EntityRegistry registry, EntityCertificates certificates, Catalog catalog, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.requirements = requirements;
		this.issuers = issuers;
		this.applications = applications;
		this.letters = letters;
		this.registry = registry;
		this.certificates = certificates;
		this.catalog = catalog;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * City-wide staff register an issuer: an approved organisation holding the guarantee-issuer role, with the
	 * username of the machine account (roles API_CLIENT and GUARANTEE_ISSUER) that will post its letters.
	 */
	public IssuerView registerIssuer(String issuerCreditCode, String clientUsername) {
		Acting staff = Actors.required();
		if (!staff.actsCityWide()) {
			throw Refusal.forbidden("guarantee.issuer.cityWideOnly");
		}
		return platform(() -> {
			if (issuerCreditCode == null || CreditCode.problem(issuerCreditCode.strip()).isPresent()) {
				throw Refusal.invalid("issuerCreditCode", "guarantee.issuer.unknown");
			}
			EntityView entity = registry.findByCreditCode(CreditCode.of(issuerCreditCode.strip()))
				.orElseThrow(() -> Refusal.invalid("issuerCreditCode", "guarantee.issuer.unknown"));
			if (!entity.holds(EntityRole.GUARANTEE_ISSUER)) {
				throw Refusal.invalid("issuerCreditCode", "guarantee.issuer.notIssuer", entity.name());
			}
			if (clientUsername == null || !USERNAME.matcher(clientUsername.strip()).matches()) {
				throw Refusal.invalid("clientUsername", "guarantee.issuer.clientForm");
			}
			if (issuers.byEntity(entity.id()).isPresent()) {
				throw Refusal.conflict("issuerCreditCode", "guarantee.issuer.duplicate");
			}
			Instant now = clock.instant();
			IssuerView issuer = new IssuerView(entity.id(), entity.name(), entity.creditCode(), clientUsername.strip(), now);
			issuers.add(issuer, staff.actor().username());
			events.publishEvent(new IssuerRegistered(staff.actor(), entity.id(), issuer.clientUsername(),
					catalog.city().code(), now));
			return issuer;
		});
	}

	/** The issuers a bidder may choose from; only staff see which machine account acts for each. */
	public List<IssuerView> issuers() {
		Acting acting = Actors.required();
		boolean staff = acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN);
		return platform(issuers::all).stream()
			.map(i -> staff ? i : new IssuerView(i.entity(), i.name(), i.creditCode(), null, i.registeredAt()))
			.toList();
	}

	/**
	 * The signed-in bidder applies for a guarantee on a trade from a registered issuer. Applying again for the same
	 * trade from the same issuer returns the first application.
	 */
	public ApplicationView apply(String tradeCode, String issuerId) {
		Acting bidder = Actors.required();
		if (!bidder.hasRole(Role.BIDDER)) {
			throw Refusal.forbidden("guarantee.bidderOnly");
		}
		return platform(() -> {
			EntityView applicant = myBidderEntity();
			if (!TradeCode.isValid(tradeCode)) {
				throw Refusal.invalid("tradeCode", "guarantee.tradeCode.form");
			}
			RequirementView requirement = requirements.byTradeCode(TradeCode.of(tradeCode))
				.orElseThrow(() -> Refusal.invalid("tradeCode", "guarantee.requirement.notFound"));
			if (requirement.bidValidityEnd().isBefore(today())) {
				throw Refusal.conflict("tradeCode", "guarantee.requirement.closed");
			}
			IssuerView issuer = parseEntity(issuerId).flatMap(issuers::byEntity)
				.orElseThrow(() -> Refusal.invalid("issuer", "guarantee.issuer.unknown"));
			Optional<ApplicationView> open = applications.open(requirement.id(), applicant.id(), issuer.entity());
			if (open.isPresent()) {
				return open.get();
			}
			Instant now = clock.instant();
			ApplicationView application = new ApplicationView(UUID.randomUUID(), requirement.tradeCode(),
					requirement.sectionName(), requirement.beneficiary(), requirement.beneficiaryName(),
					requirement.beneficiaryCreditCode(), applicant.id(), applicant.name(), applicant.creditCode(),
					issuer.entity(), issuer.name(), requirement.amount(), requirement.bidValidityEnd(),
					ApplicationStatus.PENDING, now);
			applications.add(application, requirement, bidder.actor().username());
			events.publishEvent(new GuaranteeApplied(bidder.actor(), application.id(), application.tradeCode(),
					applicant.id(), issuer.entity(), application.amount(), requirement.region(), now));
			return application;
		});
	}

	/** The signed-in bidder's applications, newest first; none when it acts for no entity. */
	public List<ApplicationView> myApplications() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> applications.ofApplicant(e.id())).orElse(List.of()));
	}

	/** The signed-in bidder's recorded guarantees, with their verification codes. */
	public List<GuaranteeView> myGuarantees() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> letters.ofApplicant(e.id())).orElse(List.of()));
	}

	/** The applications waiting for the issuer the signed-in machine account acts for. */
	public List<ApplicationView> pendingApplications() {
		IssuerView issuer = myIssuer();
		return platform(() -> applications.pendingFor(issuer.entity()));
	}

	/**
	 * The issuer's system posts the letter for an application. Under an idempotency key already used, the same body
	 * gets the first answer again and a different body is a conflict. Otherwise the letter is recorded only when the
	 * signature over {@link CanonicalLetter} is the issuer's and every field matches the application; any refusal
	 * records nothing of the letter and is audited.
	 */
	public LetterReceipt submitLetter(UUID applicationId, String idempotencyKey, LetterSubmission letter) {
		IssuerView issuer = myIssuer();
		Acting client = Actors.required();
		if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw Refusal.invalid("Idempotency-Key", "guarantee.idempotency.keyForm");
		}
		if (letter == null) {
			throw Refusal.invalid(null, "guarantee.letter.incomplete");
		}
		String requestSha256 = requestFingerprint(applicationId, letter);
		try {
			return platform(() -> record(client, issuer, applicationId, idempotencyKey, requestSha256, letter));
		}
		catch (DuplicateKeyException e) {
			// A concurrent call with the same key or letter number won the race; its answer stands.
			throw Refusal.conflict("letterNumber", "guarantee.letter.concurrent");
		}
		catch (Refusal refusal) {
			if (refusal.status() != HttpStatus.NOT_FOUND) {
				auditRefusal(client, applicationId, letter, refusal);
			}
			throw refusal;
		}
	}

	private LetterReceipt record(Acting client, IssuerView issuer, UUID applicationId, String key, String requestSha256,
			LetterSubmission s) {
		Optional<Letters.Key> used = letters.key(client.actor().username(), key);
		if (used.isPresent()) {
			if (!used.get().requestSha256().equals(requestSha256)) {
				throw Refusal.conflict("Idempotency-Key", "guarantee.idempotency.keyReused");
			}
			return new LetterReceipt(letters.byId(used.get().letter()).orElseThrow(), true);
		}
		ApplicationView application = applications.byId(applicationId)
			.filter(a -> a.issuer().equals(issuer.entity()))
			.orElseThrow(() -> Refusal.notFound("guarantee.application.notFound"));
		if (application.status() != ApplicationStatus.PENDING) {
			throw Refusal.conflict(null, "guarantee.application.notPending");
		}
		if (s.letterNumber() == null || !LETTER_NUMBER.matcher(s.letterNumber()).matches()) {
			throw Refusal.invalid("letterNumber", "guarantee.letter.numberForm");
		}
		if (!TradeCode.isValid(s.tradeCode())) {
			throw Refusal.invalid("tradeCode", "guarantee.tradeCode.form");
		}
		for (String[] code : new String[][] { { "beneficiaryCreditCode", s.beneficiaryCreditCode() },
				{ "applicantCreditCode", s.applicantCreditCode() } }) {
			if (code[1] == null || CreditCode.problem(code[1]).isPresent()) {
				throw Refusal.invalid(code[0], "guarantee.letter.creditCodeForm");
			}
		}
		Money amount = BidSecurity.amount("amount", s.amount());
		if (s.validFrom() == null || s.validUntil() == null || s.validUntil().isBefore(s.validFrom())) {
			throw Refusal.invalid("validUntil", "guarantee.letter.period");
		}
		byte[] pdf = base64("pdf", s.pdf(), "guarantee.letter.pdfMissing");
		if (pdf.length > MAX_PDF_BYTES) {
			throw Refusal.invalid("pdf", "guarantee.letter.pdfTooLarge", MAX_PDF_BYTES / 1024);
		}
		if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
			throw Refusal.invalid("pdf", "guarantee.letter.notPdf");
		}
		byte[] signature = base64("signature", s.signature(), "guarantee.letter.signatureMissing");
		SignatureAlgorithm algorithm = algorithm(s.algorithm());
		byte[] certificate = certificate(s.certificate());

		CanonicalLetter canonical = new CanonicalLetter(s.letterNumber(), TradeCode.of(s.tradeCode()),
				s.beneficiaryCreditCode(), s.applicantCreditCode(), amount, s.validFrom(), s.validUntil(),
				Sha256.hex(pdf));
		byte[] signed = canonical.bytes();
		EntitySignature verdict = certificates.verify(issuer.entity(), signed, signature, algorithm, certificate);
		if (!verdict.accepted()) {
			throw Refusal.invalid("signature", "guarantee.letter.signatureRefused",
					new DefaultMessageSourceResolvable(new String[] { verdict.messageKey() },
							verdict.messageArguments(issuer.name())));
		}

		if (!canonical.tradeCode().equals(application.tradeCode())) {
			throw Refusal.invalid("tradeCode", "guarantee.letter.tradeCodeMismatch", application.tradeCode().value());
		}
		if (!s.beneficiaryCreditCode().equals(application.beneficiaryCreditCode())) {
			throw Refusal.invalid("beneficiaryCreditCode", "guarantee.letter.beneficiaryMismatch",
					application.beneficiaryName());
		}
		if (!s.applicantCreditCode().equals(application.applicantCreditCode())) {
			throw Refusal.invalid("applicantCreditCode", "guarantee.letter.applicantMismatch", application.applicantName());
		}
		if (!amount.isAtLeast(application.amount())) {
			throw Refusal.invalid("amount", "guarantee.letter.amountTooSmall", amount.toString(),
					application.amount().toString());
		}
		LocalDate today = today();
		if (s.validUntil().isBefore(today)) {
			throw Refusal.invalid("validUntil", "guarantee.letter.expired", s.validUntil().toString());
		}
		if (s.validUntil().isBefore(application.bidValidityEnd())) {
			throw Refusal.invalid("validUntil", "guarantee.letter.validityShort", s.validUntil().toString(),
					application.bidValidityEnd().toString());
		}
		if (letters.numberTaken(s.letterNumber())) {
			throw Refusal.conflict("letterNumber", "guarantee.letter.duplicateNumber", s.letterNumber());
		}
		if (!applications.markIssued(application.id())) {
			throw Refusal.conflict(null, "guarantee.application.notPending");
		}
		Instant now = clock.instant();
		GuaranteeView guarantee = new GuaranteeView(UUID.randomUUID(), application.id(), s.letterNumber(),
				verificationCode(), issuer.entity(), issuer.name(), application.beneficiaryName(),
				application.beneficiaryCreditCode(), application.applicant(), application.applicantCreditCode(),
				application.tradeCode(), amount, s.validFrom(), s.validUntil(), canonical.pdfSha256(), algorithm.name(),
				verdict.signer().fingerprint(), GuaranteeStatus.VALID, now);
		letters.add(guarantee, new Letters.Evidence(pdf, signed, signature, certificate));
		letters.addKey(client.actor().username(), key, requestSha256, guarantee.id(), now);
		events.publishEvent(new GuaranteeIssued(client.actor(), guarantee.id(), application.id(), guarantee.letterNumber(),
				guarantee.tradeCode(), guarantee.applicant(), issuer.entity(), amount, guarantee.validUntil(),
				guarantee.pdfSha256(), guarantee.signerFingerprint(), applications.region(application.id()), now));
		return new LetterReceipt(guarantee, false);
	}

	/** The refusal goes to the audit log in a transaction of its own: the letter's was rolled back. */
	private void auditRefusal(Acting client, UUID applicationId, LetterSubmission letter, Refusal refusal) {
		platform(() -> {
			applications.byId(applicationId).ifPresent(application -> {
				String reason = refusal.messageKey();
				for (Object argument : refusal.arguments()) {
					if (argument instanceof DefaultMessageSourceResolvable nested && nested.getCode() != null) {
						reason += ":" + nested.getCode();
					}
				}
				String number = letter.letterNumber() == null || letter.letterNumber().length() > 64 ? null
						: letter.letterNumber();
				events.publishEvent(new GuaranteeLetterRefused(client.actor(), applicationId, number, reason,
						applications.region(applicationId), clock.instant()));
			});
			return null;
		});
	}

	private IssuerView myIssuer() {
		Acting client = Actors.required();
		if (!client.hasRole(Role.GUARANTEE_ISSUER)) {
			throw Refusal.forbidden("guarantee.issuerOnly");
		}
		return platform(() -> issuers.byClient(client.actor().username()))
			.orElseThrow(() -> Refusal.notFound("guarantee.issuer.notLinked"));
	}

	private EntityView myBidderEntity() {
		EntityView entity = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (!entity.holds(EntityRole.BIDDER) && !entity.holds(EntityRole.TRANSFEREE)) { // a transferee bids in listings
			throw Refusal.conflict(null, "guarantee.application.notBidder");
		}
		if (entity.creditCode() == null) {
			throw Refusal.conflict(null, "guarantee.application.organisationsOnly");
		}
		return entity;
	}

	/** Work on records this class has already picked by the acting entity, across regions, in one transaction. */
	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BidSecurity.CHINA));
	}

	private static Optional<EntityId> parseEntity(String id) {
		try {
			return Optional.of(EntityId.of(id.strip()));
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private static byte[] base64(String field, String value, String missingKey) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalid(field, missingKey);
		}
		try {
			return Base64.getMimeDecoder().decode(value);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, "guarantee.letter.base64");
		}
	}

	private static SignatureAlgorithm algorithm(String name) {
		try {
			return SignatureAlgorithm.valueOf(name);
		}
		catch (RuntimeException e) {
			throw Refusal.invalid("algorithm", "guarantee.letter.algorithm");
		}
	}

	/** PEM as text, or base64 DER. */
	private static byte[] certificate(String value) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalid("certificate", "guarantee.letter.certificateMissing");
		}
		if (value.contains("-----BEGIN CERTIFICATE-----")) {
			return value.getBytes(StandardCharsets.US_ASCII);
		}
		return base64("certificate", value, "guarantee.letter.certificateMissing");
	}

	private static String verificationCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** Every field as posted, length-prefixed so no two different bodies hash alike. */
	private static String requestFingerprint(UUID application, LetterSubmission s) {
		StringBuilder text = new StringBuilder();
		for (Object field : new Object[] { application, s.letterNumber(), s.tradeCode(), s.beneficiaryCreditCode(),
				s.applicantCreditCode(), s.amount() == null ? null : s.amount().toPlainString(), s.validFrom(),
				s.validUntil(), s.pdf(), s.signature(), s.algorithm(), s.certificate() }) {
			String value = field == null ? "" : field.toString();
			text.append(value.length()).append(':').append(value).append('\n');
		}
		return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
	}
}
