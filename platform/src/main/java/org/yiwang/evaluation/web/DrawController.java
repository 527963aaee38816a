package org.yiwang.evaluation.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.evaluation.DrawAvoidances;
import org.yiwang.evaluation.DrawOutcome;
import org.yiwang.evaluation.DrawRequest;
import org.yiwang.evaluation.ExpertDraws;
import org.yiwang.evaluation.ExpertPool;
import org.yiwang.system.Refusal;

import tools.jackson.databind.json.JsonMapper;

/**
 * The draw's pages: staff request a draw (the commitment is shown first), then draw and record declines or
 * no-shows by pick number; the tenderer lists people to avoid; anyone reads a revealed draw's verification record.
 */
@Controller
class DrawController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final ExpertDraws draws;

	private final DrawAvoidances avoidances;

	private final ExpertPool pool;

	private final MessageSource messages;

	private final JsonMapper json;

	DrawController(ExpertDraws draws, DrawAvoidances avoidances, ExpertPool pool, MessageSource messages,
			JsonMapper json) {
		this.draws = draws;
		this.avoidances = avoidances;
		this.pool = pool;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/draws")
	String list(Model model) {
		model.addAttribute("draws", draws.draws());
		model.addAttribute("specialties", pool.specialties());
		model.addAttribute("staff", isStaff());
		model.addAttribute("sections", isStaff() ? draws.sectionsToDraw() : List.of());
		return "evaluation/draws";
	}

	/**
	 * Seats come as {@code seats=A0101:3,A0105:2}; regions as comma-separated division codes; the evaluation time
	 * as local Beijing time {@code yyyy-MM-ddTHH:mm}.
	 */
	@PostMapping("/draws")
	String request(@RequestParam(required = false) String section, @RequestParam(required = false) String evaluationAt,
			@RequestParam(required = false) String seats, @RequestParam(required = false) String includeRegions,
			@RequestParam(required = false) String excludeRegions, RedirectAttributes redirect, Locale locale) {
		UUID[] created = new UUID[1];
		ExpertPages.attempt(redirect, messages, locale, "evaluation.draw.committed",
				() -> created[0] = draws.request(new DrawRequest(sectionId(section), evaluationAt(evaluationAt),
						seats(seats), codes(includeRegions), codes(excludeRegions))).id());
		return created[0] == null ? "redirect:/draws" : "redirect:/draws/" + created[0];
	}

	@GetMapping("/draws/{id}")
	String draw(@PathVariable String id, Model model) {
		model.addAttribute("draw", draws.view(ExpertPages.uuid(id, "evaluation.draw.notFound")));
		model.addAttribute("outcomes", new DrawOutcome[] { DrawOutcome.DECLINED, DrawOutcome.NO_SHOW });
		model.addAttribute("staff", isStaff());
		return "evaluation/draw";
	}

	@PostMapping("/draws/{id}/draw")
	String drawNow(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
		UUID draw = ExpertPages.uuid(id, "evaluation.draw.notFound");
		ExpertPages.attempt(redirect, messages, locale, "evaluation.draw.drawn", () -> draws.draw(draw));
		return "redirect:/draws/" + draw;
	}

	@PostMapping("/draws/{id}/answers")
	String answer(@PathVariable String id, @RequestParam(required = false) String pick,
			@RequestParam(required = false) String outcome, RedirectAttributes redirect, Locale locale) {
		UUID draw = ExpertPages.uuid(id, "evaluation.draw.notFound");
		ExpertPages.attempt(redirect, messages, locale, "evaluation.draw.redrawn",
				() -> draws.recordAnswer(draw, pickNumber(pick), outcome(outcome)));
		return "redirect:/draws/" + draw;
	}

	@PostMapping("/draws/{id}/evaluation-begun")
	String begun(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
		UUID draw = ExpertPages.uuid(id, "evaluation.draw.notFound");
		ExpertPages.attempt(redirect, messages, locale, "evaluation.draw.revealed", () -> draws.evaluationBegun(draw));
		return "redirect:/draws/" + draw;
	}

	@GetMapping("/draws/{id}/verification.json")
	@ResponseBody
	ResponseEntity<String> verification(@PathVariable String id) {
		Map<String, Object> record = draws.verification(ExpertPages.uuid(id, "evaluation.draw.notFound"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.header("Content-Disposition", "inline; filename=\"draw-" + id + ".json\"")
			.body(json.writerWithDefaultPrettyPrinter().writeValueAsString(record));
	}

	@GetMapping("/draws/avoidances")
	String avoidances(@RequestParam(required = false) String section, Model model) {
		UUID id = ExpertPages.uuid(section == null ? "" : section, "evaluation.draw.sectionNotFound");
		model.addAttribute("section", id);
		model.addAttribute("avoidances", avoidances.avoidances(id));
		return "evaluation/draw-avoidances";
	}

	@PostMapping("/draws/avoidances")
	String avoid(@RequestParam(required = false) String section, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String reason,
			RedirectAttributes redirect, Locale locale) {
		UUID id = ExpertPages.uuid(section == null ? "" : section, "evaluation.draw.sectionNotFound");
		ExpertPages.attempt(redirect, messages, locale, "evaluation.draw.avoidance.added",
				() -> avoidances.addAvoidance(id, name, idNumber, reason));
		return "redirect:/draws/avoidances?section=" + id;
	}

	private static boolean isStaff() {
		return org.yiwang.system.Actors.current().map(a -> a.hasRole(org.yiwang.kernel.Role.CENTER_STAFF)
				|| a.hasRole(org.yiwang.kernel.Role.PLATFORM_ADMIN)).orElse(false);
	}

	private static UUID sectionId(String value) {
		try {
			return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("section", "evaluation.draw.section.form");
		}
	}

	private static java.time.Instant evaluationAt(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return org.yiwang.kernel.InputRules.dateTime(value).atZone(ZONE).toInstant();
		}
		catch (org.yiwang.kernel.InputRefused e) {
			throw Refusal.input("evaluationAt", e);
		}
	}

	/** {@code A0101:3,A0105:2} */
	static Map<String, Integer> seats(String value) {
		Map<String, Integer> seats = new HashMap<>();
		if (value == null || value.isBlank()) {
			return seats;
		}
		for (String part : value.split("[,，\\s]+")) {
			String[] pair = part.split("[:：]");
			if (pair.length != 2 || !pair[1].strip().matches("\\d{1,3}") || seats.containsKey(pair[0].strip())) {
				throw Refusal.invalid("seats", "evaluation.draw.seats.form", part);
			}
			seats.put(pair[0].strip().toUpperCase(), Integer.valueOf(pair[1].strip()));
		}
		return seats;
	}

	static Set<String> codes(String value) {
		if (value == null || value.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(value.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
			.collect(Collectors.toSet());
	}

	private static int pickNumber(String value) {
		if (value == null || !value.strip().matches("\\d{1,4}")) {
			throw Refusal.invalid("pick", "evaluation.draw.pick.form");
		}
		return Integer.parseInt(value.strip());
	}

	private static DrawOutcome outcome(String value) {
		try {
			return value == null ? null : DrawOutcome.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("outcome", "evaluation.draw.outcome.staff");
		}
	}
}
