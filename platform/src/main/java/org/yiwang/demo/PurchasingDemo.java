package org.yiwang.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.purchasing.HospitalOrders;
import org.yiwang.purchasing.ListingPriceView;
import org.yiwang.purchasing.NewOrder;
import org.yiwang.purchasing.NewProduct;
import org.yiwang.purchasing.NewRound;
import org.yiwang.purchasing.OrderView;
import org.yiwang.purchasing.ProductView;
import org.yiwang.purchasing.PurchasingCatalogue;
import org.yiwang.purchasing.RoundView;
import org.yiwang.purchasing.VolumeRounds;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * Demo catalogue purchasing with {@code yiwang.demo=true}, made once, only through the modules' public entry points:
 * a manufacturer ({@code demo.maker}), a distributor ({@code demo.distributor}) and three hospitals in three districts
 * ({@code demo.hospital1..3}, password as the demo accounts); other provinces' lowest prices imported; medical
 * consumables, a drug and a building material declared with evidence and approved by city staff (one declaration
 * left for staff to review); a drug procurement round open for quantities and bids; orders at the three hospitals,
 * one negotiated below the listing price and one more than 20% above it (a price deviation), one settled.
 */
@Component
@DemoOn
@Order(100)
class PurchasingDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PurchasingDemo.class);

	static final String PASSWORD = "Demo@2026yw";

	/** The gauze left for review: its declared 0.85 is above 四川's 0.78. */
	private static final String GAUZE = "渝械注准20182640035";

	private final PurchasingCatalogue catalogue;

	private final VolumeRounds rounds;

	private final HospitalOrders orders;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final Clock clock;

	private final boolean demo;

	private final org.yiwang.system.DemoTime demoTime;

	private final boolean city;

	PurchasingDemo(PurchasingCatalogue catalogue, VolumeRounds rounds, HospitalOrders orders, EntityRegistry registry,
			Catalog catalog, Clock clock, @Value("${yiwang.demo:true}") boolean demo,
			org.yiwang.system.DemoTime demoTime, @Value("${yiwang.demo.city:true}") boolean city) {
		this.demoTime = demoTime;
		this.city = city;
		this.catalogue = catalogue;
		this.rounds = rounds;
		this.orders = orders;
		this.registry = registry;
		this.catalog = catalog;
		this.clock = clock;
		this.demo = demo;
	}

	/** Acts as someone for the demo data, as a signed-in principal would. */
	private record DemoActing(Actor actor, Set<Role> roles, RegionScope regionScope) implements Acting {

		public String displayName() {
			return actor.username();
		}

		public Set<CategoryCode> industries() {
			return Set.of();
		}

		<T> T call(Supplier<T> work) {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this, null,
					roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
			var previous = SecurityContextHolder.getContext();
			SecurityContextHolder.setContext(context);
			try {
				return work.get();
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		}
	}

	private static DemoActing staff() {
		return new DemoActing(new Actor("system", Role.CENTER_STAFF.name(), null), Set.of(Role.CENTER_STAFF),
				RegionScope.wholeCity());
	}

	private static DemoActing member(String username, Role role) {
		return new DemoActing(new Actor(username, role.name(), null), Set.of(role), RegionScope.none());
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo || registry.findByCreditCode(CreditCode.of(code(1))).isPresent()) {
			return;
		}
		List<RegionView> districts = districts();
		entity("demo.maker", "重庆演示医疗器械有限公司", 1, districts.get(0), EntityRole.BIDDER);
		EntityView distributor = entity("demo.distributor", "重庆演示医药配送有限公司", 2, districts.get(0), EntityRole.BIDDER);
		for (int i = 0; i < 3; i++) {
			entity("demo.hospital" + (i + 1), districts.get(i).nameZh() + "演示人民医院", 3 + i, districts.get(i),
					EntityRole.TENDERER);
		}
		DemoActing maker = member("demo.maker", Role.BIDDER);

		String infusion = "国械注准20163140581";
		String catheter = "国械注进20173776012";
		String drug = "国药准字H20213205";
		staff().call(() -> catalogue.importReferencePrices(file(String.join("\n",
				"registration_number,specification,province,price,effective_date",
				infusion + ",0.7mm 带针,四川,3.20,2026-08-01", infusion + ",0.7mm 带针,广东,2.95,2026-09-15",
				catheter + ",Fr16 双腔,浙江,48.00,2026-07-01", catheter + ",Fr16 双腔,江苏,46.50,2026-10-10",
				drug + ",0.25g×24粒,湖北,7.80,2026-06-01", GAUZE + ",7.5cm×7.5cm-8P,四川,0.78,2026-09-01") + "\n")));
		ProductView infusionSet = listed(maker, new NewProduct("MEDICAL_CONSUMABLES", "一次性使用输液器", infusion,
				"0.7mm 带针", "C14070703901001013520000001"), "2.90", null);
		ProductView urinaryCatheter = listed(maker, new NewProduct("MEDICAL_CONSUMABLES", "一次性使用导尿管", catheter,
				"Fr16 双腔", null), "49.00", "该型号含预充注射器，较外省产品配置更全，差价合理");
		ProductView amoxicillin = listed(maker, new NewProduct("DRUGS", "阿莫西林胶囊", drug, "0.25g×24粒", null), "7.50",
				null);
		ProductView rebar = listed(maker, new NewProduct("BUILDING_MATERIALS", "热轧带肋钢筋", null, "HRB400E Φ16", null),
				"4150.00", "无外省比价数据，已核对本地市场指导价");
		// one declaration left for the staff to review: above the lowest other-province price
		ProductView gauze = maker.call(() -> catalogue.addProduct(new NewProduct("MEDICAL_CONSUMABLES", "医用脱脂纱布块",
				GAUZE, "7.5cm×7.5cm-8P", null)));
		maker.call(() -> catalogue.declarePrice(gauze.id(), new BigDecimal("0.85"), "纱布块报价说明.txt",
				file("医用脱脂纱布块挂网报价说明（演示）")));

		Instant now = clock.instant();
		RoundView round = staff().call(() -> rounds.publish(new NewRound(catalog.city().code().value(), "DRUGS",
				"阿莫西林口服常释剂型带量采购（演示）", "阿莫西林胶囊 0.25g，按24粒/盒计", new BigDecimal("8.00"), 2,
				now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(14)))));
		for (int i = 0; i < 3; i++) {
			long quantity = 12_000L + 4_000L * i;
			member("demo.hospital" + (i + 1), Role.TENDERER).call(() -> rounds.reportQuantity(round.id(), quantity));
		}
		maker.call(() -> rounds.bid(round.id(), amoxicillin.id().toString(), new BigDecimal("6.20")));

		List<OrderView> placed = new ArrayList<>();
		placed.add(order("demo.hospital1", infusionSet, distributor, 5000, "2.30"));
		placed.add(order("demo.hospital2", infusionSet, distributor, 3000, null));
		placed.add(order("demo.hospital3", infusionSet, distributor, 2000, "2.75"));
		placed.add(order("demo.hospital1", urinaryCatheter, distributor, 200, null));
		placed.add(order("demo.hospital2", amoxicillin, distributor, 600, "7.20"));
		DemoActing deliverer = member("demo.distributor", Role.BIDDER);
		DemoActing hospital1 = member("demo.hospital1", Role.TENDERER);
		OrderView first = placed.get(0);
		OrderView delivered = deliverer.call(() -> orders.deliver(first.id(), first.version(), "配送单 PS-DEMO-0001，批号 20261101"));
		OrderView received = hospital1.call(() -> orders.receive(first.id(), delivered.version()));
		hospital1.call(() -> orders.settle(first.id(), received.version(), first.amount().yuan(), "DEMO-PAY-0001"));
		OrderView second = placed.get(3);
		deliverer.call(() -> orders.deliver(second.id(), second.version(), "配送单 PS-DEMO-0002"));
		if (city && demoTime.on() && catalog.region(RegionCode.of("500243")).isPresent()) {
			decidedRounds(maker, List.of(infusionSet, amoxicillin, rebar));
		}
		log.warn("Created the demo catalogue purchasing: 4 listed products, 1 price to review, the round '{}', {} orders "
				+ "at hospitals in {}; accounts demo.maker, demo.distributor, demo.hospital1..3", round.title(),
				placed.size(), districts.stream().map(RegionView::nameZh).toList());
	}

	/**
	 * With the demo city on ({@code yiwang.demo.city}): one volume-based round of each catalogue-purchasing category
	 * (medical consumables, drugs, building materials) taken to its published result, the portal's only public record of
	 * the family. Its windows are short (quantities for three minutes, bids for three more: enough for the seeding on
	 * a busy machine) and the demo clock is moved past them, six minutes, by the demo clock's own entry point: a round
	 * of weeks would need the clock weeks ahead, and the clock stays that much ahead of real time afterwards.
	 */
	private void decidedRounds(DemoActing maker, List<ProductView> products) {
		Instant now = clock.instant();
		List<RoundView> published = new ArrayList<>();
		for (ProductView product : products) {
			String[] round = switch (product.category().value()) {
				case "MEDICAL_CONSUMABLES" -> new String[] { "一次性使用输液器带量采购（演示，第一批）", "一次性使用输液器 0.7mm 带针，按支计",
						"3.00" };
				case "DRUGS" -> new String[] { "阿莫西林胶囊医疗机构联盟带量采购（演示，第一批）", "阿莫西林胶囊 0.25g，按24粒/盒计", "8.00" };
				default -> new String[] { "市政工程热轧带肋钢筋集中带量采购（演示）", "热轧带肋钢筋 HRB400E Φ16，按吨计", "4300.00" };
			};
			published.add(staff().call(() -> rounds.publish(new NewRound(catalog.city().code().value(),
					product.category().value(), round[0], round[1], new BigDecimal(round[2]), 2,
					now.plus(Duration.ofMinutes(3)), now.plus(Duration.ofMinutes(6))))));
		}
		for (int i = 0; i < published.size(); i++) {
			RoundView round = published.get(i);
			for (int h = 0; h < 3; h++) {
				long quantity = (round.category().value().equals("BUILDING_MATERIALS") ? 800L : 20_000L) * (h + 1);
				member("demo.hospital" + (h + 1), Role.TENDERER).call(() -> rounds.reportQuantity(round.id(), quantity));
			}
			ProductView product = products.get(i);
			BigDecimal price = round.ceilingPrice().yuan().multiply(new BigDecimal("0.85")).setScale(2,
					java.math.RoundingMode.HALF_UP);
			maker.call(() -> rounds.bid(round.id(), product.id().toString(), price));
		}
		Duration left = Duration.between(clock.instant(), now.plus(Duration.ofMinutes(6)));
		if (!left.isNegative()) {
			staff().call(() -> demoTime.advance(left.plusSeconds(1)));
		}
		for (RoundView round : published) {
			staff().call(() -> rounds.decide(round.id(), rounds.round(round.id()).version()));
		}
	}

	private OrderView order(String hospital, ProductView product, EntityView distributor, long quantity, String price) {
		return member(hospital, Role.TENDERER).call(() -> orders.place(new NewOrder(product.id().toString(),
				distributor.creditCode(), quantity, price == null ? null : new BigDecimal(price))));
	}

	private ProductView listed(DemoActing maker, NewProduct product, String price, String reason) {
		ProductView added = maker.call(() -> catalogue.addProduct(product));
		ListingPriceView declared = maker.call(() -> catalogue.declarePrice(added.id(), new BigDecimal(price),
				product.name() + "价格证明.txt", file(product.name() + " " + product.specification() + " 外省中标价格证明（演示）")));
		staff().call(() -> catalogue.approve(declared.id(), declared.version(), reason));
		return staff().call(() -> catalogue.product(added.id()));
	}

	/** 渝中区, 万州区 and 江北区 when the city has them; otherwise its first three districts. */
	private List<RegionView> districts() {
		List<RegionView> preferred = new ArrayList<>();
		for (String code : List.of("500103", "500101", "500105")) {
			catalog.region(RegionCode.of(code)).filter(RegionView::active).ifPresent(preferred::add);
		}
		if (preferred.size() < 3) {
			preferred = catalog.regions().stream().filter(r -> !r.isCity() && r.active()).limit(3).toList();
		}
		return preferred;
	}

	private EntityView entity(String username, String name, int n, RegionView region, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name, code(n), null, "张演示",
				"李演示", "023-63000000", username + "@demo.yiwang.cn", catalog.city().nameZh() + region.nameZh(), "150",
				region.code().value(), Set.of(role), username, PASSWORD));
		return staff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	/** Fixed demo credit codes, with their check characters. */
	static String code(int n) {
		String first17 = "91500103MA6PUR00" + n;
		return first17 + CreditCode.checkCharacter(first17);
	}

	private static ByteArrayInputStream file(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
