package org.yiwang.demo;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.evaluation.ExpertPool;
import org.yiwang.evaluation.NewExpert;
import org.yiwang.kernel.CreditCode;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.RegionScopes;

/**
 * With demo data on: the demo accounts {@code expert} … {@code expert9} become experts in the pool (docs/evaluation.md,
 * "Expert pool and draw"), each with a demo-CA SM2 certificate bound (its key is not kept: an expert downloads a fresh one at
 * {@code /experts/me/demo-key.pem}, which rebinds). {@code expert9} works for the demo bidder, so the draw avoids
 * them for the demo tender. Made once, after the demo accounts and entities, through {@link ExpertPool#addDemoExpert}.
 */
@Component
@Order(40)
@DemoOn
class ExpertDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ExpertDemo.class);

	/** username, name, ID number body (17 digits; the check character is computed), home region, specialties */
	private record Demo(String username, String name, String id17, String region, Set<String> specialties,
			boolean bidderEmployee) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo("expert", "示范评标专家", "50010319700101001", "500103", Set.of("A0101", "A0105"), false),
			new Demo("expert2", "王建国", "50010119720202002", "500101", Set.of("A0101"), false),
			new Demo("expert3", "李秀英", "50010319750303003", "500103", Set.of("A0101"), false),
			new Demo("expert4", "张伟", "50010519780404004", "500105", Set.of("A0101", "A0102"), false),
			new Demo("expert5", "刘洋", "50010619800505005", "500106", Set.of("A0101"), false),
			new Demo("expert6", "陈静", "50010319820606006", "500103", Set.of("A0105"), false),
			new Demo("expert7", "杨帆", "50010119840707007", "500101", Set.of("A0105"), false),
			new Demo("expert8", "赵敏", "50010719860808008", "500107", Set.of("A0105"), false),
			new Demo("expert9", "孙强", "50010319880909009", "500103", Set.of("A0101"), true));

	private final ExpertPool pool;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final TransactionTemplate transactions;

	ExpertDemo(ExpertPool pool, EntityRegistry registry, Catalog catalog, TransactionTemplate transactions) {
		this.pool = pool;
		this.registry = registry;
		this.catalog = catalog;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = DemoActing.startUp().call(() -> {
			int count = 0;
			for (Demo d : DEMOS) {
				count += RegionScopes.callAsPlatform(() -> transactions.execute(status -> add(d))) ? 1 : 0;
			}
			return count;
		});
		if (added > 0) {
			log.info("Demo expert pool: {} experts added", added);
		}
	}

	private boolean add(Demo d) {
		String idNumber = d.id17() + ExpertPool.checkCharacter(d.id17());
		EntityView employer = d.bidderEmployee()
				? registry.findByCreditCode(CreditCode.of(demoCode("MA5YWB001"))).orElse(null) : null;
		String employerName = employer != null ? employer.name() : "重庆示范设计研究院";
		String employerCode = employer != null ? employer.creditCode() : demoCode("MA5YWE" + d.id17().substring(14));
		return pool.addDemoExpert(new NewExpert(d.username(), d.name(), idNumber, "023-6" + d.id17().substring(10),
				d.region(), employerName, employerCode, d.specialties())).isPresent();
	}

	private String demoCode(String organisationCode) {
		String first17 = "91" + catalog.city().code().value() + organisationCode;
		return first17 + CreditCode.checkCharacter(first17);
	}
}
