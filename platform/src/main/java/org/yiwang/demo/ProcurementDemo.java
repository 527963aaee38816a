package org.yiwang.demo;

import java.math.BigDecimal;
import java.util.List;
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
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.FrameworkAgreements;
import org.yiwang.procurement.FrameworkEvaluation;
import org.yiwang.procurement.FrameworkView;
import org.yiwang.procurement.NegotiationRoom;
import org.yiwang.procurement.NewFramework;
import org.yiwang.procurement.NewProcurement;
import org.yiwang.procurement.ProcurementDesk;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementView;
import org.yiwang.procurement.SecondStage;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * With demo data on: a purchaser ({@code demo.purchaser}) and three suppliers ({@code demo.supplier1..3}, password of
 * the demo accounts) in 渝中区, a competitive negotiation whose notice is published and which two suppliers answered
 * (the third may still respond), a single-source notice in its publicity (anyone signed in may object), and a framework
 * agreement's call two suppliers answered (price first, direct selection); with the demo city on, requests for
 * quotations of government works, SOE and military procurement in their districts. Created once, through the
 * procurement module's entry points, as the demo people and the district's staff.
 */
@Component
@DemoOn
@Order(130)
class ProcurementDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ProcurementDemo.class);

	private static final String DISTRICT = "500103";

	private final EntityRegistry registry;

	private final ProcurementDesk desk;

	private final NegotiationRoom room;

	private final FrameworkAgreements agreements;

	private final org.yiwang.procurement.NegotiationTeams teams;

	private final org.yiwang.procurement.SealedOffers sealedOffers;

	private final org.yiwang.procurement.FrameworkSealedOffers frameworkOffers;

	private final org.yiwang.registry.EntityCertificates certificates;

	private final boolean demo;

	private final String command;

	private final String password;

	private final org.yiwang.catalog.Catalog catalog;

	private final boolean city;

	ProcurementDemo(EntityRegistry registry, ProcurementDesk desk, NegotiationRoom room, FrameworkAgreements agreements,
			org.yiwang.procurement.NegotiationTeams teams, org.yiwang.procurement.SealedOffers sealedOffers,
			org.yiwang.procurement.FrameworkSealedOffers frameworkOffers,
			org.yiwang.registry.EntityCertificates certificates, @Value("${yiwang.demo:true}") boolean demo,
			@Value("${yiwang.command:}") String command,
			@Value("${yiwang.account.demo-password:Demo@2026yw}") String password, org.yiwang.catalog.Catalog catalog,
			@Value("${yiwang.demo.city:true}") boolean city) {
		this.catalog = catalog;
		this.city = city;
		this.registry = registry;
		this.sealedOffers = sealedOffers;
		this.frameworkOffers = frameworkOffers;
		this.certificates = certificates;
		this.desk = desk;
		this.room = room;
		this.agreements = agreements;
		this.teams = teams;
		this.demo = demo;
		this.command = command;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || !command.isBlank()) {
			return;
		}
		// a failure is recorded by DemoSeeding (the demo clock page, the demo health contributor)
		seed();
	}

	void seed() {
		EntityView purchaser = entity("渝中区示范政府采购中心", "MA6PC0001", EntityRole.TENDERER, "demo.purchaser");
		List<EntityView> suppliers = List.of(
				entity("渝中区示范办公设备有限公司", "MA6GY0001", EntityRole.BIDDER, "demo.supplier1"),
				entity("渝中区示范信息技术有限公司", "MA6GY0002", EntityRole.BIDDER, "demo.supplier2"),
				entity("渝中区示范科技服务有限公司", "MA6GY0003", EntityRole.BIDDER, "demo.supplier3"));
		Acting buyer = party("demo.purchaser", Role.TENDERER);
		if (!as(buyer, desk::mine).isEmpty()) {
			return;
		}
		List<String> codes = suppliers.stream().map(EntityView::creditCode).toList();
		ProcurementView negotiation = as(buyer, () -> desk.register(new NewProcurement(DISTRICT, "GOV_GOODS",
				ProcurementMethod.COMPETITIVE_NEGOTIATION, "渝中区示范政务大厅自助终端采购",
				"政务自助终端 20 台，含安装调试与三年运维。（演示数据 / demo data）", new BigDecimal("600000.00"), codes, 5, null)));
		ProcurementView published = as(staff(), () -> desk.publish(negotiation.id(), negotiation.version()));
		// the suppliers respond and seal their first offers themselves, as the bid tool does
		respond(published, suppliers.get(0), "demo.supplier1", "全部响应采购需求，交货期 25 天。", "585000.00");
		respond(published, suppliers.get(1), "demo.supplier2", "全部响应采购需求，交货期 20 天。", "592000.00");
		// the negotiation team (政府采购法 第三十八条第一项) is compulsory before the responses open: the staff request its
		// draw from the demo pool's A0101 experts (committed; the draw itself is left for a person to run on /draws)
		try {
			as(staff(), () -> teams.request(published.id(), new org.yiwang.procurement.TeamRequest(
					List.of("渝中区示范政府采购中心代表"), java.util.Map.of("A0101", 2),
					published.responseDeadline().plus(java.time.Duration.ofHours(1)))));
		}
		catch (org.yiwang.system.Refusal refusal) {
			log.warn("The demo negotiation's team was not requested: {}", refusal.messageKey());
		}
		ProcurementView single = as(buyer, () -> desk.register(new NewProcurement(DISTRICT, "GOV_SERVICES",
				ProcurementMethod.SINGLE_SOURCE, "渝中区示范政务系统原厂运维服务",
				"原政务系统源代码与专利由原开发商持有，续签一年运维服务。（演示数据 / demo data）", new BigDecimal("280000.00"),
				List.of(suppliers.get(1).creditCode()), null, "只能从唯一供应商处采购（政府采购法 第三十一条第一项）：系统专利与源代码仅由原开发商持有。")));
		as(staff(), () -> desk.publish(single.id(), single.version()));
		FrameworkView framework = as(buyer, () -> agreements.register(new NewFramework(DISTRICT, "GOV_GOODS",
				"渝中区示范办公设备框架协议", "台式计算机、打印机等标准办公设备，协议期内按需下单。（演示数据 / demo data）", "台",
				new BigDecimal("6000.00"), FrameworkEvaluation.PRICE_FIRST, SecondStage.DIRECT_SELECTION, null, 12, null)));
		FrameworkView call = as(staff(), () -> agreements.publish(framework.id(), framework.version()));
		respond(call, suppliers.get(0), "demo.supplier1", "标准配置，48 小时内送货。", "5600.00");
		respond(call, suppliers.get(2), "demo.supplier3", "标准配置，三年上门保修。", "5450.00");
		log.info("Published the demo procurement cases {} and {} and the framework call {}", published.tradeCode(),
				single.tradeCode(), call.tradeCode());
		if (city && catalog.region(RegionCode.of("500243")).isPresent()) {
			requestsForQuotations(codes);
		}
	}

	/** A request for quotations of the demo city: who buys (username), where, in which category, what, the budget. */
	private record Quotations(String purchaser, String district, String category, String title, String requirements,
			String budget) {
	}

	private static final List<Quotations> REQUESTS_FOR_QUOTATIONS = List.of(
			new Quotations("demo.purchaser", DISTRICT, "GOV_WORKS", "渝中区示范解放碑街道背街小巷人行道修缮工程",
					"人行道透水砖铺装 6,800 平方米及路缘石更换，工期 60 日历天。", "860000.00"),
			new Quotations("demo.purchaser.soe", "X50001", "SOE_PROCUREMENT", "重庆演示轨道交通装备集团 2027 年度劳动防护用品采购",
					"防护服、安全帽、防护手套等劳动防护用品，分批供货一年，送至两江新区生产基地。", "420000.00"),
			new Quotations("demo.purchaser.army", "500105", "MILITARY_PROCUREMENT", "驻渝某部营区办公家具采购",
					"办公桌椅、文件柜等办公家具 260 件，含送货安装。", "380000.00"));

	/**
	 * One request for quotations (询价) of each procurement category the rest of the demo leaves out (intermediary
	 * services have {@code IntermediaryDemo}'s requests), the three demo suppliers invited, published by the district's
	 * staff — only with the demo city on ({@code yiwang.demo.city}): a public notice each, no quotes (the team draw is
	 * left to a person, as for the negotiation above).
	 */
	private void requestsForQuotations(List<String> suppliers) {
		entity("重庆演示轨道交通装备集团有限公司", "MA6PC0002", EntityRole.TENDERER, "demo.purchaser.soe");
		entity("驻渝某部后勤保障处（演示）", "MA6PC0003", EntityRole.TENDERER, "demo.purchaser.army");
		for (Quotations q : REQUESTS_FOR_QUOTATIONS) {
			ProcurementView c = as(party(q.purchaser(), Role.TENDERER), () -> desk.register(new NewProcurement(
					q.district(), q.category(), ProcurementMethod.REQUEST_FOR_QUOTATIONS, q.title(),
					q.requirements() + "（演示数据 / demo data）", new BigDecimal(q.budget()), suppliers, null, null)));
			as(staff(q.district()), () -> desk.publish(c.id(), c.version()));
		}
	}

	/** A demo supplier responds to a case and seals its first offer to the case's opening key. */
	private void respond(ProcurementView c, EntityView supplier, String username, String response, String amount) {
		Acting acting = party(username, Role.BIDDER);
		as(acting, () -> room.respond(c.id(), response, null));
		String pem = as(acting, () -> sealedOffers.sealing(c.id())).orElseThrow().publicKeyPem();
		java.nio.file.Path envelope = seal(acting, supplier, username, c.tradeCode().value(), pem, amount);
		as(acting, () -> sealedOffers.submit(c.id(), open(envelope)));
	}

	/** A demo supplier responds to a framework's call and seals its unit price to the call's opening key. */
	private void respond(FrameworkView f, EntityView supplier, String username, String response, String unitPrice) {
		Acting acting = party(username, Role.BIDDER);
		as(acting, () -> agreements.respond(f.id(), response, null));
		String pem = as(acting, () -> frameworkOffers.responses(f.id())).orElseThrow().publicKeyPem();
		java.nio.file.Path envelope = seal(acting, supplier, username, f.tradeCode().value(), pem, unitPrice);
		as(acting, () -> frameworkOffers.submitResponse(f.id(), open(envelope)));
	}

	/** The bid tool's work off the platform: a price sheet sealed to {@code openingKeyPem}, signed with a demo key. */
	private java.nio.file.Path seal(Acting acting, EntityView supplier, String username, String tradeCode,
			String openingKeyPem, String amount) {
		org.yiwang.pki.IssuedCredentials key = as(acting, certificates::issueDemoCertificate);
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("demo-procurement-");
			dir.toFile().deleteOnExit();
			byte[] der = java.util.Base64.getMimeDecoder().decode(openingKeyPem.replaceAll("-----[A-Z ]+-----", ""));
			return SealedBids.seal(dir, tradeCode, supplier.name(), username, key, der, new BigDecimal(amount),
					null);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static java.io.InputStream open(java.nio.file.Path file) {
		try {
			return java.nio.file.Files.newInputStream(file);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private EntityView entity(String name, String body, EntityRole role, String username) {
		String first17 = "91" + DISTRICT + body;
		String code = first17 + CreditCode.checkCharacter(first17);
		EntityView entity = registry.findByCreditCode(CreditCode.of(code)).orElseGet(() -> registry.register(
				new Registration(EntityKind.ORGANIZATION, name, code, null, "张示范", "李示范", "023-60000000",
						username + "@demo.yiwang.cn", "重庆市渝中区示范路 2 号", "150", DISTRICT, Set.of(role), username,
						password)));
		if (entity.approved()) {
			return entity;
		}
		return as(staff(), () -> registry.approve(entity.id(), entity.version()));
	}

	private static Acting party(String username, Role role) {
		return new DemoActing(new Actor(username, role.name(), null), username, Set.of(role), RegionScope.none(), Set.of());
	}

	private static Acting staff() {
		return staff(DISTRICT);
	}

	private static Acting staff(String district) {
		return new DemoActing(new Actor("demo", Role.CENTER_STAFF.name(), district), "demo", Set.of(Role.CENTER_STAFF),
				RegionScope.of(RegionCode.of(district)), Set.of());
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

	private record DemoActing(Actor actor, String displayName, Set<Role> roles, RegionScope regionScope,
			Set<CategoryCode> industries) implements Acting {
	}
}
