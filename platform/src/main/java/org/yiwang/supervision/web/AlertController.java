package org.yiwang.supervision.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.supervision.Department;
import org.yiwang.supervision.alert.AlertFollowUp;
import org.yiwang.supervision.alert.AlertView;
import org.yiwang.supervision.alert.Alerts;
import org.yiwang.system.Forms;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts for the competent regulator (list, dashboard of open alerts by rule, district, industry and age; dispatch
 * and close) and for the operator's staff (the alerts dispatched to their region; feedback).
 */
@Controller
class AlertController {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	private final Alerts alerts;

	private final Catalog catalog;

	private final MessageSource messages;

	private final JsonMapper json;

	AlertController(Alerts alerts, Catalog catalog, MessageSource messages, JsonMapper json) {
		this.alerts = alerts;
		this.catalog = catalog;
		this.messages = messages;
		this.json = json;
	}

	/** An alert with names and Beijing times for people. */
	record Shown(AlertView alert, String ruleName, String regionName, String categoryName, String raisedAt,
			String dispatchedAt, String answeredAt, String closedAt, String statusName, String colourName) {
	}

	@GetMapping("/supervision/alerts")
	String list(Model model, Locale locale) {
		List<AlertView> visible = alerts.visible();
		model.addAttribute("alerts", visible.stream().map(a -> shown(a, locale)).toList());
		model.addAttribute("ruleChart", chart("supervision.alert.chart.rule", visible, a -> rule(a.rule(), locale), locale));
		model.addAttribute("regionChart", chart("supervision.alert.chart.region", visible, a -> region(a.region(), locale), locale));
		model.addAttribute("categoryChart",
				chart("supervision.alert.chart.category", visible, a -> category(a.category(), locale), locale));
		model.addAttribute("ageChart", chart("supervision.alert.chart.age", visible,
				a -> messages.getMessage("supervision.alert.colour." + a.colour(), null, locale), locale));
		return "supervision/alerts";
	}

	/** A party to dispatch to, with its name. */
	record Party(String code, String name) {
	}

	@GetMapping("/supervision/alerts/{id}")
	String detail(@PathVariable UUID id, Model model, Locale locale) {
		AlertView alert = alerts.alert(id);
		model.addAttribute("a", shown(alert, locale));
		model.addAttribute("mine", alerts.receivedByMe(alert));
		model.addAttribute("parties", parties(locale));
		model.addAttribute("partyName", alert.dispatchedAt() == null ? "" : partyName(alert.dispatchedTo(), locale));
		model.addAttribute("acknowledgedAt", time(alert.acknowledgedAt()));
		model.addAttribute("followUps", alerts.followUps(id).stream()
			.map(f -> new FollowUpShown(f, partyName(f.party(), locale), time(f.recordedAt()))).toList());
		return "supervision/alert";
	}

	record FollowUpShown(AlertFollowUp followUp, String partyName, String recordedAt) {
	}

	private List<Party> parties(Locale locale) {
		List<Party> parties = new java.util.ArrayList<>();
		parties.add(new Party(Alerts.OPERATOR, partyName(Alerts.OPERATOR, locale)));
		for (Department d : Department.values()) {
			parties.add(new Party(d.name(), d.name(locale)));
		}
		return parties;
	}

	private String partyName(String party, Locale locale) {
		if (party == null || Alerts.OPERATOR.equals(party)) {
			return messages.getMessage("supervision.alert.party.OPERATOR", null, locale);
		}
		if ("REGULATOR".equals(party)) {
			return messages.getMessage("supervision.alert.party.REGULATOR", null, locale);
		}
		try {
			return Department.valueOf(party).name(locale);
		}
		catch (IllegalArgumentException e) {
			return party;
		}
	}

	@PostMapping("/supervision/alerts/{id}/dispatch")
	String dispatch(@PathVariable UUID id, @RequestParam(required = false) String party,
			@RequestParam(required = false) String instruction, RedirectAttributes redirect) {
		Forms.attempt(redirect, "supervision.alert.saved.dispatchedTo", () -> alerts.dispatch(id, party, instruction));
		return "redirect:/supervision/alerts/" + id;
	}

	@PostMapping("/supervision/alerts/{id}/acknowledgement")
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "supervision.alert.saved.acknowledged", () -> alerts.acknowledge(id));
		return "redirect:/supervision/alerts/" + id;
	}

	@PostMapping("/supervision/alerts/{id}/follow-ups")
	String followUp(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		Forms.attempt(redirect, "supervision.alert.saved.followedUp", () -> alerts.followUp(id, note));
		return "redirect:/supervision/alerts/" + id;
	}

	@PostMapping("/supervision/alerts/{id}/answer")
	String answer(@PathVariable UUID id, @RequestParam(required = false) String feedback, RedirectAttributes redirect) {
		Forms.attempt(redirect, "supervision.alert.saved.answered", () -> alerts.answer(id, feedback));
		return "redirect:/supervision/alerts/" + id;
	}

	@PostMapping("/supervision/alerts/{id}/close")
	String close(@PathVariable UUID id, @RequestParam(required = false) String conclusion, RedirectAttributes redirect) {
		Forms.attempt(redirect, "supervision.alert.saved.closed", () -> alerts.close(id, conclusion));
		return "redirect:/supervision/alerts/" + id;
	}

	private Shown shown(AlertView a, Locale locale) {
		return new Shown(a, rule(a.rule(), locale), region(a.region(), locale), category(a.category(), locale),
				time(a.raisedAt()), time(a.dispatchedAt()), time(a.answeredAt()), time(a.closedAt()),
				messages.getMessage("supervision.alert.status." + a.status(), null, locale),
				messages.getMessage("supervision.alert.colour." + a.colour(), null, locale));
	}

	private static String time(java.time.Instant t) {
		return t == null ? "" : TIME.format(t);
	}

	private String rule(String rule, Locale locale) {
		return messages.getMessage("supervision.alert.rule." + rule, null, rule, locale);
	}

	private String region(String code, Locale locale) {
		return catalog.region(new RegionCode(code)).map(r -> r.name(locale)).orElse(code);
	}

	private String category(String code, Locale locale) {
		return catalog.findCategory(new CategoryCode(code)).map(c -> c.name(locale)).orElse(code);
	}

	private String chart(String titleKey, List<AlertView> visible, Function<AlertView, String> key, Locale locale) {
		Map<String, Long> counts = alerts.openCountedBy(visible, key);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("title", messages.getMessage(titleKey, null, locale));
		data.put("labels", List.copyOf(counts.keySet()));
		data.put("values", List.copyOf(counts.values()));
		return json.writeValueAsString(data);
	}

}
