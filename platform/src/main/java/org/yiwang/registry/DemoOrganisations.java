package org.yiwang.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.RegistryChanged.EntityApproved;
import org.yiwang.registry.RegistryChanged.EntityRegistered;
import org.yiwang.system.Refusal;

/**
 * Approved demo organisations for existing demo accounts (the demo module's {@code tenderer}, {@code bidder},
 * {@code issuer} …), so a newcomer signed in as one acts for an entity at once. Unlike {@link EntityRegistry#register},
 * which signs up a new account, this binds accounts the demo made already; only with demo data on, only demo accounts.
 */
@Service
public class DemoOrganisations {

	private final Entities entities;

	private final AccountManagement accounts;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final boolean demo;

	DemoOrganisations(Entities entities, AccountManagement accounts, Catalog catalog, ApplicationEventPublisher events,
			Clock clock, @Value("${yiwang.demo:true}") boolean demo) {
		this.entities = entities;
		this.accounts = accounts;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
		this.demo = demo;
	}

	/** The credit code of a demo organisation registered in this city, from its 9-character organisation code. */
	public String creditCode(String organisationCode) {
		String first17 = "91" + catalog.city().code().value() + organisationCode;
		return first17 + CreditCode.checkCharacter(first17);
	}

	/**
	 * Registers and approves a demo organisation (a limited liability company in the city) with the demo accounts as
	 * members, the first its administrator. Empty when it exists already (a restart) or a member is not a demo account.
	 * The caller runs it in the platform's scope; joins its transaction.
	 */
	@Transactional
	public Optional<EntityView> addApproved(String name, String organisationCode, Set<EntityRole> roles,
			List<String> memberUsernames) {
		if (!demo) {
			throw Refusal.forbidden("account.demo.off");
		}
		String code = creditCode(organisationCode);
		if (entities.byCreditCode(code).isPresent()) {
			return Optional.empty();
		}
		List<AccountView> members = memberUsernames.stream().map(accounts::demoAccount).flatMap(Optional::stream).toList();
		if (members.isEmpty() || members.size() != memberUsernames.size()) {
			return Optional.empty();
		}
		RegionCode city = catalog.city().code();
		Instant now = clock.instant();
		MarketEntity entity = new MarketEntity(EntityId.random(), EntityKind.ORGANIZATION, name, code, null, "示范法定代表人",
				"示范联系人", "023-60000000", catalog.city().nameZh() + "示范大道 1 号", memberUsernames.get(0) + "@demo.yiwang.cn",
				city, false, Set.of(), roles, EntityStatus.PENDING, null, now, null, null, now, 0);
		// demo organisations are limited liability companies (企业性质 150, GB/T 12402-2000)
		entity.enterpriseNature = EnterpriseNature.LIMITED_LIABILITY;
		entities.add(entity);
		events.publishEvent(new EntityRegistered(Actor.SYSTEM, entity.id, entity.kind, entity.name, entity.requestedRoles,
				false, city, now));
		entity.approve("system", now);
		entities.update(entity);
		events.publishEvent(new EntityApproved(Actor.SYSTEM, entity.id, entity.roles, city, now));
		boolean admin = true;
		for (AccountView member : members) {
			entities.addMember(entity.id, member.id().value(), member.username(), admin, now);
			// each demo member's own phone (投标操作人联系方式 of the bids it submits): a demo number
			entities.setMemberPhone(entity.id, member.username(),
					"023-6000" + String.format("%04d", members.indexOf(member) + 1));
			admin = false;
		}
		return Optional.of(entity.view());
	}
}
