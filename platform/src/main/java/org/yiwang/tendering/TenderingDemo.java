package org.yiwang.tendering;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
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
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.DemoCredentials;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * With demo data on ({@code yiwang.demo=true}): three approved demo entities with their own accounts (password of the
 * demo accounts) — a tenderer in 渝中区 ({@code demo.tenderer}), an agency it mandated ({@code demo.agency}) and a bidder
 * ({@code demo.bidder}) — and one published tender in 渝中区 whose bid deadline lies ahead, so a newcomer finds a live
 * tender at once. When the last demo tender's deadline is near or past, the next start publishes a new one. Everything
 * goes through the module's own entry points, rules and audit log, as the demo people and the district's staff.
 */
@Component
@Order(50)
class TenderingDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TenderingDemo.class);

	static final String TENDERER = "demo.tenderer";

	static final String AGENCY = "demo.agency";

	static final String BIDDER = "demo.bidder";

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	private final Catalog catalog;

	private final TenderDesk desk;

	private final TenderDocuments documents;

	private final Sections sections;

	private final Mandates mandates;

	private final SectionAccess access;

	private final Clock clock;

	private final boolean demo;

	private final String command;

	private final String password;

	TenderingDemo(EntityRegistry registry, EntityCertificates certificates, Catalog catalog, TenderDesk desk,
			TenderDocuments documents, Sections sections, Mandates mandates, SectionAccess access, Clock clock, @Value("${yiwang.demo:true}") boolean demo,
			@Value("${yiwang.command:}") String command,
			@Value("${yiwang.account.demo-password:Demo@2026yw}") String password) {
		this.registry = registry;
		this.certificates = certificates;
		this.catalog = catalog;
		this.desk = desk;
		this.documents = documents;
		this.sections = sections;
		this.mandates = mandates;
		this.access = access;
		this.clock = clock;
		this.demo = demo;
		this.command = command;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || !command.isBlank()) {
			return;
		}
		try {
			ensureDemoTender();
		}
		catch (RuntimeException e) {
			log.error("The demo tender could not be created; the platform runs without it", e);
		}
	}

	/** Returns the published demo section whose deadline is still ahead, creating entities and tender as needed. */
	SectionView ensureDemoTender() {
		RegionView district = catalog.regions().stream().filter(r -> r.code().value().equals("500103")).findFirst()
			.orElseGet(() -> catalog.regions().stream().filter(r -> !r.isCity()).findFirst().orElseThrow());
		String division = district.code().value().matches("\\d{6}") ? district.code().value()
				: catalog.city().code().value();
		EntityView tenderer = entity("示范建设管理中心", division, "MA6TD0001", EntityRole.TENDERER, TENDERER, district);
		EntityView agency = entity("示范招标代理有限公司", division, "MA6AG0001", EntityRole.AGENCY, AGENCY, district);
		entity("示范建筑工程有限公司", division, "MA6BD0001", EntityRole.BIDDER, BIDDER, district);

		Instant now = clock.instant();
		Optional<SectionView> live = access.platform(() -> sections.ofParty(tenderer.id()).stream()
			.filter(s -> s.published() && s.bidDeadline().isAfter(now.plus(Duration.ofDays(2)))).findFirst());
		if (live.isPresent()) {
			return live.get();
		}
		if (access.platform(() -> mandates.between(tenderer.id(), agency.id())).isEmpty()) {
			as(party(TENDERER, Role.TENDERER), () -> desk.recordMandate(agency.creditCode(), "示范：全部招标项目"));
		}
		SectionView registered = as(party(AGENCY, Role.AGENCY), () -> desk.registerTender(new NewTender(
				district.nameZh() + "示范道路改造项目", "示范发改〔2026〕1号", district.nameZh() + "示范道路改造工程施工招标",
				tenderer.creditCode(), new SectionDetails("施工一标段", district.code().value(), "ENG_BUILDING",
						new BigDecimal("5000000.00"), BigDecimal.ZERO, 90, List.of()),
				new ProjectFacts(district.nameZh() + "示范路（示范路 1 号至示范路 88 号段）", tenderer.name(), "E", "FISCAL",
						"区级财政预算资金 100%", "道路改造全长 1.2 公里，车行道宽 16 米，含排水、照明及交通设施",
						"关于" + district.nameZh() + "示范道路改造项目可行性研究报告的批复", true, "WORKS",
						"示范道路改造工程施工，包括道路、排水、照明及交通设施工程；公开招标，一个标段，资格后审，经评审的最低投标价法",
						district.nameZh() + "住房和城乡建设委员会", district.nameZh() + "发展和改革委员会"))));
		Acting staff = staff(district.code());
		SectionView section = as(staff, () -> desk.approve(registered.id(), registered.version()));
		byte[] text = ("示范招标文件：" + section.tenderProjectName() + "，" + section.name() + "。\n"
				+ "本文件仅用于演示平台流程。\nDemo tender documents: for trying the platform only.\n")
			.getBytes(StandardCharsets.UTF_8);
		SectionId id = section.id();
		DocumentView document = as(party(AGENCY, Role.AGENCY), () -> documents.upload(id, "示范招标文件.txt",
				"text/plain; charset=UTF-8", new ByteArrayInputStream(text)));
		// the agency signs the documents before the notice goes out: a demo-CA certificate issued and bound to it by the
		// registry, as any demo organisation gets one on its certificates page; its key signs the exact bytes
		DemoCredentials credentials = as(party(AGENCY, Role.AGENCY), certificates::issueDemoCertificate);
		as(party(AGENCY, Role.AGENCY), () -> documents.sign(document.id(), credentials.sign(text),
				credentials.certificateBytes(), credentials.signatureAlgorithm().jcaName()));
		Instant deadline = now.atZone(ProcedureClock.CHINA).toLocalDate().plusDays(26).atTime(LocalTime.of(9, 30))
			.atZone(ProcedureClock.CHINA).toInstant();
		SectionView drafted = as(party(AGENCY, Role.AGENCY), () -> desk.submitNotice(id, new NoticeDraft(
				district.nameZh() + "示范道路改造工程施工招标公告",
				"一、招标条件：本项目已批准建设，资金已落实。\n二、招标范围：道路改造施工。\n三、投标人资格要求：具有相应施工资质。\n"
						+ "四、招标文件获取：在平台报名后下载。\n五、投标截止时间：见公告。\n六、本演示标段不要求投标保证金，以便直接试用投标。\n"
						+ "（演示数据 / demo data）",
				now, now.plus(Duration.ofDays(10)), deadline, false)));
		SectionView published = as(staff, () -> desk.publish(id, drafted.version()));
		log.info("Published the demo tender {} in {} (bid deadline {})", published.tradeCode(), district.nameZh(),
				published.bidDeadline());
		return published;
	}

	private EntityView entity(String name, String division, String body, EntityRole role, String username,
			RegionView district) {
		String first17 = "91" + division + body;
		String code = first17 + CreditCode.checkCharacter(first17);
		EntityView entity = registry.findByCreditCode(CreditCode.of(code)).orElseGet(() -> registry.register(
				new Registration(EntityKind.ORGANIZATION, district.nameZh() + name, code, null, "张示范", "李示范",
						"023-60000000", username + "@demo.yiwang.cn", district.nameZh() + "示范路 1 号", "150",
						district.code().value(), Set.of(role), username, password)));
		// the member's own phone, reported with the bids it submits (投标操作人联系方式, dataset 507)
		if (registry.memberPhone(entity.id(), username).isEmpty()) {
			as(party(username, role == EntityRole.TENDERER ? Role.TENDERER : role == EntityRole.AGENCY ? Role.AGENCY
					: Role.BIDDER), () -> registry.stateMyPhone("023-60000001"));
		}
		if (entity.approved()) {
			return entity;
		}
		return as(staff(district.code()), () -> registry.approve(entity.id(), entity.version()));
	}

	private static Acting party(String username, Role role) {
		return new DemoActing(new Actor(username, role.name(), null), username, Set.of(role), RegionScope.none(),
				Set.of());
	}

	private static Acting staff(RegionCode district) {
		return new DemoActing(new Actor("demo", Role.CENTER_STAFF.name(), district.value()), "demo",
				Set.of(Role.CENTER_STAFF), RegionScope.of(district), Set.of());
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

	/** The demo people and the district's staff as the demo acts for them. */
	private record DemoActing(Actor actor, String displayName, Set<Role> roles, RegionScope regionScope,
			Set<CategoryCode> industries) implements Acting {
	}
}
