package org.yiwang.procurement.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.NegotiationRoom;
import org.yiwang.procurement.NegotiationTeams;
import org.yiwang.procurement.NewProcurement;
import org.yiwang.procurement.ProcurementDesk;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementView;
import org.yiwang.procurement.SupplierView;
import org.yiwang.procurement.TeamRequest;
import org.yiwang.registry.EntityId;
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

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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
		model.addAttribute("regions", catalog.regions());
		model.addAttribute("categories", catalog.enabledCategories().stream()
			.filter(c -> ProcurementDesk.procuredHere(c.family())).toList());
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
				category, method(method), title, requirements, decimal("budget", budget), codes(suppliers),
				integer("responseDays", responseDays), singleSourceReason)));
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
		boolean staff = acting.map(a -> a.hasRole(Role.CENTER_STAFF) || a.hasRole(Role.PLATFORM_ADMIN)).orElse(false);
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
				representatives == null ? List.of() : Arrays.asList(representatives.split("[\\r\\n,，;；、]+")),
				seats(expertSeats), dateTime("sitsAt", sitsAt, "procurement.team.sitsAt.form"))));
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
				() -> room.respond(id, response, decimal("offer", offer)));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/open")
	String open(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.opened", () -> room.openResponses(id));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/rounds")
	String round(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.round", () -> room.negotiate(id, perSupplier(params, "note_")));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/final-offers/call")
	String callFinalOffers(@PathVariable UUID id, @RequestParam(required = false) String deadline,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.called", () -> room.callFinalOffers(id, dateTime(deadline)));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/final-offers")
	String finalOffer(@PathVariable UUID id, @RequestParam(required = false) String offer, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.finalOffer", () -> room.submitFinalOffer(id, decimal("offer", offer)));
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/conclude")
	String conclude(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.concluded", () -> {
			Map<EntityId, BigDecimal> scores = new HashMap<>();
			perSupplier(params, "score_").forEach((s, v) -> scores.put(s, decimal("technicalScore", v)));
			room.conclude(id, scores);
		});
		return "redirect:/procurement/" + id;
	}

	@PostMapping("/procurement/{id}/agree")
	String agree(@PathVariable UUID id, @RequestParam(required = false) String price, RedirectAttributes redirect) {
		Forms.attempt(redirect, "procurement.saved.concluded", () -> room.agree(id, decimal("price", price)));
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

	// --- parsing ------------------------------------------------------------------------------------------------------

	private static Map<EntityId, String> perSupplier(Map<String, String> params, String prefix) {
		Map<EntityId, String> values = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(prefix)) {
				try {
					values.put(new EntityId(UUID.fromString(name.substring(prefix.length()))), value);
				}
				catch (IllegalArgumentException ignored) {
					// a field no form of ours makes: not a supplier
				}
			}
		});
		return values;
	}

	private static ProcurementMethod method(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(ProcurementMethod.values()).filter(m -> m.name().equals(value.strip())).findFirst()
			.orElseThrow(() -> Refusal.invalid("method", "procurement.method.required"));
	}

	private static List<String> codes(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[\\s,，;；]+")).filter(s -> !s.isBlank()).toList();
	}

	static BigDecimal decimal(String field, String amount) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			return InputRules.number(amount);
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	private static Integer integer(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid(field, "procurement.number.form", value);
		}
	}

	private static java.time.Instant dateTime(String value) {
		return dateTime("deadline", value, "procurement.finalOffers.deadline");
	}

	private static java.time.Instant dateTime(String field, String value, String problem) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(CHINA).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid(field, problem);
		}
	}

	/** {@code B0101:3, B0102:2} → specialty → seats; anything else is a field error naming the pair. */
	private static Map<String, Integer> seats(String text) {
		Map<String, Integer> seats = new java.util.LinkedHashMap<>();
		for (String pair : text == null ? new String[0] : text.split("[\\s,，;；]+")) {
			if (pair.isBlank()) {
				continue;
			}
			String[] parts = pair.split("[:：]");
			if (parts.length != 2 || !parts[0].strip().matches("[A-Z][0-9]{2,6}") || !parts[1].strip().matches("[0-9]{1,2}")) {
				throw Refusal.invalid("expertSeats", "procurement.team.seats.form", pair);
			}
			seats.merge(parts[0].strip(), Integer.valueOf(parts[1].strip()), Integer::sum);
		}
		return seats;
	}
}
