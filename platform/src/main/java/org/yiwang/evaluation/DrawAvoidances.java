package org.yiwang.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.evaluation.ExpertChanged.DrawAvoidanceAdded;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.TenderDesk;

/**
 * The tenderer's avoidance list for its section's expert draw (回避名单): people the draw must leave out, named by the
 * tenderer or its agency before the draw is requested ({@link ExpertPoolSnapshot} applies it).
 */
@Service
public class DrawAvoidances {

	private final Draws draws;

	private final TenderDesk tenderDesk;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final ExpertRefusals refusals;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DrawAvoidances(Draws draws, TenderDesk tenderDesk, EntityRegistry registry, Catalog catalog, ExpertRefusals refusals,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.draws = draws;
		this.tenderDesk = tenderDesk;
		this.registry = registry;
		this.catalog = catalog;
		this.refusals = refusals;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** The tenderer (or its agency) names a person the draw must avoid for its section, before the draw is requested. */
	public DrawAvoidance addAvoidance(UUID section, String name, String idNumber, String reason) {
		Acting acting = Actors.requireAnyRole("evaluation.draw.avoidance.partyOnly", Role.TENDERER, Role.AGENCY);
		requireSectionParty(section);
		return RegionScopes.callAsPlatform(() -> refusals.audited("draw.avoidance", "section:" + section, () -> {
			if (name == null || name.isBlank() || name.strip().length() > 40) {
				throw Refusal.invalid("name", "evaluation.draw.avoidance.name");
			}
			String number = idNumber == null || idNumber.isBlank() ? null : idNumber.strip().toUpperCase();
			if (number != null && (!number.matches("[0-9]{17}[0-9X]") || !ExpertPool.idNumberChecks(number))) {
				throw Refusal.invalid("idNumber", "evaluation.expert.idNumber.check");
			}
			if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
				throw Refusal.invalid("reason", "evaluation.draw.avoidance.reason");
			}
			if (draws.liveFor(section)) {
				throw Refusal.conflict(null, "evaluation.draw.avoidance.afterCommit");
			}
			UUID id = UUID.randomUUID();
			Instant now = clock.instant();
			draws.addAvoidance(section, name.strip(), number, reason.strip(), acting.actor().username(), now, id);
			events.publishEvent(new DrawAvoidanceAdded(acting.actor(), section.toString(), id, catalog.city().code(), now));
			return draws.avoidances(section).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
		}));
	}

	/** The section's avoidance list, for its tenderer or agency. */
	public List<DrawAvoidance> avoidances(UUID section) {
		Actors.requireAnyRole("evaluation.draw.avoidance.partyOnly", Role.TENDERER, Role.AGENCY);
		requireSectionParty(section);
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> draws.avoidances(section)));
	}

	private void requireSectionParty(UUID section) {
		var dossier = tenderDesk.dossier(new SectionId(section));
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("evaluation.draw.sectionNotFound"));
		if (!me.id().equals(dossier.section().tenderer()) && !me.id().equals(dossier.section().agency())) {
			throw Refusal.notFound("evaluation.draw.sectionNotFound");
		}
	}
}
