package org.yiwang.purchasing;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.yiwang.TestActor;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * Sets up catalogue purchasing through the platform's own services, as the people would: manufacturers, distributors
 * and hospitals registered in the registry and approved, signed in through the real login.
 */
final class PurchasingFixture {

	static final String PASSWORD = "Purchase-pass-2026";

	final PurchasingCatalogue catalogue;

	final VolumeRounds rounds;

	final HospitalOrders orders;

	final EntityRegistry registry;

	final AuthenticationProvider login;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	/** A different device-registration serial per run, so runs sharing a database never share reference prices. */
	private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger(
			(int) (Math.random() * 9000));

	PurchasingFixture(ApplicationContext context) {
		this.catalogue = context.getBean(PurchasingCatalogue.class);
		this.rounds = context.getBean(VolumeRounds.class);
		this.orders = context.getBean(HospitalOrders.class);
		this.registry = context.getBean(EntityRegistry.class);
		this.login = context.getBean(AuthenticationProvider.class);
	}

	/** A registered, approved entity in the region whose member signs in as {@code user} (made unique per run). */
	EntityView entity(String user, String name, String region, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name + run,
				TestActor.creditCode(region), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市", "150",
				region, Set.of(role), user(user), PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	String user(String user) {
		return (user + "." + run).toLowerCase();
	}

	<T> T as(String user, Supplier<T> work) {
		return TestActor.signedIn(login, user(user), PASSWORD, work);
	}

	/** A device registration number of the right shape, new at every call. */
	static String deviceNumber() {
		return "国械注准2024313" + String.format("%04d", SERIAL.incrementAndGet() % 10000);
	}

	/** A drug approval number of the right shape, new at every call. */
	static String drugNumber() {
		return "国药准字H2024" + String.format("%04d", SERIAL.incrementAndGet() % 10000);
	}

	static NewProduct product(String category, String name, String specification) {
		String number = switch (category) {
			case "MEDICAL_CONSUMABLES" -> deviceNumber();
			case "DRUGS" -> drugNumber();
			default -> null;
		};
		return new NewProduct(category, name, number, specification, null);
	}

	static ByteArrayInputStream evidence(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Adds, declares (with evidence) and has city staff approve a product at the price. */
	ProductView listed(String manufacturer, NewProduct product, String price) {
		ProductView added = as(manufacturer, () -> catalogue.addProduct(product));
		ListingPriceView declared = as(manufacturer, () -> catalogue.declarePrice(added.id(), new BigDecimal(price),
				"evidence.pdf", evidence("外省中标通知 " + added.id())));
		TestActor.cityStaff().run(() -> catalogue.approve(declared.id(), declared.version(), "外省价格已核对"));
		return catalogue.product(added.id());
	}
}
