package org.yiwang.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.registry.DemoOrganisations;
import org.yiwang.registry.EntityRole;
import org.yiwang.system.RegionScopes;

/**
 * Approved demo organisations for the demo accounts (docs/demo.md), so a newcomer signed in as {@code tenderer},
 * {@code agency}, {@code bidder}, {@code bidder2}, {@code bidder3}, {@code issuer} or {@code intermediary} acts for an
 * entity at once. A sub-switch, {@code yiwang.demo.entities}, defaults from {@code yiwang.demo}; made once, after the
 * demo accounts.
 */
@Component
@Order(30)
@DemoOn
class DemoEntities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEntities.class);

	/** name, organisation code (the 9 characters after the division), roles, member usernames (first: admin) */
	private record Demo(String name, String organisationCode, Set<EntityRole> roles, List<String> members) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo("示范招标人有限公司", "MA5YWT001", Set.of(EntityRole.TENDERER), List.of("tenderer")),
			// the demo agency account had no entity and dead-ended (issue 18): now it acts for an agency
			new Demo("示范招标代理有限公司", "MA5YWA001", Set.of(EntityRole.AGENCY), List.of("agency")),
			new Demo("示范投标建设有限公司", "MA5YWB001", Set.of(EntityRole.BIDDER), List.of("bidder")),
			new Demo("示范第二投标建设有限公司", "MA5YWB002", Set.of(EntityRole.BIDDER), List.of("bidder2")),
			new Demo("示范第三投标建设有限公司", "MA5YWB003", Set.of(EntityRole.BIDDER), List.of("bidder3")),
			new Demo("示范融资担保有限公司", "MA5YWG001", Set.of(EntityRole.GUARANTEE_ISSUER),
					List.of("issuer", "issuer.api")),
			new Demo("示范工程咨询有限公司", "MA5YWJ001", Set.of(EntityRole.INTERMEDIARY), List.of("intermediary")));

	private final DemoOrganisations organisations;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	DemoEntities(DemoOrganisations organisations, TransactionTemplate transactions,
			@Value("${yiwang.demo.entities:true}") boolean enabled) {
		this.organisations = organisations;
		this.transactions = transactions;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		List<String> failed = new ArrayList<>();
		for (Demo demo : DEMOS) {
			try {
				RegionScopes.callAsPlatform(() -> transactions.execute(status -> organisations.addApproved(demo.name(),
						demo.organisationCode(), demo.roles(), demo.members())))
					.ifPresent(entity -> log.info("Made the demo entity {} ({}) for {}", entity.name(),
							entity.creditCode(), demo.members()));
			}
			catch (RuntimeException e) {
				// one demo organisation that cannot be made must not stop the platform from starting
				log.error("Demo entity {} not made", demo.name(), e);
				failed.add(demo.name() + ": " + e.getMessage());
			}
		}
		if (!failed.isEmpty()) {
			throw new IllegalStateException("Demo entities not made: " + failed);
		}
	}
}
