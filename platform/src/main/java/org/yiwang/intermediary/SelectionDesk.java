package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.Procedure;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.SealedValues;
import org.yiwang.registry.CreditKind;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.NewCreditRecord;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The marketplace's demand side: an owner publishes a service request, qualified intermediaries sign up (with a
 * sealed quote where the method asks one) until the deadline, then the intermediary is selected by the request's
 * method, confirms the contract, delivers, and the owner accepts and rates. Requests above the catalogue's threshold
 * are refused: they must be tendered.
 *
 * <p>Quotes are sealed with {@link SealedValues} (AES-256-GCM under a key derived from the platform's key secret,
 * which is never in the database, bound to the sign-up's id), and this class opens them only once the clock has
 * passed the deadline: nobody reads a quote before it, a database administrator included. The draw's seed is chosen
 * and its SHA-256 published when the request is published, before anyone can sign up, and sealed the same way.
 */
@Service
@EnableConfigurationProperties(IntermediarySettings.class)
public class SelectionDesk {

	/** The catalogue's category of intermediary services: its template must name the selection procedure. */
	public static final CategoryCode CATEGORY = CategoryCode.of("INTERMEDIARY_SERVICE");

	static final String QUOTE = "intermediary-quote";

	static final String SEED = "intermediary-draw-seed";

	private static final SecureRandom RANDOM = new SecureRandom();

	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(IntermediaryMarket.CHINA);

	private final Requests requests;

	private final IntermediaryMarket market;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final SealedValues sealed;

	private final PlatformKeys keys;

	private final Deployment deployment;

	private final IntermediarySettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SelectionDesk(Requests requests, IntermediaryMarket market, EntityRegistry registry, Catalog catalog,
			SealedValues sealed, PlatformKeys keys, Deployment deployment, IntermediarySettings settings,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.requests = requests;
		this.market = market;
		this.registry = registry;
		this.catalog = catalog;
		this.sealed = sealed;
		this.keys = keys;
		this.deployment = deployment;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	// ---- publication -------------------------------------------------------------------------------------------

	/**
	 * An owner (a unit holding the tenderer role) publishes a request in a district. A direct selection names the
	 * intermediary, the legal basis and the facts at once, and is selected, published and flagged to the regulator.
	 */
	public RequestView publish(NewServiceRequest r) {
		Acting owner = Actors.requireAnyRole("intermediary.ownerOnly", Role.TENDERER);
		EntityView unit = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (!unit.holds(EntityRole.TENDERER)) {
			throw Refusal.forbidden("intermediary.ownerOnly");
		}
		RegionCode region = Optional.ofNullable(r.region()).filter(RegionCode::isValid).map(RegionCode::of)
			.filter(code -> catalog.region(code).filter(RegionView::active).isPresent())
			.orElseThrow(() -> Refusal.invalid("region", "intermediary.region.unknown"));
		CategoryView category = catalog.findCategory(CATEGORY).filter(CategoryView::enabled)
			.orElseThrow(() -> Refusal.invalid("serviceType", "intermediary.category.unavailable"));
		if (catalog.currentTemplate(category.code()).procedure() != Procedure.INTERMEDIARY_SELECTION) {
			throw Refusal.invalid("serviceType", "intermediary.category.unavailable");
		}
		if (r.serviceType() == null || r.serviceType().isBlank()) {
			throw Refusal.invalid("serviceType", "intermediary.serviceType.required");
		}
		ServiceTypeView type = market.serviceType(r.serviceType().strip());
		String title = text(r.title(), 200, "title", "intermediary.title.required");
		String scope = text(r.scope(), 5000, "scope", "intermediary.scope.required");
		BigDecimal ceiling = r.feeCeiling();
		if (ceiling == null || ceiling.signum() <= 0 || ceiling.scale() > 2
				|| ceiling.compareTo(new BigDecimal("100000000000")) >= 0) {
			throw Refusal.invalid("feeCeiling", "intermediary.fee.form");
		}
		if (ceiling.compareTo(type.tenderThreshold()) > 0) {
			// 必须招标的工程项目规定 第五条 and the government procurement thresholds: above them, a tender, not a selection
			throw Refusal.invalid("feeCeiling", "intermediary.fee.mustTender", type.nameZh(),
					type.tenderThreshold().toPlainString());
		}
		String grade = r.requiredGrade() == null || r.requiredGrade().isBlank() ? null : r.requiredGrade().strip();
		if (grade != null && !IntermediaryMarket.GRADES.contains(grade)) {
			throw Refusal.invalid("requiredGrade", "intermediary.grade.unknown");
		}
		SelectionMethod method = parse(SelectionMethod.class, r.method(), "method", "intermediary.method.required");
		Instant now = clock.instant();
		Integer weight = null;
		if (method == SelectionMethod.PRICE_QUALITY) {
			if (r.priceWeight() == null || r.priceWeight() < 10 || r.priceWeight() > 90) {
				throw Refusal.invalid("priceWeight", "intermediary.priceWeight.range");
			}
			weight = r.priceWeight();
		}
		Instant deadline;
		DirectBasis basis = null;
		String reason = null;
		EntityView chosen = null;
		if (method == SelectionMethod.DIRECT) {
			basis = parse(DirectBasis.class, r.directBasis(), "directBasis", "intermediary.direct.basisRequired");
			reason = r.directReason() == null ? "" : r.directReason().strip();
			if (reason.length() < 10 || reason.length() > 1000) {
				throw Refusal.invalid("directReason", "intermediary.direct.reasonRequired");
			}
			chosen = directChoice(r.directCreditCode(), unit, type, grade, region);
			deadline = now;
		}
		else {
			deadline = r.deadline();
			if (deadline == null || deadline.isBefore(now.plus(settings.shortestSignup()))
					|| deadline.isAfter(now.plus(settings.longestSignup()))) {
				throw Refusal.invalid("deadline", "intermediary.deadline.range", settings.shortestSignup().toHours(),
						settings.longestSignup().toDays());
			}
		}
		EntityView direct = chosen;
		DirectBasis directBasis = basis;
		String directReason = reason;
		Integer priceWeight = weight;
		return platform(() -> {
			int year = LocalDate.ofInstant(now, IntermediaryMarket.CHINA).getYear();
			TradeCode code = TradeCode.of(String.format("%s-ZJ-%s-%d-%05d", deployment.letters(), region.value(), year,
					requests.nextNumber()));
			UUID id = UUID.randomUUID();
			byte[] seed = null;
			String seedSha256 = null;
			if (method == SelectionMethod.RANDOM_DRAW) {
				seed = new byte[32];
				RANDOM.nextBytes(seed);
				seedSha256 = Sha256.hex(seed);
			}
			RequestView request = new RequestView(id, code, region, unit.id().value(), unit.name(), type.code(), title,
					scope, ceiling.setScale(2), grade, deadline, method, priceWeight, directBasis, directReason,
					RequestStatus.OPEN, seedSha256, null, null, null, null, null, null, null, null, null, null, null, now, 0);
			requests.add(request, owner.actor().username(), seed == null ? null : sealed.seal(SEED, id.toString(), seed));
			String text = publicText(request, type);
			events.publishEvent(new ServiceRequestPublished(owner.actor(), id, code, region, unit.name(),
					unit.creditCode(), type.code(), title, text, request.feeCeiling(), deadline, method, text,
					sign(text), now));
			if (direct != null) {
				int before = requests.directSelections(unit.id().value(), direct.id().value(), yearStart(now));
				String note = "直接选取，依据：" + basisName(directBasis) + "；理由：" + directReason;
				requests.select(id, RequestStatus.SELECTED, direct.id().value(), direct.name(), request.feeCeiling(), note,
						now, null, null, null);
				RequestView selected = requests.byId(id).orElseThrow();
				publishSelection(owner, selected, direct.creditCode());
				events.publishEvent(new DirectSelectionMade(owner.actor(), id, code, region, unit.id().value(),
						unit.name(), direct.id().value(), direct.name(), directBasis, directReason, before + 1, now));
				return selected;
			}
			return request;
		});
	}

	/**
	 * The intermediary a direct selection names: qualified, not barred, no related party of the owner, and not chosen
	 * directly by this owner as often as the rotation allows this year.
	 */
	private EntityView directChoice(String creditCode, EntityView owner, ServiceTypeView type, String grade,
			RegionCode region) {
		if (creditCode == null || CreditCode.problem(creditCode.strip().toUpperCase()).isPresent()) {
			throw Refusal.invalid("directCreditCode", "intermediary.direct.creditCode");
		}
		EntityView chosen = registry.findByCreditCode(CreditCode.of(creditCode.strip().toUpperCase()))
			.filter(e -> e.holds(EntityRole.INTERMEDIARY))
			.orElseThrow(() -> Refusal.invalid("directCreditCode", "intermediary.direct.notIntermediary"));
		LocalDate today = LocalDate.now(clock.withZone(IntermediaryMarket.CHINA));
		return platform(() -> {
			if (market.qualification(chosen.id(), type, grade, today).isEmpty()) {
				throw Refusal.invalid("directCreditCode", "intermediary.signup.unqualified", type.qualification(),
						grade == null ? "—" : grade);
			}
			if (registry.isBarred(chosen.id(), region, CATEGORY, today)) {
				throw Refusal.invalid("directCreditCode", "intermediary.signup.barred");
			}
			market.relation(owner, chosen).ifPresent(relation -> {
				throw Refusal.invalid("directCreditCode", "intermediary.direct.related", relationText(relation));
			});
			int done = requests.directSelections(owner.id().value(), chosen.id().value(), yearStart(clock.instant()));
			if (done >= settings.directSelectionsPerYear()) {
				throw Refusal.invalid("directCreditCode", "intermediary.direct.rotation", settings.directSelectionsPerYear());
			}
			return chosen;
		});
	}

	private static Instant yearStart(Instant now) {
		return LocalDate.ofInstant(now, IntermediaryMarket.CHINA).withDayOfYear(1).atStartOfDay(IntermediaryMarket.CHINA)
			.toInstant();
	}

	// ---- sign-up ---------------------------------------------------------------------------------------------------

	/**
	 * A qualified intermediary signs up before the deadline, with a quote where the method asks one (at most the fee
	 * ceiling), sealed until the deadline. Refused: after the deadline, unqualified (no valid qualification of the
	 * type and grade), barred by a blacklisting, related to the owner or to an intermediary already signed up.
	 */
	public SignupView signUp(UUID requestId, BigDecimal quote) {
		Acting member = Actors.requireAnyRole("intermediary.intermediaryOnly", Role.INTERMEDIARY);
		EntityView firm = market.myIntermediary();
		return platform(() -> {
			RequestView request = requests.byId(requestId)
				.orElseThrow(() -> Refusal.notFound("intermediary.request.notFound"));
			Instant now = clock.instant();
			if (request.method() == SelectionMethod.DIRECT || request.status() != RequestStatus.OPEN
					|| !now.isBefore(request.deadline())) {
				throw Refusal.conflict("quote", "intermediary.signup.closed", SHOWN.format(request.deadline()));
			}
			ServiceTypeView type = market.serviceType(request.serviceType());
			LocalDate today = LocalDate.ofInstant(now, IntermediaryMarket.CHINA);
			if (market.qualification(firm.id(), type, request.requiredGrade(), today).isEmpty()) {
				throw Refusal.invalid("qualification", "intermediary.signup.unqualified", type.qualification(),
						request.requiredGrade() == null ? "—" : request.requiredGrade());
			}
			if (registry.isBarred(firm.id(), request.region(), CATEGORY, today)) {
				throw Refusal.conflict("intermediary", "intermediary.signup.barred");
			}
			List<Requests.StoredSignup> signups = requests.signups(requestId);
			if (signups.stream().anyMatch(s -> s.intermediary().equals(firm.id().value()))) {
				throw Refusal.conflict("intermediary", "intermediary.signup.twice");
			}
			EntityView owner = registry.find(new EntityId(request.owner())).orElseThrow();
			market.relation(owner, firm).ifPresent(relation -> {
				throw Refusal.conflict("intermediary", "intermediary.signup.relatedToOwner", relationText(relation));
			});
			for (Requests.StoredSignup other : signups) {
				EntityView them = registry.find(new EntityId(other.intermediary())).orElseThrow();
				market.relation(firm, them).ifPresent(relation -> {
					throw Refusal.conflict("intermediary", "intermediary.signup.relatedToSignup", other.name(),
							relationText(relation));
				});
			}
			byte[] sealedQuote = null;
			String quoteSha256 = null;
			UUID id = UUID.randomUUID();
			if (request.method().quotes()) {
				if (quote == null || quote.signum() <= 0 || quote.scale() > 2) {
					throw Refusal.invalid("quote", "intermediary.quote.form");
				}
				if (quote.compareTo(request.feeCeiling()) > 0) {
					throw Refusal.invalid("quote", "intermediary.quote.aboveCeiling", request.feeCeiling().toPlainString());
				}
				sealedQuote = sealed.seal(QUOTE, id.toString(), quote.setScale(2).toPlainString()
					.getBytes(StandardCharsets.UTF_8));
				quoteSha256 = Sha256.hex(sealedQuote);
			}
			requests.addSignup(id, requestId, request.region(), firm.id().value(), firm.name(), member.actor().username(),
					now, sealedQuote, quoteSha256);
			events.publishEvent(new IntermediaryChanged.RequestStep(member.actor(), "intermediary.signup.received",
					requestId, "signup:" + id + (quoteSha256 == null ? "" : " sealed:" + quoteSha256), request.region(), now));
			return new SignupView(id, requestId, firm.name(), firm.id().value(), now, quoteSha256, null, null, null);
		});
	}

	// ---- selection -------------------------------------------------------------------------------------------------

	/**
	 * After the deadline the owner (or the district's staff) selects: the sign-ups are checked again (a qualification
	 * expired or a blacklisting since sign-up excludes), quotes are opened, and the method decides. No qualified
	 * sign-up: the request fails.
	 */
	public RequestView select(UUID requestId) {
		Acting acting = Actors.requireAnyRole("intermediary.ownerOrStaff", Role.TENDERER, Role.CENTER_STAFF,
				Role.PLATFORM_ADMIN);
		return platform(() -> {
			RequestView request = forOwnerOrStaff(acting, requestId);
			Instant now = clock.instant();
			if (request.status() != RequestStatus.OPEN) {
				throw Refusal.conflict("status", "intermediary.select.done");
			}
			if (now.isBefore(request.deadline())) {
				throw Refusal.conflict("deadline", "intermediary.select.beforeDeadline", SHOWN.format(request.deadline()));
			}
			ServiceTypeView type = market.serviceType(request.serviceType());
			LocalDate today = LocalDate.ofInstant(now, IntermediaryMarket.CHINA);
			List<Requests.StoredSignup> eligible = new ArrayList<>();
			for (Requests.StoredSignup s : requests.signups(requestId)) {
				EntityId firm = new EntityId(s.intermediary());
				BigDecimal quote = s.sealedQuote() == null ? null
						: new BigDecimal(new String(sealed.open(QUOTE, s.id().toString(), s.sealedQuote()),
								StandardCharsets.UTF_8));
				String excluded = market.qualification(firm, type, request.requiredGrade(), today).isEmpty()
						? "qualification" : registry.isBarred(firm, request.region(), CATEGORY, today) ? "barred" : null;
				requests.opened(s.id(), quote, null, excluded);
				if (excluded == null) {
					eligible.add(new Requests.StoredSignup(s.id(), s.intermediary(), s.name(), s.signedAt(), null,
							s.quoteSha256(), quote, null, null));
				}
			}
			if (eligible.isEmpty()) {
				requests.select(requestId, RequestStatus.FAILED, null, null, null, "无合格报名", now, null, null, null);
				RequestView failed = requests.byId(requestId).orElseThrow();
				publishSelection(acting, failed, null);
				return failed;
			}
			Requests.StoredSignup winner;
			String note;
			BigDecimal price;
			byte[] seed = null;
			String pool = null;
			String poolSha256 = null;
			switch (request.method()) {
				case RANDOM_DRAW -> {
					seed = sealed.open(SEED, requestId.toString(), requests.sealedSeed(requestId).orElseThrow());
					IntermediaryDraw.Result drawn = IntermediaryDraw.draw(seed, type.code(),
							eligible.stream().map(Requests.StoredSignup::intermediary).toList());
					pool = drawn.pool();
					poolSha256 = drawn.poolSha256();
					winner = eligible.stream().filter(s -> s.intermediary().equals(drawn.chosen())).findFirst().orElseThrow();
					price = request.feeCeiling();
					note = "随机抽取：" + eligible.size() + " 家合格报名；种子承诺 " + request.seedSha256().substring(0, 16)
							+ "…；名单承诺 " + poolSha256.substring(0, 16) + "…";
				}
				case LOWEST_PRICE -> {
					winner = eligible.stream()
						.min(Comparator.comparing(Requests.StoredSignup::quote).thenComparing(Requests.StoredSignup::signedAt))
						.orElseThrow();
					price = winner.quote();
					note = "最低价：" + eligible.size() + " 家有效报价，最低 " + price.toPlainString() + " 元（同价先报名者优先）";
				}
				case PRICE_QUALITY -> {
					BigDecimal lowest = eligible.stream().map(Requests.StoredSignup::quote).min(Comparator.naturalOrder())
						.orElseThrow();
					List<Requests.StoredSignup> scored = new ArrayList<>();
					for (Requests.StoredSignup s : eligible) {
						BigDecimal score = priceQualityScore(lowest, s.quote(), market.score(s.intermediary()).overall(),
								request.priceWeight());
						requests.opened(s.id(), s.quote(), score, null);
						scored.add(new Requests.StoredSignup(s.id(), s.intermediary(), s.name(), s.signedAt(), null,
								s.quoteSha256(), s.quote(), score, null));
					}
					winner = scored.stream()
						.max(Comparator.comparing(Requests.StoredSignup::score)
							.thenComparing(Requests.StoredSignup::quote, Comparator.reverseOrder())
							.thenComparing(Requests.StoredSignup::signedAt, Comparator.reverseOrder()))
						.orElseThrow();
					price = winner.quote();
					note = "综合评分：价格分 = 最低报价 ÷ 报价 × 100，质量分 = 公开评价综合分 ÷ 5 × 100（无评价按 3 分），"
							+ "总分 = 价格分 × " + request.priceWeight() + "% + 质量分 × " + (100 - request.priceWeight())
							+ "%；最高 " + winner.score().toPlainString() + " 分";
				}
				default -> throw Refusal.conflict("method", "intermediary.select.done");
			}
			requests.select(requestId, RequestStatus.SELECTED, winner.intermediary(), winner.name(), price, note, now, seed,
					pool, poolSha256);
			RequestView selected = requests.byId(requestId).orElseThrow();
			publishSelection(acting, selected,
					registry.find(new EntityId(winner.intermediary())).map(EntityView::creditCode).orElse(null));
			return selected;
		});
	}

	/** Price score lowest ÷ quote × 100, quality score overall ÷ 5 × 100, weighted by the price weight in percent. */
	static BigDecimal priceQualityScore(BigDecimal lowest, BigDecimal quote, BigDecimal overall, int priceWeight) {
		BigDecimal priceScore = lowest.multiply(BigDecimal.valueOf(100)).divide(quote, 4, RoundingMode.HALF_UP);
		BigDecimal qualityScore = overall.multiply(BigDecimal.valueOf(20));
		return priceScore.multiply(BigDecimal.valueOf(priceWeight))
			.add(qualityScore.multiply(BigDecimal.valueOf(100 - priceWeight)))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	private void publishSelection(Acting acting, RequestView r, String creditCode) {
		String text = "中介服务选取结果公告\n交易标识码：" + r.tradeCode().value() + "\n项目：" + r.title() + "\n业主："
				+ r.ownerName() + "\n选取方式：" + methodName(r.method()) + "\n"
				+ (r.selected() == null ? "结果：无合格报名，选取失败\n"
						: "选定中介机构：" + r.selectedName() + "\n服务费：" + r.selectedPrice().toPlainString() + " 元\n")
				+ "说明：" + r.selectionNote() + "\n时间：" + SHOWN.format(r.selectedAt()) + "（北京时间）\n";
		events.publishEvent(new IntermediarySelected(acting.actor(), r.id(), r.tradeCode(), r.region(), r.title(),
				r.ownerName(), r.method(), r.selected(), r.selectedName(), creditCode, r.selectedPrice(), r.selectionNote(),
				text, sign(text), r.selectedAt()));
	}

	/** The public verification record of a drawn request, for anyone; not found before the draw. */
	public Map<String, Object> drawVerification(UUID requestId) {
		return platform(() -> {
			RequestView request = requests.byId(requestId).filter(RequestView::drawn)
				.orElseThrow(() -> Refusal.notFound("intermediary.draw.notFound"));
			Requests.Draw draw = requests.draw(requestId).orElseThrow();
			return IntermediaryDraw.record(request, draw.seed(), draw.pool());
		});
	}

	// ---- reading ---------------------------------------------------------------------------------------------------

	/** A request, for everyone (a public record). */
	public RequestView request(UUID id) {
		return platform(() -> requests.byId(id)).orElseThrow(() -> Refusal.notFound("intermediary.request.notFound"));
	}

	/** The sign-ups of a request; before selection only names and the sealed quotes' fingerprints, never a price. */
	public List<SignupView> signups(UUID id) {
		return platform(() -> requests.signups(id).stream().map(s -> s.view(id)).toList());
	}

	public Optional<RatingView> rating(UUID id) {
		return platform(() -> requests.rating(id));
	}

	public List<RequestView> latest() {
		return platform(() -> requests.latest(200));
	}

	/** The signed-in owner's requests. */
	public List<RequestView> mine() {
		Actors.requireAnyRole("intermediary.ownerOnly", Role.TENDERER);
		EntityView unit = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		return platform(() -> requests.ofOwner(unit.id().value()));
	}

	/** The requests the signed-in intermediary signed up for or was selected in. */
	public List<RequestView> mySignups() {
		Actors.requireAnyRole("intermediary.intermediaryOnly", Role.INTERMEDIARY);
		EntityView firm = market.myIntermediary();
		return platform(() -> {
			List<RequestView> all = new ArrayList<>(requests.signedUpBy(firm.id().value()));
			requests.selecting(firm.id().value()).stream().filter(r -> all.stream().noneMatch(a -> a.id().equals(r.id())))
				.forEach(all::add);
			return all;
		});
	}

	/** Direct selections, flagged to regulators and staff, of the regions they cover. */
	public List<RequestView> directSelections() {
		Acting reader = Actors.requireAnyRole("intermediary.regulatorOrStaff", Role.REGULATOR, Role.CENTER_STAFF,
				Role.PLATFORM_ADMIN);
		return platform(() -> requests.direct().stream().filter(r -> reader.regionScope().covers(r.region())).toList());
	}

	// ---- checks ----------------------------------------------------------------------------------------------------

	/** The owner's own request, or one in a region the staff member covers; another region's is not found. */
	RequestView forOwnerOrStaff(Acting acting, UUID id) {
		RequestView r = requests.byId(id).orElseThrow(() -> Refusal.notFound("intermediary.request.notFound"));
		if (acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN)) {
			if (!acting.regionScope().covers(r.region())) {
				throw Refusal.notFound("intermediary.request.notFound");
			}
			return r;
		}
		EntityView unit = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (!unit.id().value().equals(r.owner())) {
			throw Refusal.forbidden("intermediary.ownerOnly");
		}
		return r;
	}

	RequestView forSelected(EntityView firm, UUID id, RequestStatus expected) {
		RequestView r = requests.byId(id).orElseThrow(() -> Refusal.notFound("intermediary.request.notFound"));
		if (!firm.id().value().equals(r.selected())) {
			throw Refusal.forbidden("intermediary.selectedOnly");
		}
		if (r.status() != expected) {
			throw Refusal.conflict("status", "intermediary.step.order");
		}
		return r;
	}

	private String publicText(RequestView r, ServiceTypeView type) {
		return "中介服务需求公告\n交易标识码：" + r.tradeCode().value() + "\n业主：" + r.ownerName() + "\n服务类型："
				+ type.nameZh() + "\n项目：" + r.title() + "\n服务范围：" + r.scope() + "\n服务费上限：" + r.feeCeiling().toPlainString()
				+ " 元\n资质要求：" + type.qualification() + (r.requiredGrade() == null ? "" : "（" + r.requiredGrade() + "及以上）")
				+ "\n选取方式：" + methodName(r.method()) + (r.priceWeight() == null ? "" : "（价格权重 " + r.priceWeight() + "%）")
				+ "\n报名截止：" + SHOWN.format(r.deadline()) + "（北京时间）"
				+ (r.seedSha256() == null ? "" : "\n抽取种子承诺（SHA-256）：" + r.seedSha256())
				+ (r.directReason() == null ? "" : "\n直接选取依据：" + basisName(r.directBasis()) + "；理由：" + r.directReason())
				+ "\n";
	}

	String sign(String text) {
		return Base64.getEncoder().encodeToString(keys.sign(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The method as the signed public texts name it (they are Chinese documents, like every notice). */
	static String methodName(SelectionMethod method) {
		return switch (method) {
			case RANDOM_DRAW -> "随机抽取";
			case LOWEST_PRICE -> "最低价";
			case PRICE_QUALITY -> "综合评分";
			case DIRECT -> "直接选取";
		};
	}

	static String basisName(DirectBasis basis) {
		return switch (basis) {
			case PROPRIETARY_TECHNIQUE -> "需要采用不可替代的专利或者专有技术（招标投标法实施条例第九条第一项）";
			case ORIGINAL_PROVIDER -> "须向原服务提供者采购以保证配套（招标投标法实施条例第九条第五项、政府采购法第三十一条第三项）";
			case EMERGENCY -> "不可预见的紧急情况（政府采购法第三十一条第二项）";
			case SINGLE_SOURCE -> "只能从唯一供应商处采购（政府采购法第三十一条第一项）";
		};
	}

	static String relationText(String relation) {
		return relation.startsWith("legalRepresentative:")
				? "同一法定代表人 " + relation.substring("legalRepresentative:".length())
				: "共同从业人员 " + relation.substring("staff:".length());
	}

	static String text(String value, int max, String field, String key) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty() || stripped.length() > max) {
			throw Refusal.invalid(field, key, max);
		}
		return stripped;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String key) {
		if (value != null) {
			for (E e : type.getEnumConstants()) {
				if (e.name().equalsIgnoreCase(value.strip())) {
					return e;
				}
			}
		}
		throw Refusal.invalid(field, key);
	}

	<T> T platform(Supplier<T> work) {
		// a step of this module's own work already in the platform's scope (one module call inside another) joins it:
		// the scope cannot change inside a transaction
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
				&& RegionScopes.current().all()) {
			return work.get();
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
