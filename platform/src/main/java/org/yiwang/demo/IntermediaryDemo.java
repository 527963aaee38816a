package org.yiwang.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.intermediary.IntermediaryMarket;
import org.yiwang.intermediary.NewRating;
import org.yiwang.intermediary.NewServiceRequest;
import org.yiwang.intermediary.RequestStatus;
import org.yiwang.intermediary.RequestView;
import org.yiwang.intermediary.SelectionDesk;
import org.yiwang.intermediary.ServiceDelivery;
import org.yiwang.intermediary.ServiceTypeView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.NewQualification;
import org.yiwang.registry.Registration;
import org.yiwang.registry.ResidentIdNumber;

/**
 * With demo data on ({@code yiwang.demo} and {@code yiwang.demo.entities}): the intermediary marketplace of a demo
 * city — seven intermediaries of every service type across districts with their qualifications and staff, two owners
 * in two districts, and requests at every stage: open for sign-up by draw, lowest price and price–quality (each with
 * sign-ups and sealed quotes), and direct selections standing selected, contracted, delivered, accepted and rated.
 * Everything goes through the modules' own entry points (registry, intermediary) as the demo people would act. Made
 * once; on every later start the open demo requests whose deadline has passed are selected, so the draw and price
 * results appear as the demo clock moves on.
 */
@Component
@DemoOn
@Order(120)
class IntermediaryDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IntermediaryDemo.class);

	/** username, name, the catalogue types it offers, its organisation code (9 characters after the division). */
	private record Firm(String username, String name, List<String> types, String organisationCode) {
	}

	private static final List<Firm> FIRMS = List.of(
			new Firm("demo.im.cost1", "示范工程造价咨询有限公司", List.of("COST_CONSULTING", "TENDER_AGENCY"), "MA6JM0001"),
			new Firm("demo.im.cost2", "示范第二造价咨询事务所有限公司", List.of("COST_CONSULTING"), "MA6JM0002"),
			new Firm("demo.im.survey", "示范勘察测绘院有限公司", List.of("SURVEYING"), "MA6JM0003"),
			new Firm("demo.im.env", "示范环境安全评价有限公司", List.of("ENVIRONMENTAL_SAFETY"), "MA6JM0004"),
			new Firm("demo.im.design", "示范建筑设计监理有限公司", List.of("DESIGN", "SUPERVISION"), "MA6JM0005"),
			new Firm("demo.im.audit", "示范会计师与律师联合服务有限公司", List.of("AUDIT", "LEGAL"), "MA6JM0006"),
			new Firm("demo.im.appraisal", "示范资产评估有限公司", List.of("APPRAISAL"), "MA6JM0007"));

	private static final String OWNER_ONE = "demo.im.owner1";

	private static final String OWNER_TWO = "demo.im.owner2";

	private final EntityRegistry registry;

	private final IntermediaryMarket market;

	private final SelectionDesk desk;

	private final ServiceDelivery delivery;

	private final Catalog catalog;

	private final Clock clock;

	private final boolean enabled;

	private final String command;

	private final String password;

	IntermediaryDemo(EntityRegistry registry, IntermediaryMarket market, SelectionDesk desk, ServiceDelivery delivery,
			Catalog catalog, Clock clock, @Value("${yiwang.demo:true}") boolean demo,
			@Value("${yiwang.demo.entities:true}") boolean demoEntities, @Value("${yiwang.command:}") String command,
			@Value("${yiwang.account.demo-password:Demo@2026yw}") String password) {
		this.registry = registry;
		this.market = market;
		this.desk = desk;
		this.delivery = delivery;
		this.catalog = catalog;
		this.clock = clock;
		this.enabled = demo && demoEntities;
		this.command = command;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || !command.isBlank()) {
			return;
		}
		// a failure is recorded by DemoSeeding (the demo clock page, the demo health contributor)
		List<RegionView> districts = catalog.regions().stream().filter(r -> !r.isCity() && r.active()).toList();
		if (districts.size() < 2) {
			return;
		}
		if (registry.findByCreditCode(CreditCode.of(creditCode(districts.get(0), "MA6JMYW01"))).isEmpty()) {
			seed(districts);
		}
		selectPastDeadlines();
	}

	private void seed(List<RegionView> districts) {
		RegionView first = districts.get(0);
		RegionView second = districts.get(1);
		EntityView ownerOne = entity(OWNER_ONE, "示范区教育委员会", EntityRole.TENDERER, first, "MA6JMYW01", "示范业主甲");
		EntityView ownerTwo = entity(OWNER_TWO, "示范区交通运输局", EntityRole.TENDERER, second, "MA6JMYW02", "示范业主乙");
		int n = 0;
		for (Firm firm : FIRMS) {
			RegionView home = districts.get(n % districts.size());
			entity(firm.username(), firm.name(), EntityRole.INTERMEDIARY, home, firm.organisationCode(), "示范中介法人" + n);
			for (String type : firm.types()) {
				ServiceTypeView serviceType = market.serviceType(type);
				as(member(firm.username(), Role.INTERMEDIARY), () -> registry.addQualification(new NewQualification(
						serviceType.qualification(), "甲级", "ZZ-" + firm.organisationCode() + "-" + type,
						"重庆市住房和城乡建设委员会", LocalDate.of(2024, 1, 1), LocalDate.of(2029, 12, 31))));
			}
			as(member(firm.username(), Role.INTERMEDIARY), () -> market.offer(Set.copyOf(firm.types())));
			String first17 = "500103199001" + String.format("%02d", 10 + n) + "00" + (n % 10);
			String idNumber = first17 + ResidentIdNumber.checkCharacter(first17);
			int k = n;
			as(member(firm.username(), Role.INTERMEDIARY),
					() -> market.addStaff("示范从业人员" + (k + 1), idNumber, "注册造价工程师"));
			n++;
		}
		Acting one = member(OWNER_ONE, Role.TENDERER);
		Acting two = member(OWNER_TWO, Role.TENDERER);
		Instant now = clock.instant();

		// open for sign-up: a draw (three days), lowest price (two hours) and price–quality (one day), with sign-ups
		RequestView draw = as(one, () -> desk.publish(request(first, "COST_CONSULTING", "示范小学改扩建工程全过程造价咨询",
				"80000.00", now.plus(Duration.ofDays(3)), "RANDOM_DRAW", null)));
		as(member("demo.im.cost1", Role.INTERMEDIARY), () -> desk.signUp(draw.id(), null));
		as(member("demo.im.cost2", Role.INTERMEDIARY), () -> desk.signUp(draw.id(), null));
		RequestView lowest = as(two, () -> desk.publish(request(second, "AUDIT", "示范公路养护项目竣工决算审计",
				"120000.00", now.plus(Duration.ofHours(2)), "LOWEST_PRICE", null)));
		as(member("demo.im.audit", Role.INTERMEDIARY), () -> desk.signUp(lowest.id(), new BigDecimal("98000.00")));
		RequestView quality = as(one, () -> desk.publish(request(first, "DESIGN", "示范中学风雨操场方案设计",
				"300000.00", now.plus(Duration.ofDays(1)), "PRICE_QUALITY", 60)));
		as(member("demo.im.design", Role.INTERMEDIARY), () -> desk.signUp(quality.id(), new BigDecimal("268000.00")));

		// direct selections standing at each later stage
		RequestView rated = direct(one, first, "LEGAL", "示范教育系统合同纠纷二审代理", "60000.00", "demo.im.audit",
				"ORIGINAL_PROVIDER", "一审由该律师事务所代理，二审由其继续代理以保证诉讼连续。");
		through(rated, "demo.im.audit", one, RequestStatus.RATED);
		RequestView contracted = direct(two, second, "APPRAISAL", "示范站场闲置资产评估", "50000.00", "demo.im.appraisal",
				"EMERGENCY", "站场因地灾受损，须立即评估资产损失以申请保险理赔。");
		through(contracted, "demo.im.appraisal", two, RequestStatus.CONTRACTED);
		direct(two, second, "SURVEYING", "示范隧道病害应急测绘", "90000.00", "demo.im.survey", "EMERGENCY",
				"隧道出现突发沉降，须立即测绘以保障通行安全。");
		RequestView delivered = direct(one, first, "ENVIRONMENTAL_SAFETY", "示范校舍加固工程安全评价", "70000.00",
				"demo.im.env", "SINGLE_SOURCE", "本区唯一取得该类安全评价资质且可在汛期前完成的机构。");
		through(delivered, "demo.im.env", one, RequestStatus.DELIVERED);
		RequestView accepted = direct(one, first, "SUPERVISION", "示范食堂改造工程监理", "40000.00", "demo.im.design",
				"ORIGINAL_PROVIDER", "该机构承担原设计，监理须由其继续以保证设计意图落实。");
		through(accepted, "demo.im.design", one, RequestStatus.ACCEPTED);
		log.info("Intermediary marketplace demo: {} intermediaries, 2 owners, requests at every stage", FIRMS.size());
	}

	private RequestView direct(Acting owner, RegionView region, String type, String title, String ceiling, String firm,
			String basis, String reason) {
		String code = registry.findByCreditCode(CreditCode.of(creditCode(catalogRegionOf(firm), organisationOf(firm))))
			.map(EntityView::creditCode).orElseThrow();
		return as(owner, () -> desk.publish(new NewServiceRequest(region.code().value(), type, title, title + "。",
				new BigDecimal(ceiling), null, null, "DIRECT", null, basis, reason, code)));
	}

	/** Takes a selected request on to the stage. */
	private void through(RequestView r, String firm, Acting owner, RequestStatus stage) {
		Acting intermediary = member(firm, Role.INTERMEDIARY);
		as(intermediary, () -> delivery.confirmContract(r.id()));
		if (stage == RequestStatus.CONTRACTED) {
			return;
		}
		as(intermediary, () -> delivery.deliver(r.id(), "成果文件已按合同约定提交。"));
		if (stage == RequestStatus.DELIVERED) {
			return;
		}
		as(owner, () -> delivery.accept(r.id()));
		if (stage == RequestStatus.ACCEPTED) {
			return;
		}
		as(owner, () -> delivery.rate(r.id(), new NewRating(5, 4, 5, "成果扎实，响应及时。")));
	}

	/** The demo owners' open requests whose deadline has passed are selected, as their owners. */
	private void selectPastDeadlines() {
		Instant now = clock.instant();
		for (String owner : List.of(OWNER_ONE, OWNER_TWO)) {
			Acting acting = member(owner, Role.TENDERER);
			for (RequestView r : as(acting, desk::mine)) {
				if (r.status() == RequestStatus.OPEN && !now.isBefore(r.deadline())) {
					as(acting, () -> desk.select(r.id()));
				}
			}
		}
	}

	private NewServiceRequest request(RegionView region, String type, String title, String ceiling, Instant deadline,
			String method, Integer priceWeight) {
		return new NewServiceRequest(region.code().value(), type, title, title + "：按需求书完成全部服务内容。",
				new BigDecimal(ceiling), null, deadline, method, priceWeight, null, null, null);
	}

	private EntityView entity(String username, String name, EntityRole role, RegionView region, String organisationCode,
			String legalRepresentative) {
		String code = creditCode(region, organisationCode);
		Optional<EntityView> existing = registry.findByCreditCode(CreditCode.of(code));
		if (existing.isPresent()) {
			return existing.get();
		}
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name, code, null,
				legalRepresentative, "示范联系人", "023-61000000", username + "@demo.yiwang.cn",
				region.nameZh() + "示范路 8 号", "150", region.code().value(), Set.of(role), username, password));
		return as(staff(), () -> registry.approve(registered.id(), registered.version()));
	}

	private RegionView catalogRegionOf(String firm) {
		List<RegionView> districts = catalog.regions().stream().filter(r -> !r.isCity() && r.active()).toList();
		int index = 0;
		for (Firm f : FIRMS) {
			if (f.username().equals(firm)) {
				return districts.get(index % districts.size());
			}
			index++;
		}
		throw new IllegalArgumentException(firm);
	}

	private static String organisationOf(String firm) {
		return FIRMS.stream().filter(f -> f.username().equals(firm)).findFirst().orElseThrow().organisationCode();
	}

	private String creditCode(RegionView region, String organisationCode) {
		String division = region.code().value().matches("\\d{6}") ? region.code().value()
				: catalog.city().code().value();
		String first17 = "91" + division + organisationCode;
		return first17 + CreditCode.checkCharacter(first17);
	}

	private static Acting member(String username, Role role) {
		return new DemoActing(new Actor(username, role.name(), null), username, Set.of(role), RegionScope.none(),
				Set.of());
	}

	private Acting staff() {
		return new DemoActing(new Actor("demo", Role.CENTER_STAFF.name(), catalog.city().code().value()), "demo",
				Set.of(Role.CENTER_STAFF), RegionScope.wholeCity(), Set.of());
	}

	private static <T> T as(Acting acting, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(acting, null,
				acting.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The demo people and the staff as the demo acts for them. */
	private record DemoActing(Actor actor, String displayName, Set<Role> roles, RegionScope regionScope,
			Set<CategoryCode> industries) implements Acting {
	}
}
