package org.yiwang.purchasing.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Role;
import org.yiwang.purchasing.NewRound;
import org.yiwang.purchasing.PurchasingCatalogue;
import org.yiwang.purchasing.QuantityView;
import org.yiwang.purchasing.RoundStatus;
import org.yiwang.purchasing.RoundView;
import org.yiwang.purchasing.VolumeRounds;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/** Volume-based procurement rounds: the public list and result, staff's publishing and decision, quantities, bids. */
@Controller
class RoundPagesController {

	private final VolumeRounds rounds;

	private final PurchasingCatalogue catalogue;

	private final Catalog catalog;

	RoundPagesController(VolumeRounds rounds, PurchasingCatalogue catalogue, Catalog catalog) {
		this.rounds = rounds;
		this.catalogue = catalogue;
		this.catalog = catalog;
	}

	@GetMapping("/purchasing/rounds")
	String rounds(Model model) {
		model.addAttribute("rounds", rounds.rounds());
		model.addAttribute("categories", catalogue.categories());
		boolean staff = Actors.current().map(a -> a.hasRole(Role.CENTER_STAFF) || a.hasRole(Role.PLATFORM_ADMIN))
			.orElse(false);
		model.addAttribute("staff", staff);
		model.addAttribute("regions", staff ? catalog.regions().stream()
			.filter(r -> Actors.required().regionScope().covers(r.code())).toList() : List.of());
		return "purchasing/rounds";
	}

	@PostMapping("/purchasing/rounds")
	String publish(@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String title, @RequestParam(required = false) String productScope,
			@RequestParam(required = false) String ceilingPrice, @RequestParam(required = false) String maxWinners,
			@RequestParam(required = false) String reportDeadline, @RequestParam(required = false) String bidDeadline,
			RedirectAttributes redirect) {
		RoundView[] published = new RoundView[1];
		Forms.attempt(redirect, "purchasing.saved.round", () -> {
			Long winners = Amounts.whole("maxWinners", maxWinners);
			published[0] = rounds.publish(new NewRound(region, category, title, productScope,
					Amounts.decimal("ceilingPrice", ceilingPrice),
					winners == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, winners)),
					Amounts.beijing("reportDeadline", reportDeadline), Amounts.beijing("bidDeadline", bidDeadline)));
		});
		return published[0] == null ? "redirect:/purchasing/rounds" : "redirect:/purchasing/rounds/" + published[0].id();
	}

	@GetMapping("/purchasing/rounds/{id}")
	String round(@PathVariable UUID id, Model model) {
		RoundView round = rounds.round(id);
		model.addAttribute("round", round);
		model.addAttribute("category", catalog.findCategory(round.category()).orElse(null));
		model.addAttribute("region", catalog.region(round.region()).orElse(null));
		model.addAttribute("result", rounds.result(id));
		var acting = Actors.current();
		boolean staff = acting.map(a -> (a.hasRole(Role.CENTER_STAFF) || a.hasRole(Role.PLATFORM_ADMIN))
				&& a.regionScope().covers(round.region())).orElse(false);
		model.addAttribute("staff", staff);
		model.addAttribute("bidCount", staff ? rounds.bidCount(id) : null);
		model.addAttribute("quantities", staff || round.status() != RoundStatus.OPEN ? rounds.quantities(id)
				: List.<QuantityView>of());
		model.addAttribute("hospital", acting.map(a -> a.hasRole(Role.TENDERER)).orElse(false));
		model.addAttribute("supplier", acting.map(a -> a.hasRole(Role.BIDDER)).orElse(false));
		model.addAttribute("myProducts", acting.filter(a -> a.hasRole(Role.BIDDER)).map(a -> myProducts(round)).orElse(List.of()));
		return "purchasing/round";
	}

	private List<org.yiwang.purchasing.ProductView> myProducts(RoundView round) {
		try {
			return catalogue.myProducts().stream().filter(p -> p.category().equals(round.category())).toList();
		}
		catch (Refusal noEntity) {
			return List.of();
		}
	}

	@PostMapping("/purchasing/rounds/{id}/quantities")
	String report(@PathVariable UUID id, @RequestParam(required = false) String quantity, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.quantity",
				() -> rounds.reportQuantity(id, Amounts.whole("quantity", quantity)));
		return "redirect:/purchasing/rounds/" + id;
	}

	@PostMapping("/purchasing/rounds/{id}/bids")
	String bid(@PathVariable UUID id, @RequestParam(required = false) String product,
			@RequestParam(required = false) String price, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.bid", () -> rounds.bid(id, product, Amounts.decimal("price", price)));
		return "redirect:/purchasing/rounds/" + id;
	}

	@PostMapping("/purchasing/rounds/{id}/decide")
	String decide(@PathVariable UUID id, @RequestParam(required = false) String version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.decided", () -> rounds.decide(id, Amounts.version(version)));
		return "redirect:/purchasing/rounds/" + id;
	}

}
