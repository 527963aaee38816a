package org.yiwang.servicedesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.servicedesk.NewRating;
import org.yiwang.servicedesk.NewServiceRequest;
import org.yiwang.servicedesk.PublicFigures;
import org.yiwang.servicedesk.RatingReason;
import org.yiwang.servicedesk.Satisfaction;
import org.yiwang.servicedesk.SatisfactionLevel;
import org.yiwang.servicedesk.ServiceDesk;
import org.yiwang.servicedesk.ServiceItemView;
import org.yiwang.servicedesk.ServiceItems;
import org.yiwang.servicedesk.ServicePerformance;
import org.yiwang.servicedesk.ServiceRequestView;
import org.yiwang.servicedesk.StaffFigures;
import org.yiwang.system.Actors;
import org.yiwang.system.DisplayNames;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The desk's pages: the reader's requests (a user's own, staff's queue) with the filing form (web or counter), a
 * request's page (timer, documents, charge, finishing, rating, rectification), the item list, the staff performance
 * table and the center's public figures.
 */
@Controller
class ServiceDeskController {

	private final ServiceDesk desk;

	private final ServiceItems items;

	private final Satisfaction satisfaction;

	private final ServicePerformance performance;

	private final Catalog catalog;

	private final MessageSource messages;

	private final JsonMapper json;

	private final List<DisplayNames> names;

	ServiceDeskController(ServiceDesk desk, ServiceItems items, Satisfaction satisfaction, ServicePerformance performance,
			Catalog catalog, MessageSource messages, JsonMapper json, List<DisplayNames> names) {
		this.json = json;
		this.names = names;
		this.desk = desk;
		this.items = items;
		this.satisfaction = satisfaction;
		this.performance = performance;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/service")
	String requests(Model model, Locale locale) {
		Acting acting = Actors.required();
		boolean staff = staff(acting);
		model.addAttribute("staff", staff);
		model.addAttribute("requests", staff ? desk.queue() : desk.mine());
		model.addAttribute("today", desk.serviceDay());
		model.addAttribute("fileable", items.items().stream().filter(i -> !i.automatic()).toList());
		model.addAttribute("regions", catalog.regions().stream()
			.filter(r -> !r.isCity() && r.active() && (!staff || acting.regionScope().covers(r.code())))
			.toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of("region", "", "item", "", "subject", "", "detail", "", "requesterName", ""));
		}
		itemNames(model, locale);
		return "servicedesk/requests";
	}

	@PostMapping("/service/requests")
	String file(@RequestParam(required = false) String region, @RequestParam(required = false) String item,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String detail,
			@RequestParam(required = false) String requesterName, RedirectAttributes redirect) {
		ServiceRequestView[] filed = new ServiceRequestView[1];
		Forms.attempt(redirect, "servicedesk.saved.filed",
				() -> filed[0] = desk.file(new NewServiceRequest(region, item, subject, detail, requesterName)));
		if (filed[0] == null) {
			redirect.addFlashAttribute("form", Map.of("region", nz(region), "item", nz(item), "subject", nz(subject),
					"detail", nz(detail), "requesterName", nz(requesterName)));
			return "redirect:/service";
		}
		return "redirect:/service/requests/" + filed[0].id();
	}

	@GetMapping("/service/requests/{id}")
	String request(@PathVariable UUID id, Model model, Locale locale) {
		Acting acting = Actors.required();
		ServiceRequestView request = desk.request(id);
		boolean staff = staff(acting) && acting.regionScope().covers(request.region());
		model.addAttribute("request", request);
		model.addAttribute("staff", staff);
		model.addAttribute("requester", acting.actor().username().equals(request.requester()));
		model.addAttribute("documents", desk.documents(id));
		model.addAttribute("rating", satisfaction.rating(id).orElse(null));
		model.addAttribute("rectification", satisfaction.rectification(id).orElse(null));
		model.addAttribute("assignable", staff && request.open() ? desk.assignable(id) : List.of());
		model.addAttribute("today", desk.serviceDay());
		model.addAttribute("levels", SatisfactionLevel.values());
		model.addAttribute("goodReasons", Arrays.stream(RatingReason.values()).filter(RatingReason::good).toList());
		model.addAttribute("badReasons", Arrays.stream(RatingReason.values()).filter(r -> !r.good()).toList());
		itemNames(model, locale);
		return "servicedesk/request";
	}

	@PostMapping("/service/requests/{id}/documents")
	String document(@PathVariable UUID id, @RequestParam(required = false) MultipartFile document,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "servicedesk.saved.document", () -> {
			if (document == null || document.isEmpty()) {
				throw Refusal.invalid("document", "servicedesk.document.empty");
			}
			desk.addDocument(id, document.getOriginalFilename(), () -> open(document));
		});
		return "redirect:/service/requests/" + id;
	}

	@PostMapping("/service/requests/{id}/claim")
	String claim(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "servicedesk.saved.assigned", () -> desk.claim(id, version(version)));
		return "redirect:/service/requests/" + id;
	}

	@PostMapping("/service/requests/{id}/assignee")
	String assign(@PathVariable UUID id, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "servicedesk.saved.assigned", () -> desk.assign(id, assignee, version(version)));
		return "redirect:/service/requests/" + id;
	}

	@PostMapping("/service/requests/{id}/finish")
	String finish(@PathVariable UUID id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "servicedesk.saved.finished", () -> desk.finish(id, outcome, version(version)));
		return "redirect:/service/requests/" + id;
	}

	@PostMapping("/service/requests/{id}/rating")
	String rate(@PathVariable UUID id, @RequestParam(required = false) String level,
			@RequestParam(required = false) List<String> reasons, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		Set<String> picked = reasons == null ? Set.of() : new LinkedHashSet<>(reasons);
		Forms.attempt(redirect, "servicedesk.saved.rated", () -> satisfaction.rate(id, new NewRating(level, picked, comment)));
		return "redirect:/service/requests/" + id;
	}

	@PostMapping("/service/requests/{id}/reply")
	String reply(@PathVariable UUID id, @RequestParam(required = false) String reply, RedirectAttributes redirect) {
		Forms.attempt(redirect, "servicedesk.saved.replied", () -> satisfaction.reply(id, reply));
		return "redirect:/service/requests/" + id;
	}

	@PostMapping("/service/requests/{id}/revisit")
	String revisit(@PathVariable UUID id, @RequestParam(required = false) String revisit,
			@RequestParam(required = false) String revisitNote, RedirectAttributes redirect) {
		Forms.attempt(redirect, "servicedesk.saved.revisited", () -> satisfaction.revisit(id, revisit, revisitNote));
		return "redirect:/service/requests/" + id;
	}

	@GetMapping("/service/items")
	String items(Model model) {
		model.addAttribute("items", items.items());
		model.addAttribute("cityStaff", Actors.current().map(Acting::actsCityWide).orElse(false));
		return "servicedesk/items";
	}

	@PostMapping("/service/items/{code}")
	String revise(@PathVariable String code, @RequestParam(required = false) String timeLimitDays,
			@RequestParam(required = false) String documentsZh, @RequestParam(required = false) String documentsEn,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "servicedesk.saved.item",
				() -> items.revise(code, days(timeLimitDays), documentsZh, documentsEn));
		return "redirect:/service/items";
	}

	@GetMapping("/service/performance")
	String performance(Model model, Locale locale) {
		List<StaffFigures> figures = performance.staffFigures();
		model.addAttribute("figures", figures);
		Map<String, Integer> completions = new LinkedHashMap<>();
		figures.forEach(f -> completions.merge(f.staff(), f.completed(), Integer::sum));
		// ECharts reads the figures from the page (no inline script under the CSP); people see names, not usernames
		model.addAttribute("chart", json.writeValueAsString(Map.of(
				"title", messages.getMessage("servicedesk.performance.chart", null, locale),
				"labels", completions.keySet().stream().map(u -> accountName(u, locale)).toList(),
				"values", List.copyOf(completions.values()))));
		return "servicedesk/performance";
	}

	@GetMapping("/open/service")
	String open(Model model, Locale locale) {
		PublicFigures figures = performance.publicFigures();
		model.addAttribute("figures", figures);
		itemNames(model, locale);
		Map<String, String> itemNames = items.items().stream()
			.collect(Collectors.toMap(ServiceItemView::code, i -> i.name(locale)));
		model.addAttribute("chart", json.writeValueAsString(Map.of(
				"title", messages.getMessage("servicedesk.open.chart", null, locale),
				"labels", figures.items().stream().map(i -> itemNames.get(i.item())).toList(),
				"values", figures.items().stream().map(PublicFigures.ItemFigures::handled).toList())));
		return "servicedesk/open";
	}

	private void itemNames(Model model, Locale locale) {
		model.addAttribute("itemNames", items.items().stream()
			.collect(Collectors.toMap(ServiceItemView::code, i -> i.name(locale), (a, b) -> a, LinkedHashMap::new)));
	}

	private String accountName(String username, Locale locale) {
		return names.stream().filter(n -> n.kind().equals("account")).findFirst()
			.flatMap(n -> n.nameOf(username, locale)).orElse(username);
	}

	private static boolean staff(Acting acting) {
		return acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN);
	}

	private static long version(Long version) {
		if (version == null) {
			throw Refusal.invalid("version", "servicedesk.request.changed");
		}
		return version;
	}

	private static Integer days(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid("timeLimitDays", "servicedesk.item.limit", 60);
		}
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}

	private static InputStream open(MultipartFile upload) {
		try {
			return upload.getInputStream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
