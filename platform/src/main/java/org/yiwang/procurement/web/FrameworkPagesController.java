package org.yiwang.procurement.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.FrameworkAgreements;
import org.yiwang.procurement.FrameworkEvaluation;
import org.yiwang.procurement.FrameworkOrderView;
import org.yiwang.procurement.FrameworkOrders;
import org.yiwang.procurement.FrameworkSealedOffers;
import org.yiwang.procurement.FrameworkView;
import org.yiwang.procurement.NewFramework;
import org.yiwang.procurement.NewFrameworkOrder;
import org.yiwang.procurement.OpenFrameworks;
import org.yiwang.procurement.SealingView;
import org.yiwang.procurement.SecondStage;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The framework agreement pages: the public list and page (call, entry list, orders), the purchaser's form, and on the
 * page the actions of whoever reads it (staff publish; suppliers respond; the team selects the entrants; purchasers
 * order; entrants offer in a re-competition; the buyer decides it).
 */
@Controller
class FrameworkPagesController {

	private final FrameworkAgreements agreements;

	private final FrameworkOrders orders;

	private final Catalog catalog;

	private final OpenFrameworks open;

	private final FrameworkSealedOffers sealed;

	FrameworkPagesController(FrameworkAgreements agreements, FrameworkOrders orders, Catalog catalog,
			OpenFrameworks open, FrameworkSealedOffers sealed) {
		this.agreements = agreements;
		this.orders = orders;
		this.catalog = catalog;
		this.open = open;
		this.sealed = sealed;
	}

	@GetMapping("/procurement/frameworks")
	String list(Model model) {
		model.addAttribute("frameworks", agreements.publicFrameworks());
		return "procurement/frameworks";
	}

	@GetMapping("/procurement/frameworks/new")
	String newFramework(Model model) {
		ProcurementForms.registrationChoices(model, catalog);
		model.addAttribute("evaluations", FrameworkEvaluation.values());
		model.addAttribute("stages", SecondStage.values());
		return "procurement/framework-new";
	}

	@PostMapping("/procurement/frameworks")
	String register(@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String title, @RequestParam(required = false) String requirements,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String maxUnitPrice,
			@RequestParam(required = false) String evaluation, @RequestParam(required = false) String secondStage,
			@RequestParam(required = false) String entryCap, @RequestParam(required = false) String termMonths,
			@RequestParam(required = false) String responseDays, @RequestParam(required = false) String form,
			RedirectAttributes redirect) {
		FrameworkView[] made = new FrameworkView[1];
		boolean openForm = "OPEN".equals(form);
		Forms.attempt(redirect, "procurement.framework.saved.registered", () -> {
			NewFramework request = new NewFramework(region, category, title, requirements, unit,
					ProcurementForms.decimal("maxUnitPrice", maxUnitPrice),
					named(FrameworkEvaluation.values(), "evaluation", evaluation),
					named(SecondStage.values(), "secondStage", secondStage),
					ProcurementForms.integer("entryCap", entryCap), ProcurementForms.integer("termMonths", termMonths),
					ProcurementForms.integer("responseDays", responseDays));
			made[0] = openForm ? open.register(request) : agreements.register(request);
		});
		return made[0] == null ? "redirect:/procurement/frameworks/new" : "redirect:/procurement/frameworks/" + made[0].id();
	}

	@GetMapping("/procurement/frameworks/{id}")
	String framework(@PathVariable UUID id, Model model) {
		FrameworkView f = agreements.get(id);
		var acting = Actors.current();
		model.addAttribute("f", f);
		model.addAttribute("staff", ProcurementForms.staff());
		model.addAttribute("team", agreements.onTeam(id));
		model.addAttribute("buyer", acting.map(a -> a.hasRole(Role.TENDERER) || a.hasRole(Role.AGENCY)).orElse(false));
		model.addAttribute("bidder", acting.map(a -> a.hasRole(Role.BIDDER)).orElse(false));
		model.addAttribute("mine", agreements.myResponse(id).orElse(null));
		model.addAttribute("openForm", open.isOpen(id));
		List<FrameworkOrderView> placed = f.status().name().equals("IN_FORCE") ? orders.orders(id) : List.of();
		model.addAttribute("orders", placed);
		model.addAttribute("responseSealing", sealed.responses(id).orElse(null));
		Map<UUID, SealingView> orderSealings = new HashMap<>();
		for (FrameworkOrderView o : placed) {
			sealed.offers(o.id()).ifPresent(v -> orderSealings.put(o.id(), v));
		}
		model.addAttribute("orderSealings", orderSealings);
		return "procurement/framework";
	}

	@PostMapping("/procurement/frameworks/{id}/publish")
	String publish(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.published", () -> {
			if (open.isOpen(id)) {
				open.publish(id, version);
			}
			else {
				agreements.publish(id, version);
			}
		});
		return "redirect:/procurement/frameworks/" + id;
	}

	@PostMapping("/procurement/frameworks/{id}/join")
	String join(@PathVariable UUID id, @RequestParam(required = false) String response, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.framework.open.saved.joined", () -> open.join(id, response));
		return "redirect:/procurement/frameworks/" + id;
	}

	@PostMapping("/procurement/frameworks/{id}/exit")
	String exit(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.framework.open.saved.exited", () -> open.exit(id, reason));
		return "redirect:/procurement/frameworks/" + id;
	}

	@PostMapping("/procurement/frameworks/{id}/republish")
	String republish(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.framework.open.saved.republished", () -> open.republish(id));
		return "redirect:/procurement/frameworks/" + id;
	}

	@PostMapping("/procurement/frameworks/{id}/responses")
	String respond(@PathVariable UUID id, @RequestParam(required = false) String response,
			@RequestParam(required = false) String unitPrice, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.responded", () -> agreements.respond(id, response,
				ProcurementForms.decimal("unitPrice", unitPrice)));
		return "redirect:/procurement/frameworks/" + id;
	}

	/** A supplier that responded uploads its unit price sealed with the bid tool to the call's opening key. */
	@PostMapping("/procurement/frameworks/{id}/sealed-responses")
	String sealedResponse(@PathVariable UUID id, @RequestParam(required = false) MultipartFile envelope,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.sealedOffer", () -> sealed.submitResponse(id, stream(envelope)));
		return "redirect:/procurement/frameworks/" + id;
	}

	/** A key custodian gives its decrypted share of the call's opening key ({@code bidtool unwrap-share}, base64). */
	@PostMapping("/procurement/frameworks/{id}/shares")
	String responseShare(@PathVariable UUID id, @RequestParam(required = false) String share,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.share", () -> sealed.giveResponseShare(id, share));
		return "redirect:/procurement/frameworks/" + id;
	}

	/** An entrant uploads its re-competition offer sealed with the bid tool to the order's opening key. */
	@PostMapping("/procurement/framework-orders/{id}/sealed-offers")
	String sealedOffer(@PathVariable UUID id, @RequestParam(required = false) MultipartFile envelope,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.sealedOffer", () -> sealed.submitOffer(id, stream(envelope)));
		return "redirect:/procurement/frameworks/" + orders.get(id).framework();
	}

	/** A key custodian gives its decrypted share of a re-competition's opening key. */
	@PostMapping("/procurement/framework-orders/{id}/shares")
	String offerShare(@PathVariable UUID id, @RequestParam(required = false) String share, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.share", () -> sealed.giveOfferShare(id, share));
		return "redirect:/procurement/frameworks/" + orders.get(id).framework();
	}

	private static java.io.InputStream stream(MultipartFile envelope) {
		try {
			return envelope == null || envelope.isEmpty() ? null : envelope.getInputStream();
		}
		catch (java.io.IOException e) {
			throw Refusal.invalid("envelope", "procurement.envelope.unreadable");
		}
	}

	@PostMapping("/procurement/frameworks/{id}/select")
	String select(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.framework.saved.selected",
				() -> agreements.select(id, ProcurementForms.decimals(params, "score_", "qualityScore")));
		return "redirect:/procurement/frameworks/" + id;
	}

	@PostMapping("/procurement/frameworks/{id}/orders")
	String order(@PathVariable UUID id, @RequestParam(required = false) String quantity,
			@RequestParam(required = false) String supplier, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String offerHours, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.framework.saved.ordered", () -> orders.order(id,
				new NewFrameworkOrder(ProcurementForms.integer("quantity", quantity), supplier, reason, ProcurementForms.integer("offerHours", offerHours))));
		return "redirect:/procurement/frameworks/" + id;
	}

	@PostMapping("/procurement/framework-orders/{id}/offers")
	String offer(@PathVariable UUID id, @RequestParam(required = false) String unitPrice, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.framework.saved.offered",
				() -> orders.offer(id, ProcurementForms.decimal("unitPrice", unitPrice)));
		return "redirect:/procurement/frameworks/" + orders.get(id).framework();
	}

	@PostMapping("/procurement/framework-orders/{id}/award")
	String award(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.framework.saved.ordered", () -> orders.award(id));
		return "redirect:/procurement/frameworks/" + orders.get(id).framework();
	}

	private static <E extends Enum<E>> E named(E[] values, String field, String value) {
		return ProcurementForms.named(values, field, value, "procurement.framework." + field + ".required");
	}
}
