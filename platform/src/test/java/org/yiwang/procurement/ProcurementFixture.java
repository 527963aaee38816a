package org.yiwang.procurement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * A purchaser and suppliers registered and approved in the registry, acting as the members they registered, and a
 * case of a method taken through the platform's own services. Public: the every-category test uses it too.
 */
public final class ProcurementFixture {

	public static final String PASSWORD = "Procure-pass-2026";

	public static final String REGION = TestActor.YUZHONG;

	public final ProcurementDesk desk;

	public final NegotiationRoom room;

	public final EntityRegistry registry;

	public final String run = UUID.randomUUID().toString().substring(0, 8);

	public final EntityView purchaser;

	public final List<EntityView> suppliers = new ArrayList<>();

	public ProcurementFixture(ApplicationContext context, int supplierCount) {
		this.desk = context.getBean(ProcurementDesk.class);
		this.room = context.getBean(NegotiationRoom.class);
		this.registry = context.getBean(EntityRegistry.class);
		this.purchaser = entity("cg", "采购单位", EntityRole.TENDERER);
		for (int i = 1; i <= supplierCount; i++) {
			suppliers.add(entity("gy" + i, "供应商" + i, EntityRole.BIDDER));
		}
	}

	public String user(String prefix) {
		return (prefix + "." + run).toLowerCase();
	}

	private EntityView entity(String prefix, String name, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name + "有限公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150",
				REGION, Set.of(role), user(prefix), PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	public TestActor purchaserActor() {
		return TestActor.of(user("cg"), Role.TENDERER, TestActor.CITY, false);
	}

	public TestActor supplier(int i) {
		return TestActor.of(user("gy" + i), Role.BIDDER, TestActor.CITY, false);
	}

	public static TestActor staff() {
		return TestActor.districtStaff(REGION);
	}

	public List<String> codes(int count) {
		return suppliers.stream().limit(count).map(EntityView::creditCode).toList();
	}

	public NewProcurement request(String category, ProcurementMethod method, String budget, int supplierCount) {
		return new NewProcurement(REGION, category, method, "办公设备采购 " + run, "台式计算机 50 台，三年上门保修。",
				new BigDecimal(budget), codes(supplierCount), null,
				method == ProcurementMethod.SINGLE_SOURCE ? "只能从唯一供应商处采购（政府采购法第三十一条第一项）" : null);
	}

	/** Registered by the purchaser and published by the district's staff. */
	public ProcurementView published(String category, ProcurementMethod method, String budget, int supplierCount) {
		ProcurementView registered = purchaserActor().call(() -> desk.register(request(category, method, budget,
				supplierCount)));
		return staff().call(() -> desk.publish(registered.id(), registered.version()));
	}
}
