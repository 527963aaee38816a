package org.yiwang.purchasing.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.purchasing.ProductView;
import org.yiwang.purchasing.PurchasingCatalogue;
import org.yiwang.purchasing.RoundBidView;
import org.yiwang.purchasing.RoundView;
import org.yiwang.purchasing.VolumeRounds;
import org.yiwang.system.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public side of catalogue purchasing as JSON, read only: the listed catalogue and the volume rounds' results. */
@RestController
@RequestMapping("/api/purchasing")
@Tag(name = "purchasing", description = "Catalogue purchasing: listed prices and volume-based procurement rounds")
class PurchasingApi {

	/** A round and, once decided, every disclosed bid (none while the prices are sealed). */
	record RoundResult(RoundView round, List<RoundBidView> bids) {
	}

	private final PurchasingCatalogue catalogue;

	private final VolumeRounds rounds;

	PurchasingApi(PurchasingCatalogue catalogue, VolumeRounds rounds) {
		this.catalogue = catalogue;
		this.rounds = rounds;
	}

	@GetMapping("/catalogue")
	@Operation(summary = "Products with an approved listing price, of one catalogue category or all (public)")
	List<ProductView> catalogue(@RequestParam(required = false) String category) {
		if (category == null || category.isBlank()) {
			return catalogue.listedProducts(null);
		}
		if (!CategoryCode.isValid(category.strip())
				|| catalogue.categories().stream().noneMatch(c -> c.code().value().equals(category.strip()))) {
			throw Refusal.invalid("category", "purchasing.category.notCatalogue", category.strip());
		}
		return catalogue.listedProducts(CategoryCode.of(category.strip()));
	}

	@GetMapping("/rounds")
	@Operation(summary = "Volume rounds, newest first (public from publication)")
	List<RoundView> rounds() {
		return rounds.rounds();
	}

	@GetMapping("/rounds/{id}")
	@Operation(summary = "One round with its disclosed bids once decided (public)")
	RoundResult round(@PathVariable UUID id) {
		return new RoundResult(rounds.round(id), rounds.result(id));
	}
}
