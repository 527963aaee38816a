package org.yiwang.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.RegistryChanged.EntityApproved;
import org.yiwang.registry.RegistryChanged.EntityRegistered;
import org.yiwang.system.RegionScopes;

/**
 * Approved demo organisations for the demo accounts (README, "Demo accounts"), so a newcomer signed in as
 * {@code tenderer}, {@code bidder}, {@code bidder2}, {@code bidder3} or {@code issuer} acts for an entity at once. Only with
 * {@code yiwang.demo=true} and {@code yiwang.demo.entities=true}; made once, after the demo accounts.
 */
@Component
@Order(30)
class DemoEntities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEntities.class);

	/** name, organisation code (the 9 characters after the division), roles, member usernames (first: admin) */
	private record Demo(String name, String organisationCode, Set<EntityRole> roles, List<String> members) {
	}

	private static final List<Demo> DEMOS = List.of(
			new Demo("示范招标人有限公司", "MA5YWT001", Set.of(EntityRole.TENDERER), List.of("tenderer")),
			new Demo("示范投标建设有限公司", "MA5YWB001", Set.of(EntityRole.BIDDER), List.of("bidder")),
			new Demo("示范第二投标建设有限公司", "MA5YWB002", Set.of(EntityRole.BIDDER), List.of("bidder2")),
			new Demo("示范第三投标建设有限公司", "MA5YWB003", Set.of(EntityRole.BIDDER), List.of("bidder3")),
			new Demo("示范融资担保有限公司", "MA5YWG001", Set.of(EntityRole.GUARANTEE_ISSUER),
					List.of("issuer", "issuer.api")));

	private final Entities entities;

	private final AccountManagement accounts;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoEntities(Entities entities, AccountManagement accounts, Catalog catalog, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, @Value("${yiwang.demo:true}") boolean demo,
			@Value("${yiwang.demo.entities:true}") boolean demoEntities) {
		this.entities = entities;
		this.accounts = accounts;
		this.catalog = catalog;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = demo && demoEntities;
	}

	/** The credit code of a demo organisation, registered in this city. */
	static String creditCode(Catalog catalog, String organisationCode) {
		String first17 = "91" + catalog.city().code().value() + organisationCode;
		return first17 + CreditCode.checkCharacter(first17);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (enabled) {
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> createMissing()));
		}
	}

	private void createMissing() {
		RegionCode city = catalog.city().code();
		Instant now = clock.instant();
		for (Demo demo : DEMOS) {
			String code = creditCode(catalog, demo.organisationCode());
			if (entities.byCreditCode(code).isPresent()) {
				continue;
			}
			List<AccountView> members = demo.members().stream().map(accounts::demoAccount)
				.flatMap(java.util.Optional::stream).toList();
			if (members.size() != demo.members().size()) {
				log.warn("Demo entity {} not made: its demo accounts {} are missing", demo.name(), demo.members());
				continue;
			}
			MarketEntity entity = new MarketEntity(EntityId.random(), EntityKind.ORGANIZATION, demo.name(), code, null,
					"示范法定代表人", "示范联系人", "023-60000000", catalog.city().nameZh() + "示范大道 1 号",
					demo.members().get(0) + "@demo.yiwang.cn", city, false, Set.of(), demo.roles(),
					EntityStatus.PENDING, null, now, null, null, now, 0);
			// demo organisations are limited liability companies (企业性质 150, GB/T 12402-2000)
			entity.enterpriseNature = EnterpriseNature.LIMITED_LIABILITY;
			entities.add(entity);
			events.publishEvent(new EntityRegistered(Actor.SYSTEM, entity.id, entity.kind, entity.name,
					entity.requestedRoles, false, city, now));
			entity.approve("system", now);
			entities.update(entity);
			events.publishEvent(new EntityApproved(Actor.SYSTEM, entity.id, entity.roles, city, now));
			boolean admin = true;
			for (AccountView member : members) {
				entities.addMember(entity.id, member.id().value(), member.username(), admin, now);
				// each demo member's own phone (投标操作人联系方式 of the bids it submits): a demo number
				entities.setMemberPhone(entity.id, member.username(), "023-6000" + String.format("%04d", members.indexOf(member) + 1));
				admin = false;
			}
			log.info("Made the demo entity {} ({}) for {}", demo.name(), code, demo.members());
		}
	}
}
