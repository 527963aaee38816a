package org.yiwang.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.auction.AssetClass;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.ListingStatus;
import org.yiwang.auction.ListingView;
import org.yiwang.auction.NewListing;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.guarantee.ArrivalReport;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.DepositAccountView;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * A believable city for the demo (docs/demo.md): listings of land, mining rights, state property, concessions, land
 * tickets, environmental rights and more in the districts and counties of Chongqing, published over the last twelve
 * months, and tenders of works and government procurement open for bids in several districts — so the portal's
 * lists, facets and charts show what the platform is for. Seeded through the auction hall's and the tender desk's
 * entry points as the demo transferors, the demo agency and each district's staff; a listing of months ago is
 * published as of its day ({@link AuctionHall#publishAsOf}), as the demo clock never goes back. Made once: a restart
 * finds the city's first transferor and leaves everything as it is. A sub-switch, {@code yiwang.demo.city}, defaults
 * from {@code yiwang.demo} (tests turn it off to start faster); in a city without these districts it does nothing.
 */
@Component
@Order(60)
@DemoOn
class DemoCity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** A transferor of the demo city: its username, name and credit-code digit. */
	private record Transferor(String username, String name, int n) {
	}

	private static final Transferor LAND = new Transferor("demo.land", "重庆市演示土地储备整治中心", 1);

	private static final Transferor STATE = new Transferor("demo.soe", "重庆演示国有资本运营有限公司", 2);

	private static final Transferor DISPOSAL = new Transferor("demo.disposal", "重庆演示公共资源处置服务中心", 3);

	/** A central SOE's Chongqing subsidiary: central-SOE assets are the SASAC's "full licence" business. */
	private static final Transferor CENTRAL = new Transferor("demo.central", "中国演示建设集团重庆有限公司", 4);

	/**
	 * One listing: who lists it, where, in which category, what, the starting price (yuan), the reserve in per cent of
	 * it (a Dutch auction's floor), the asset class, and how many days ago it was published.
	 */
	private record Lot(Transferor transferor, String region, String category, String abbreviation, String title,
			String starting, int reservePercent, AssetClass assetClass, int daysAgo) {
	}

	private static final List<Lot> LOTS = List.of(
			new Lot(LAND, "500112", "LAND_STATE", "TD", "渝北区空港新城 C23-1/03 号宗地国有建设用地使用权（商住用地 38,600 平方米）",
					"286000000.00", 100, AssetClass.LAND_SEA_AND_ISLANDS, 330),
			new Lot(LAND, "X50001", "LAND_STATE", "TD", "两江新区悦来组团 B12-2 号宗地国有建设用地使用权（工业用地 52,000 平方米）",
					"41600000.00", 100, AssetClass.LAND_SEA_AND_ISLANDS, 3),
			new Lot(LAND, "500243", "LAND_COLLECTIVE", "JT", "彭水县保家镇集体经营性建设用地使用权（13,300 平方米，商业用途）",
					"3600000.00", 100, AssetClass.LAND_SEA_AND_ISLANDS, 240),
			new Lot(LAND, "500229", "MINING_EXPLORATION", "TK", "城口县高观镇锰矿探矿权（勘查面积 12.6 平方千米）", "12800000.00",
					100, AssetClass.INTANGIBLE, 300),
			new Lot(LAND, "500243", "MINING_EXTRACTION", "CK", "彭水县鹿角镇建筑石料用灰岩矿采矿权（年产 60 万吨）", "8600000.00",
					100, AssetClass.INTANGIBLE, 150),
			new Lot(LAND, "500102", "LAND_TICKET", "DP", "地票交易：涪陵区复垦建设用地指标 100 亩", "18000000.00", 100,
					AssetClass.INTANGIBLE, 60),
			new Lot(STATE, "X50001", "STATE_EQUITY", "GQ", "重庆两江演示智能装备有限公司 35% 股权", "45000000.00", 100,
					AssetClass.INTANGIBLE, 270),
			new Lot(STATE, "500107", "STATE_CAPITAL_INCREASE", "ZZ", "重庆九龙演示物流有限公司增资扩股（引入投资方一名，持股 30%）",
					"60000000.00", 100, AssetClass.INTANGIBLE, 210),
			new Lot(STATE, "500106", "STATE_ASSET", "SW", "沙坪坝区三峡广场商业用房一处（建筑面积 1,280 平方米）", "25600000.00",
					100, AssetClass.BUILDINGS_AND_STRUCTURES, 120),
			new Lot(STATE, "500108", "STATE_ASSET_LEASE", "ZL", "南岸区南坪东路临街门面五年租赁权（建筑面积 210 平方米）",
					"1200000.00", 100, AssetClass.BUILDINGS_AND_STRUCTURES, 5),
			new Lot(STATE, "500105", "PUBLIC_CONCESSION", "TX", "江北嘴中央商务区公共停车场十年经营权（车位 860 个）",
					"8000000.00", 100, AssetClass.INTANGIBLE, 90),
			new Lot(STATE, "X50001", "INDUSTRIAL_HOUSING", "CF", "两江新区水土园区标准厂房 B3 栋三年租赁（8,400 平方米）",
					"900000.00", 100, AssetClass.BUILDINGS_AND_STRUCTURES, 30),
			new Lot(DISPOSAL, "500105", "JUDICIAL_ASSET", "SF", "江北区观音桥商圈住宅一套（司法处置，建筑面积 118 平方米）",
					"3200000.00", 100, AssetClass.BUILDINGS_AND_STRUCTURES, 180),
			new Lot(DISPOSAL, "500101", "CONFISCATED_GOODS", "FM", "万州区罚没走私冻品一批（约 20 吨，经检验检疫合格）",
					"400000.00", 60, AssetClass.MATERIALS, 45),
			new Lot(DISPOSAL, "500229", "FOREST_RIGHTS", "LQ", "城口县明通镇集体林地经营权流转（3,200 亩，期限 30 年）",
					"2400000.00", 100, AssetClass.LAND_SEA_AND_ISLANDS, 200),
			new Lot(DISPOSAL, "500101", "RURAL_COLLECTIVE_PROPERTY", "NC", "万州区甘宁镇村集体闲置厂房十年租赁（2,600 平方米）",
					"300000.00", 100, AssetClass.BUILDINGS_AND_STRUCTURES, 15),
			new Lot(DISPOSAL, "500102", "POLLUTANT_DISCHARGE", "PW", "涪陵区化学需氧量排污权 120 吨/年", "600000.00", 100,
					AssetClass.INTANGIBLE, 100),
			new Lot(DISPOSAL, "500115", "CARBON_EMISSIONS", "TP", "重庆碳排放配额 50,000 吨（2026 年度）", "2000000.00", 100,
					AssetClass.INTANGIBLE, 20),
			// announced only (no auction seeded): the catalogue's last listing categories, so the city holds every one
			new Lot(CENTRAL, "500112", "CENTRAL_SOE_ASSET", "YQ", "渝北区仙桃数据谷办公楼一栋转让（中央企业子公司所属，建筑面积 6,400 平方米）",
					"52000000.00", 100, AssetClass.BUILDINGS_AND_STRUCTURES, 12),
			new Lot(DISPOSAL, "500243", "WATER_RIGHTS", "SQ", "彭水县乌江流域区域水权交易：年取水量 300 万立方米（期限 5 年）",
					"1500000.00", 100, AssetClass.INTANGIBLE, 8),
			new Lot(DISPOSAL, "500102", "ENERGY_USE_RIGHTS", "YN", "涪陵区用能权指标 12,000 吨标准煤（2026 年度）", "960000.00",
					100, AssetClass.INTANGIBLE, 25));

	/**
	 * Listings of the city that came to their end, by sequence number (1-based) in {@link #LOTS}: {@code true} sold by
	 * agreement to the one transferee who registered and paid its deposit (挂牌期满只有一个合格意向受让方, 协议转让),
	 * {@code false} failed after its extensions for want of any.
	 */
	private static final Map<Integer, Boolean> CONCLUDED = Map.of(1, true, 4, false, 7, true, 9, true, 15, false);

	/**
	 * One tender: where, category, project, section, scale, estimated price, works or goods or services, industry, and
	 * its funding (a {@code tendering.FundingSource} and remark).
	 */
	private record Tender(String region, String category, String project, String section, String scale, String price,
			String type, String industry, String funding, String fundingRemark) {

		Tender(String region, String category, String project, String section, String scale, String price, String type,
				String industry) {
			this(region, category, project, section, scale, price, type, industry, "FISCAL", "区级财政预算资金 100%");
		}
	}

	private static final List<Tender> TENDERS = List.of(
			new Tender("500105", "ENG_BUILDING", "江北区观音桥街道老旧小区改造项目", "施工一标段", "改造住宅 42 栋，建筑面积 26 万平方米",
					"38600000.00", "WORKS", "E"),
			new Tender("500112", "ENG_TRANSPORT", "渝北区悦来大道北延伸段道路工程项目", "施工一标段", "城市主干道 3.2 公里，双向六车道",
					"126000000.00", "WORKS", "E"),
			new Tender("500243", "ENG_WATER", "彭水县郁江防洪护岸综合治理项目", "施工一标段", "防洪堤 4.6 公里，护岸 2.1 公里",
					"52000000.00", "WORKS", "E"),
			new Tender("500106", "GOV_GOODS", "沙坪坝区中小学智慧教室设备采购项目", "一包", "智慧黑板 320 套及配套终端",
					"9800000.00", "GOODS", "F"),
			new Tender("500108", "GOV_SERVICES", "南岸区城市管理综合执法信息化运维服务项目", "一包", "三年运维服务，含 7×24 小时值守",
					"3600000.00", "SERVICES", "I"),
			new Tender("500229", "ENG_BUILDING", "城口县人民医院门诊综合楼建设项目", "施工总承包", "门诊综合楼 1.8 万平方米，地上 9 层",
					"68000000.00", "WORKS", "E"),
			new Tender("500112", "ENG_RAIL_AVIATION", "重庆江北国际机场东航站区站坪扩建项目", "站坪施工一标段",
					"新建机坪 18 万平方米及配套助航灯光、排水工程", "236000000.00", "WORKS", "G", "FISCAL",
					"民航发展基金及市级财政预算资金"),
			new Tender("X50001", "ENG_EQUIPMENT", "两江新区悦来污水处理厂三期扩建项目", "主要设备采购包", "鼓风机、膜组器及配套电气设备一批",
					"27500000.00", "GOODS", "N", "STATE_ENTERPRISE_OWN", "重庆演示水务集团自有资金 100%"),
			new Tender("500107", "PRIVATE_PROJECT", "九龙坡区西彭工业园区铝材深加工厂房建设项目", "施工总承包", "钢结构厂房 3 栋，建筑面积 4.2 万平方米",
					"48000000.00", "WORKS", "C", "PRIVATE", "企业自筹资金 100%（民营项目，自愿进场交易）"));

	private final AuctionHall hall;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final TenderingDemo tendering;

	private final CashDeposits deposits;

	private final Clock clock;

	private final boolean enabled;

	private final String password;

	/** The demo listings' first transferee ({@link DemoListings}) buys what the city sells. */
	private static final String TRANSFEREE = "demo.transferee1";

	DemoCity(AuctionHall hall, EntityRegistry registry, Catalog catalog, TenderingDemo tendering, CashDeposits deposits,
			Clock clock,
			@Value("${yiwang.demo.city:true}") boolean enabled,
			@Value("${yiwang.account.demo-password:Demo@2026yw}") String password) {
		this.hall = hall;
		this.registry = registry;
		this.catalog = catalog;
		this.tendering = tendering;
		this.deposits = deposits;
		this.clock = clock;
		this.enabled = enabled;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || catalog.region(RegionCode.of("500243")).isEmpty()
				|| registry.findByCreditCode(CreditCode.of(code(LAND.n()))).isPresent()) {
			return;
		}
		long started = System.nanoTime();
		for (Transferor t : List.of(LAND, STATE, DISPOSAL, CENTRAL)) {
			transferor(t);
		}
		List<String> failed = new ArrayList<>();
		int listings = 0;
		int concluded = 0;
		int sequence = 1;
		for (Lot lot : LOTS) {
			try {
				ListingView listed = list(lot, sequence);
				listings++;
				Boolean sold = CONCLUDED.get(sequence);
				if (sold != null) {
					conclude(lot, listed, sold);
					concluded++;
				}
			}
			catch (RuntimeException e) {
				log.warn("Demo city: listing {} not seeded: {}", lot.title(), e.getMessage());
				failed.add(lot.title() + ": " + e.getMessage());
			}
			sequence++;
		}
		int tenders = 0;
		EntityView tenderer = tendering.parties(tendering.homeDistrict());
		for (Tender t : TENDERS) {
			try {
				RegionView district = catalog.region(RegionCode.of(t.region())).orElseThrow();
				tendering.publish(tenderer, new TenderingDemo.DemoTender(district, t.category(), t.project(), t.section(),
						t.scale(), new BigDecimal(t.price()), t.type(), t.industry(), t.funding(), t.fundingRemark()));
				tenders++;
			}
			catch (RuntimeException e) {
				log.warn("Demo city: tender {} not seeded: {}", t.project(), e.getMessage());
				failed.add(t.project() + ": " + e.getMessage());
			}
		}
		log.warn("Seeded the demo city: {} listings ({} concluded) and {} tenders in {} ms", listings, concluded, tenders,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		if (!failed.isEmpty()) {
			throw new IllegalStateException(failed.size() + " demo city records not seeded: " + failed);
		}
	}

	private ListingView list(Lot lot, int sequence) {
		Instant publishedAt = clock.instant().minus(Duration.ofDays(lot.daysAgo()));
		int year = publishedAt.atZone(CHINA).getYear();
		String trade = "CQ-%s-%d-%s-C%02d".formatted(lot.region(), year, lot.abbreviation(), sequence);
		BigDecimal starting = new BigDecimal(lot.starting());
		BigDecimal reserve = starting.multiply(BigDecimal.valueOf(lot.reservePercent()))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
		boolean dutch = lot.reservePercent() < 100;
		// a rise (or, in a Dutch auction, a step down) of about 1% of the start, a deposit of 10%
		BigDecimal increment = starting.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).max(BigDecimal.ONE)
			.setScale(2);
		BigDecimal security = starting.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP);
		ListingView submitted = DemoActing.party(lot.transferor().username(), Role.TENDERER).call(() -> hall.submit(
				new NewListing(trade, lot.region(), lot.category(), lot.title(),
						"转让标的：" + lot.title() + "。标的现状、权属及评估情况详见挂牌文件，意向受让方可在挂牌期内预约现场踏勘。（演示数据 / demo data）",
						"意向受让方须为依法设立并有效存续的企业法人或其他组织，具有良好的财务状况和商业信用；不接受联合受让。", null,
						starting, dutch ? reserve : starting, increment, security, listingDays(lot), true,
						lot.assetClass().code(),
						starting)));
		return DemoActing.staff(RegionCode.of(lot.region()))
			.call(() -> hall.publishAsOf(submitted.id(), submitted.version(), publishedAt));
	}

	/**
	 * A listing whose period is over comes to its end as staff conclude it. To be sold, a demo transferee registers the
	 * day after publication, pays its deposit through the demo bank (arriving now: a value date is never back-dated),
	 * staff qualify it and record the transfer by agreement at the listing price; unsold, staff conclude it with no
	 * one registered until its extensions are used up and it fails.
	 */
	private void conclude(Lot lot, ListingView listing, boolean sold) {
		DemoActing staff = DemoActing.staff(RegionCode.of(lot.region()));
		UUID id = listing.id();
		if (sold) {
			String trade = listing.tradeCode().value();
			DemoActing transferee = DemoActing.party(TRANSFEREE, Role.BIDDER);
			var registration = transferee
				.call(() -> hall.registerAsOf(id, listing.publishedAt().plus(Duration.ofDays(1))));
			DepositAccountView account = transferee.call(() -> deposits.openAccount(trade));
			EntityView entity = transferee.call(() -> registry.myEntity().orElseThrow());
			DemoActing.party(DemoListings.BANK, Role.API_CLIENT).call(() -> deposits.report("demo-city-" + trade,
					new ArrivalReport(account.accountNumber(), listing.security().yuan(), "6222000011110000",
							entity.name(), clock.instant(), "DEMO-CITY-" + trade)));
			staff.call(() -> hall.qualify(registration.id()));
		}
		ListingView concluded = listing;
		for (int i = 0; i < 5 && concluded.status() == ListingStatus.PUBLISHED; i++) {
			concluded = staff.call(() -> hall.conclude(id, null, null, null));
		}
		if (sold && concluded.status() == ListingStatus.AGREEMENT) {
			BigDecimal price = concluded.startingPrice().yuan();
			staff.call(() -> hall.concludeAgreement(id, price));
		}
	}

	/**
	 * The listing period: 20 days, or for a listing of many months ago one long enough that its deposit requirement,
	 * which runs to 90 days after the period, still lies ahead (the guarantee module refuses a requirement already
	 * over, and the demo clock never goes back); in working days where the category's template counts them.
	 */
	private int listingDays(Lot lot) {
		int calendarDays = Math.max(20, lot.daysAgo() - 70);
		boolean working = catalog.currentTemplate(CategoryCode.of(lot.category())).listingInWorkingDays();
		return working ? Math.max(20, (calendarDays * 5 + 6) / 7) : calendarDays;
	}

	private EntityView transferor(Transferor t) {
		EntityView registered = registry.findByCreditCode(CreditCode.of(code(t.n()))).orElseGet(() -> registry.register(
				new Registration(EntityKind.ORGANIZATION, t.name(), code(t.n()), null, "周演示", "吴演示", "023-63100000",
						t.username() + "@demo.yiwang.cn", "重庆市渝北区演示大道 88 号", "110", "500000",
						Set.of(EntityRole.TRANSFEROR), t.username(), password)));
		return registered.approved() ? registered
				: DemoActing.startUp().call(() -> registry.approve(registered.id(), registered.version()));
	}

	/** Fixed demo credit codes under the city (500000), with their check characters. */
	static String code(int n) {
		String first17 = "91500000MA6CQDM0" + n;
		return first17 + CreditCode.checkCharacter(first17);
	}

}
