package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.yiwang.registry.NewQualification;
import org.yiwang.registry.Registration;

/**
 * Sets up the marketplace through the platform's own services, as the people would: owners and intermediaries
 * registered and approved, qualifications added by the intermediaries themselves, service types offered, requests
 * published by owners. Every entity has a legal representative of its own, so only the tests' related parties are.
 */
final class IntermediaryFixture {

	static final String PASSWORD = "Intermediary-pass-2026";

	static final String REGION = TestActor.YUZHONG;

	final EntityRegistry registry;

	final IntermediaryMarket market;

	final SelectionDesk desk;

	final ServiceDelivery delivery;

	final AuthenticationProvider login;

	final String run = UUID.randomUUID().toString().substring(0, 6);

	private int count;

	IntermediaryFixture(ApplicationContext context) {
		this.registry = context.getBean(EntityRegistry.class);
		this.market = context.getBean(IntermediaryMarket.class);
		this.desk = context.getBean(SelectionDesk.class);
		this.delivery = context.getBean(ServiceDelivery.class);
		this.login = context.getBean(AuthenticationProvider.class);
	}

	/** A new approved entity with the role; its username. */
	String entity(String prefix, EntityRole role, String legalRepresentative) {
		String user = (prefix + (++count) + "." + run).toLowerCase();
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, "中介测试" + user,
				TestActor.creditCode(REGION), null, legalRepresentative, "联系人", "023-12345678", "contact@example.cn",
				"重庆市渝中区", "150", REGION, Set.of(role), user, PASSWORD));
		TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
		return user;
	}

	String owner() {
		return entity("ow", EntityRole.TENDERER, "业主法人" + run + count);
	}

	/** An intermediary offering the type with a valid qualification of its kind at the grade, until {@code until}. */
	String intermediary(String type, String grade, LocalDate until) {
		String user = entity("im", EntityRole.INTERMEDIARY, "中介法人" + run + count);
		ServiceTypeView serviceType = market.serviceType(type);
		as(user, () -> registry.addQualification(new NewQualification(serviceType.qualification(), grade,
				"Q-" + user, "重庆市住房和城乡建设委员会", LocalDate.of(2024, 1, 1), until)));
		as(user, () -> market.offer(Set.of(type)));
		return user;
	}

	String intermediary(String type) {
		return intermediary(type, "甲级", LocalDate.of(2030, 12, 31));
	}

	EntityView entityOf(String user) {
		return as(user, () -> registry.myEntity().orElseThrow());
	}

	<T> T as(String user, Supplier<T> work) {
		return TestActor.signedIn(login, user, PASSWORD, work);
	}

	NewServiceRequest request(String type, String method, String ceiling, Instant deadline, Integer priceWeight) {
		return new NewServiceRequest(REGION, type, "中介测试项目 " + run + " " + method, "某道路改造工程全过程造价咨询。",
				new BigDecimal(ceiling), null, deadline, method, priceWeight, null, null, null);
	}

	RequestView publish(String owner, String type, String method, Instant deadline) {
		return as(owner, () -> desk.publish(request(type, method, "200000.00", deadline,
				method.equals("PRICE_QUALITY") ? 60 : null)));
	}

	static Instant inTwoHours(Instant now) {
		return now.plus(Duration.ofHours(2));
	}
}
