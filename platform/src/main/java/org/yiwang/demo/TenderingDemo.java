package org.yiwang.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.tendering.DocumentView;
import org.yiwang.tendering.NewTender;
import org.yiwang.tendering.NoticeDraft;
import org.yiwang.tendering.ProjectFacts;
import org.yiwang.tendering.SectionDetails;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

/**
 * With demo data on ({@code yiwang.demo=true}): three approved demo entities with their own accounts (password of the
 * demo accounts) — a tenderer in 渝中区 ({@code demo.tenderer}), an agency it mandated ({@code demo.agency}) and a bidder
 * ({@code demo.bidder}) — and one published tender in 渝中区 whose bid deadline lies ahead, so a newcomer finds a live
 * tender at once. When the last demo tender's deadline is near or past, the next start publishes a new one. Everything
 * goes through tendering's entry points ({@link TenderDesk}, {@link TenderDocuments}), rules and audit log, as the demo
 * people and the district's staff. {@link DemoCity} publishes its tenders through {@link #publish} too.
 */
@Component
@Order(50)
@DemoOn
public class TenderingDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TenderingDemo.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String TENDERER = "demo.tenderer";

	static final String AGENCY = "demo.agency";

	static final String BIDDER = "demo.bidder";

	/**
	 * A tender the demo publishes: where, in which category, what, for how much, whether it is works, and its funding
	 * ({@code FundingSource} and remark; district budget funds unless said).
	 */
	record DemoTender(RegionView district, String category, String projectName, String sectionName, String scale,
			BigDecimal estimatedPrice, String tenderType, String industry, String funding, String fundingRemark) {

		DemoTender(RegionView district, String category, String projectName, String sectionName, String scale,
				BigDecimal estimatedPrice, String tenderType, String industry) {
			this(district, category, projectName, sectionName, scale, estimatedPrice, tenderType, industry, "FISCAL",
					"区级财政预算资金 100%");
		}
	}

	private final EntityRegistry registry;

	private final EntityCertificates certificates;

	private final Catalog catalog;

	private final TenderDesk desk;

	private final TenderDocuments documents;

	private final Clock clock;

	private final String command;

	private final String password;

	TenderingDemo(EntityRegistry registry, EntityCertificates certificates, Catalog catalog, TenderDesk desk,
			TenderDocuments documents, Clock clock, @Value("${yiwang.command:}") String command,
			@Value("${yiwang.account.demo-password:Demo@2026yw}") String password) {
		this.registry = registry;
		this.certificates = certificates;
		this.catalog = catalog;
		this.desk = desk;
		this.documents = documents;
		this.clock = clock;
		this.command = command;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!command.isBlank()) {
			return;
		}
		// a failure is recorded by DemoSeeding (the demo clock page, the demo health contributor)
		ensureDemoTender();
	}

	/** 渝中区, or in another city its first district. */
	RegionView homeDistrict() {
		return catalog.regions().stream().filter(r -> r.code().value().equals("500103")).findFirst()
			.orElseGet(() -> catalog.regions().stream().filter(r -> !r.isCity()).findFirst().orElseThrow());
	}

	/** Returns the published demo section whose deadline is still ahead, creating entities and tender as needed. */
	public SectionView ensureDemoTender() {
		RegionView district = homeDistrict();
		EntityView tenderer = parties(district);
		Instant now = clock.instant();
		Optional<SectionView> live = DemoActing.party(TENDERER, Role.TENDERER).call(desk::sections).stream()
			.filter(s -> s.tenderProjectName().equals(district.nameZh() + "示范道路改造工程施工招标"))
			.filter(s -> s.published() && s.bidDeadline().isAfter(now.plus(Duration.ofDays(2)))).findFirst();
		if (live.isPresent()) {
			return live.get();
		}
		return publish(tenderer, new DemoTender(district, "ENG_BUILDING", district.nameZh() + "示范道路改造项目",
				"施工一标段", "道路改造全长 1.2 公里，车行道宽 16 米，含排水、照明及交通设施", new BigDecimal("5000000.00"), "WORKS", "E"));
	}

	/** The demo tenderer (returned), its agency and a bidder, registered in the district and approved; made once. */
	EntityView parties(RegionView district) {
		String division = district.code().value().matches("\\d{6}") ? district.code().value()
				: catalog.city().code().value();
		EntityView tenderer = entity("示范建设管理中心", division, "MA6TD0001", EntityRole.TENDERER, TENDERER, district);
		EntityView agency = entity("示范招标代理有限公司", division, "MA6AG0001", EntityRole.AGENCY, AGENCY, district);
		entity("示范建筑工程有限公司", division, "MA6BD0001", EntityRole.BIDDER, BIDDER, district);
		DemoActing tendererActing = DemoActing.party(TENDERER, Role.TENDERER);
		if (tendererActing.call(desk::myMandates).stream().noneMatch(m -> m.agency().equals(agency.id()))) {
			tendererActing.call(() -> desk.recordMandate(agency.creditCode(), "示范：全部招标项目"));
		}
		return tenderer;
	}

	/**
	 * The agency registers the tender for the tenderer (who mandated it), the district's staff approve it, the agency
	 * uploads and signs the documents and submits the notice (bid deadline 26 days ahead, 09:30 Beijing time), the
	 * staff publish it.
	 */
	SectionView publish(EntityView tenderer, DemoTender tender) {
		return publish(tenderer, tender, 26);
	}

	/** {@link #publish(EntityView, DemoTender)} with the bid deadline {@code deadlineDays} ahead (09:30 Beijing time). */
	SectionView publish(EntityView tenderer, DemoTender tender, int deadlineDays) {
		RegionView district = tender.district();
		DemoActing agency = DemoActing.party(AGENCY, Role.AGENCY);
		boolean works = tender.tenderType().equals("WORKS");
		String base = tender.projectName().replace("项目", "");
		String tenderProjectName = works ? base + "工程施工招标" : base.endsWith("采购") ? base : base + "采购";
		SectionView registered = agency.call(() -> desk.registerTender(new NewTender(tender.projectName(),
				"示范发改〔2026〕" + (Math.abs(tender.projectName().hashCode()) % 900 + 100) + "号", tenderProjectName,
				tenderer.creditCode(), new SectionDetails(tender.sectionName(), district.code().value(), tender.category(),
						tender.estimatedPrice(), BigDecimal.ZERO, 90, List.of()),
				new ProjectFacts(district.nameZh() + "（详见招标文件）", tenderer.name(), tender.industry(), tender.funding(),
						tender.fundingRemark(), tender.scale(), "关于" + tender.projectName() + "的批复", works,
						tender.tenderType(), tender.projectName() + "：" + tender.scale() + "；公开招标，一个标段，资格后审",
						district.nameZh() + (works ? "住房和城乡建设委员会" : "财政局"), district.nameZh() + "发展和改革委员会"))));
		DemoActing staff = DemoActing.staff(district.code());
		SectionView section = staff.call(() -> desk.approve(registered.id(), registered.version()));
		byte[] text = ("示范招标文件：" + section.tenderProjectName() + "，" + section.name() + "。\n"
				+ "本文件仅用于演示平台流程。\nDemo tender documents: for trying the platform only.\n")
			.getBytes(StandardCharsets.UTF_8);
		SectionId id = section.id();
		DocumentView document = agency.call(() -> documents.upload(id, "示范招标文件.txt", "text/plain; charset=UTF-8",
				new ByteArrayInputStream(text)));
		// the agency signs the documents before the notice goes out: a demo-CA certificate issued and bound to it by the
		// registry, as any demo organisation gets one on its certificates page; its key signs the exact bytes
		IssuedCredentials credentials = agency.call(certificates::issueDemoCertificate);
		agency.call(() -> documents.sign(document.id(), credentials.sign(text), credentials.certificateBytes(),
				credentials.signatureAlgorithm().jcaName()));
		Instant now = clock.instant();
		Instant deadline = now.atZone(CHINA).toLocalDate().plusDays(deadlineDays).atTime(LocalTime.of(9, 30)).atZone(CHINA)
			.toInstant();
		SectionView drafted = agency.call(() -> desk.submitNotice(id, new NoticeDraft(tenderProjectName + "公告",
				"一、招标条件：本项目已批准建设，资金已落实。\n二、招标范围：" + tender.scale() + "。\n三、投标人资格要求：具有相应资质与能力。\n"
						+ "四、招标文件获取：在平台报名后下载。\n五、投标截止时间：见公告。\n六、本演示标段不要求投标保证金，以便直接试用投标。\n"
						+ "（演示数据 / demo data）",
				now, now.plus(Duration.ofDays(10)), deadline, false)));
		SectionView published = staff.call(() -> desk.publish(id, drafted.version()));
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
			DemoActing.party(username, role == EntityRole.TENDERER ? Role.TENDERER
					: role == EntityRole.AGENCY ? Role.AGENCY : Role.BIDDER).call(() -> registry.stateMyPhone("023-60000001"));
		}
		if (entity.approved()) {
			return entity;
		}
		return DemoActing.staff(district.code()).call(() -> registry.approve(entity.id(), entity.version()));
	}
}
