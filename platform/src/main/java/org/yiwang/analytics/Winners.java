package org.yiwang.analytics;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yiwang.kernel.CreditCode;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;

/** Where a winner is registered, from the registry (the non-local share counts those registered outside the city). */
@Component
class Winners {

	private final EntityRegistry registry;

	Winners(EntityRegistry registry) {
		this.registry = registry;
	}

	Fact winner(Fact fact, String creditCode) {
		if (creditCode == null || creditCode.isBlank()) {
			return fact;
		}
		Optional<EntityView> entity;
		try {
			entity = registry.findByCreditCode(CreditCode.of(creditCode));
		}
		catch (IllegalArgumentException notACode) {
			return fact; // a natural person's or a foreign firm's number: the region stays unknown
		}
		return entity.map(e -> fact.withWinner(e.registeredRegion().value(), e.nonLocal())).orElse(fact);
	}

	Fact winner(Fact fact, EntityId id) {
		if (id == null) {
			return fact;
		}
		return registry.find(id).map(e -> fact.withWinner(e.registeredRegion().value(), e.nonLocal())).orElse(fact);
	}

	Optional<String> name(EntityId id) {
		return registry.find(id).map(EntityView::name);
	}
}
