package org.yiwang.procurement.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.procurement.NegotiationRoom;
import org.yiwang.procurement.NegotiationTeams;
import org.yiwang.procurement.NewProcurement;
import org.yiwang.procurement.ProcurementDesk;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementView;
import org.yiwang.procurement.SupplierView;
import org.yiwang.procurement.TeamRequest;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The procurement pages: the public list and case page (notice, result, objections), the purchaser's form, the staff's
 * review, and on the case page the actions of whoever reads it (supplier responses and final offers, the team's opening,
 * rounds, call for final offers and conclusion).
 */
@Controller
class ProcurementPagesController {

	private final ProcurementDesk desk;

	private final NegotiationRoom room;

	private final Catalog catalog;

	private final NegotiationTeams teams;

	ProcurementPagesController(ProcurementDesk desk, NegotiationRoom room, Catalog catalog, NegotiationTeams teams) {
		this.desk = desk;
		this.room = room;
		this.catalog = catalog;
		this.teams = teams;
	}

	@GetMapping("/procurement")
	String list(Model model) {
		model.addAttribute("cases", desk.publicCases());
		return "procurement/cases";
	}

	@GetMapping("/procurement/new")
	String newCase(Model model) {
		ProcurementForms.registrationChoices(model, catalog);
		model.addAttribute("methods", ProcurementMethod.values());
		return "procurement/new";
	}

	@PostMapping("/procurement")
	String register(@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String method, @RequestParam(required = false) String title,
			@RequestParam(required = false) String requirements, @RequestParam(required = false) String budget,
			@RequestParam(required = false) String suppliers, @RequestParam(required = false) String responseDays,
			@RequestParam(required = false) String singleSourceReason, RedirectAttributes redirect) {
		ProcurementView[] made = new ProcurementView[1];
		Forms.attempt(redirect, "procurement.saved.registered", () -> made[0] = desk.register(new NewProcurement(region,
				category, method(method), title, requirements, ProcurementForms.decimal("budget", budget), ProcurementForms.list(suppliers, "[\\s,，;；]+"),
				ProcurementForms.integer("responseDays", responseDays), singleSourceReason)));
		return made[0] == null ? "redirect:/procurement/new" : "redirect:/procurement/" + made[0].id();
	}

	@GetMapping("/procurement/mine")
	String mine(Model model) {
		model.addAttribute("cases", desk.mine());
		return "procurement/mine";
	}

	@GetMapping("/procurement/review")
	String review(Model model) {
		model.addAttribute("cases", desk.regionCases());
		return "procurement/mine";
	}

	@GetMapping("/procurement/{id}")
	String procurement(@PathVariable UUID id, Model model) {
		ProcurementView c = desk.get(id);
		var acting = Actors.current();
		boolean staff = ProcurementForms.staff();
		boolean team = desk.onTeam(id);
		SupplierView mine = desk.myPart(id).orElse(null);
		model.addAttribute("c", c);
		model.addAttribute("staff", staff);
		model.addAttribute("team", team);
		model.addAttribute("mine", mine);
		model.addAttribute("signedIn", acting.isPresent());
		model.addAttribute("rounds", acting.isPresent() ? desk.rounds(id) : List.of());
		model.addAttribute("objections", desk.objections(id));
		model.addAttribute("teamView", teams.team(id).orElse(null));
		return "procurement/case";
	}

	/** Staff form the case's team: representatives one per line, experts as {@code specialty:seats} pairs. */
	@PostMapping("/procurement/{id}/team")
	String team(@PathVariable UUID id, @RequestParam(required = false) String representatives,
			@RequestParam(required = false) String expertSeats, @RequestParam(required = false) String sitsAt,
			RedirectAttributes redirect) {
		desk.get(id);
		Forms.attempt(redirect, "procurement.saved.team", () -> teams.request(id, new TeamRequest(
				ProcurementForms.list(representatives, "[\\r\\n,，;；、]+"),
				ProcurementForms.seats("expertSeats", expertSeats),
				ProcurementForms.dateTime("sitsAt", sitsAt, "procurement.team.sitsAt.form"))));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/publish")
	String publish(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.published", () -> desk.publish(id, version));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/responses")
	String respond(@PathVariable UUID id, @RequestParam(required = false) String response,
			@RequestParam(required = false) String offer, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.responded",
				() -> room.respond(id, response, ProcurementForms.decimal("offer", offer)));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/open")
	String open(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.opened", () -> room.openResponses(id));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/rounds")
	String round(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.round",
				() -> room.negotiate(id, ProcurementForms.perSupplier(params, "note_")));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/final-offers/call")
	String callFinalOffers(@PathVariable UUID id, @RequestParam(required = false) String deadline,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.called", () -> room.callFinalOffers(id,
				ProcurementForms.dateTime("deadline", deadline, "procurement.finalOffers.deadline")));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/final-offers")
	String finalOffer(@PathVariable UUID id, @RequestParam(required = false) String offer, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.finalOffer", () -> room.submitFinalOffer(id, ProcurementForms.decimal("offer", offer)));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/conclude")
	String conclude(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.concluded",
				() -> room.conclude(id, ProcurementForms.decimals(params, "score_", "technicalScore")));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/agree")
	String agree(@PathVariable UUID id, @RequestParam(required = false) String price, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.concluded", () -> room.agree(id, ProcurementForms.decimal("price", price)));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/objections")
	String object(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.objected", () -> desk.object(id, text));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/objections/{id}/answer")
	String answer(@PathVariable UUID id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		ProcurementView[] answered = new ProcurementView[1];
		Forms.attempt(redirect, "procurement.saved.answered", () -> {
			if (!"uphold".equals(decision) && !"dismiss".equals(decision)) {
				throw Refusal.invalid("decision", "procurement.objection.decision");
			}
			answered[0] = desk.answerObjection(id, "uphold".equals(decision), answer);
		});
		return answered[0] == null ? "redirect:/procurement/review" : "redirect:/procurement/" + answered[0].id();
	}

	// --- parsing (shared with the framework pages: ProcurementForms) ------------------------------------------------

	private static ProcurementMethod method(String value) {
		return ProcurementForms.named(ProcurementMethod.values(), "method", value, "procurement.method.required");
	}
}
