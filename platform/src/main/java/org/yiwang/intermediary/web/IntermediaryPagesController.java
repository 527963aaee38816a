package org.yiwang.intermediary.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.intermediary.DirectBasis;
import org.yiwang.intermediary.IntermediaryMarket;
import org.yiwang.intermediary.NewRating;
import org.yiwang.intermediary.NewServiceRequest;
import org.yiwang.intermediary.ProviderView;
import org.yiwang.intermediary.PublicScore;
import org.yiwang.intermediary.RequestView;
import org.yiwang.intermediary.SelectionDesk;
import org.yiwang.intermediary.SelectionMethod;
import org.yiwang.intermediary.ServiceDelivery;
import org.yiwang.intermediary.ServiceTypeView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRole;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The marketplace's pages: the public list of requests and results, a request's page (with the forms the reader's
 * role allows: sign up, select, confirm, deliver, accept, rate, record a breach), the owner's form, the public list
 * and profiles of intermediaries, the reader's own page, the direct selections flagged to regulators, and the service
 * type catalogue.
 */
@Controller
class IntermediaryPagesController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final SelectionDesk desk;

	private final ServiceDelivery delivery;

	private final IntermediaryMarket market;

	private final Catalog catalog;

	private final MessageSource messages;

	IntermediaryPagesController(SelectionDesk desk, ServiceDelivery delivery, IntermediaryMarket market, Catalog catalog,
			MessageSource messages) {
		this.messages = messages;
		this.desk = desk;
		this.delivery = delivery;
		this.market = market;
		this.catalog = catalog;
	}

	@GetMapping("/intermediary")
	String requests(Model model, Locale locale) {
		model.addAttribute("requests", desk.latest());
		common(model, locale);
		return "intermediary/requests";
	}

	@GetMapping("/intermediary/requests/new")
	String newRequest(Model model, Locale locale) {
		common(model, locale);
		model.addAttribute("regions", catalog.regions().stream().filter(r -> !r.isCity() && r.active()).toList());
		model.addAttribute("methods", SelectionMethod.values());
		model.addAttribute("bases", DirectBasis.values());
		model.addAttribute("grades", IntermediaryMarket.GRADES);
		return "intermediary/new";
	}

	@PostMapping("/intermediary/requests")
	String publish(@RequestParam(required = false) String region, @RequestParam(required = false) String serviceType,
			@RequestParam(required = false) String title, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String feeCeiling, @RequestParam(required = false) String requiredGrade,
			@RequestParam(required = false) String deadline, @RequestParam(required = false) String method,
			@RequestParam(required = false) String priceWeight, @RequestParam(required = false) String directBasis,
			@RequestParam(required = false) String directReason, @RequestParam(required = false) String directCreditCode,
			RedirectAttributes redirect) {
		RequestView[] published = new RequestView[1];
		Forms.attempt(redirect, "intermediary.saved.published", () -> published[0] = desk.publish(new NewServiceRequest(
				region, serviceType, title, scope, decimal("feeCeiling", feeCeiling), requiredGrade,
				"DIRECT".equals(method) ? null : deadline(deadline), method, integer("priceWeight", priceWeight),
				directBasis, directReason, directCreditCode)));
		return published[0] == null ? "redirect:/intermediary/requests/new"
				: "redirect:/intermediary/requests/" + published[0].id();
	}

	@GetMapping("/intermediary/requests/{id}")
	String request(@PathVariable UUID id, Model model, Locale locale) {
		RequestView request = desk.request(id);
		model.addAttribute("request", request);
		model.addAttribute("signups", desk.signups(id));
		model.addAttribute("rating", desk.rating(id).orElse(null));
		common(model, locale);
		Acting acting = Actors.current().orElse(null);
		boolean staff = acting != null && (acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN))
				&& acting.regionScope().covers(request.region());
		UUID mine = acting == null ? null : market.myEntity().map(e -> e.id().value()).orElse(null);
		model.addAttribute("staff", staff);
		model.addAttribute("owner", mine != null && acting.hasRole(Role.TENDERER) && mine.equals(request.owner()));
		model.addAttribute("intermediary", mine != null && acting.hasRole(Role.INTERMEDIARY));
		model.addAttribute("selectedMe", mine != null && acting.hasRole(Role.INTERMEDIARY) && mine.equals(request.selected()));
		model.addAttribute("signedUp", mine != null && desk.signups(id).stream().anyMatch(s -> s.intermediary().equals(mine)));
		return "intermediary/request";
	}

	@GetMapping(path = "/intermediary/requests/{id}/draw.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> draw(@PathVariable UUID id) {
		return desk.drawVerification(id);
	}

	@PostMapping("/intermediary/requests/{id}/signups")
	String signUp(@PathVariable UUID id, @RequestParam(required = false) String quote, RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.signedUp", () -> desk.signUp(id, decimal("quote", quote)));
		return "redirect:/intermediary/requests/" + id;
	}

	@PostMapping("/intermediary/requests/{id}/selection")
	String select(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.selected", () -> desk.select(id));
		return "redirect:/intermediary/requests/" + id;
	}

	@PostMapping("/intermediary/requests/{id}/contract")
	String contract(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.contracted", () -> delivery.confirmContract(id));
		return "redirect:/intermediary/requests/" + id;
	}

	@PostMapping("/intermediary/requests/{id}/delivery")
	String deliver(@PathVariable UUID id, @RequestParam(required = false) String deliveryNote,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.delivered", () -> delivery.deliver(id, deliveryNote));
		return "redirect:/intermediary/requests/" + id;
	}

	@PostMapping("/intermediary/requests/{id}/acceptance")
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.accepted", () -> delivery.accept(id));
		return "redirect:/intermediary/requests/" + id;
	}

	@PostMapping("/intermediary/requests/{id}/rating")
	String rate(@PathVariable UUID id, @RequestParam(required = false) String quality,
			@RequestParam(required = false) String timeliness, @RequestParam(required = false) String attitude,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.rated", () -> delivery.rate(id, new NewRating(
				integer("quality", quality), integer("timeliness", timeliness), integer("attitude", attitude), comment)));
		return "redirect:/intermediary/requests/" + id;
	}

	@PostMapping("/intermediary/requests/{id}/breach")
	String breach(@PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) String endsOn,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.breach",
				() -> delivery.recordBreach(id, kind, description, date("endsOn", endsOn)));
		return "redirect:/intermediary/requests/" + id;
	}

	@GetMapping("/intermediary/providers")
	String providers(Model model, Locale locale) {
		model.addAttribute("providers", market.providers());
		common(model, locale);
		return "intermediary/providers";
	}

	@GetMapping("/intermediary/providers/{id}")
	String provider(@PathVariable UUID id, Model model, Locale locale) {
		ProviderView provider = market.profile(new EntityId(id));
		model.addAttribute("provider", provider);
		model.addAttribute("scoreChart", provider.score().rated() ? scoreChart(provider.score(), locale) : null);
		common(model, locale);
		return "intermediary/provider";
	}

	@GetMapping("/intermediary/mine")
	String mine(Model model, Locale locale) {
		Acting acting = Actors.required();
		common(model, locale);
		boolean firm = acting.hasRole(Role.INTERMEDIARY)
				&& market.myEntity().filter(e -> e.holds(EntityRole.INTERMEDIARY)).isPresent();
		boolean owner = acting.hasRole(Role.TENDERER)
				&& market.myEntity().filter(e -> e.holds(EntityRole.TENDERER)).isPresent();
		model.addAttribute("firm", firm);
		model.addAttribute("profile", firm ? market.myProfile().orElse(null) : null);
		model.addAttribute("signedUp", firm ? desk.mySignups() : List.of());
		model.addAttribute("ownerRequests", owner ? desk.mine() : List.of());
		model.addAttribute("owner", owner);
		return "intermediary/mine";
	}

	@PostMapping("/intermediary/mine/services")
	String offer(@RequestParam(required = false) Set<String> serviceTypes, RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.services", () -> market.offer(serviceTypes));
		return "redirect:/intermediary/mine";
	}

	@PostMapping("/intermediary/mine/staff")
	String addStaff(@RequestParam(required = false) String staffName, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String title, RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.staff", () -> market.addStaff(staffName, idNumber, title));
		return "redirect:/intermediary/mine";
	}

	@GetMapping("/intermediary/direct-selections")
	String direct(Model model, Locale locale) {
		model.addAttribute("requests", desk.directSelections());
		common(model, locale);
		return "intermediary/direct";
	}

	@GetMapping("/intermediary/service-types")
	String serviceTypes(Model model, Locale locale) {
		common(model, locale);
		return "intermediary/service-types";
	}

	@PostMapping("/intermediary/service-types/{code}")
	String revise(@PathVariable String code, @RequestParam(required = false) String tenderThreshold,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "intermediary.saved.threshold",
				() -> market.reviseThreshold(code, decimal("tenderThreshold", tenderThreshold)));
		return "redirect:/intermediary/service-types";
	}

	/** The three dimensions' means as a bar chart ({@code js/charts.js}); the labels are the platform's own messages. */
	private String scoreChart(PublicScore score, Locale locale) {
		return "{\"title\":\"" + messages.getMessage("intermediary.score.chart", null, locale) + "\",\"labels\":[\""
				+ messages.getMessage("intermediary.field.quality", null, locale) + "\",\""
				+ messages.getMessage("intermediary.field.timeliness", null, locale) + "\",\""
				+ messages.getMessage("intermediary.field.attitude", null, locale) + "\"],\"values\":["
				+ score.quality().toPlainString() + "," + score.timeliness().toPlainString() + ","
				+ score.attitude().toPlainString() + "]}";
	}

	/** Service type and region names by code, in the reader's language, for every page. */
	private void common(Model model, Locale locale) {
		List<ServiceTypeView> types = market.serviceTypes();
		Map<String, String> typeNames = new LinkedHashMap<>();
		types.forEach(t -> typeNames.put(t.code(), t.name(locale)));
		Map<String, String> regionNames = new LinkedHashMap<>();
		catalog.regions().forEach(r -> regionNames.put(r.code().value(), r.name(locale)));
		model.addAttribute("serviceTypes", types);
		model.addAttribute("typeNames", typeNames);
		model.addAttribute("regionNames", regionNames);
	}

	static BigDecimal decimal(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return InputRules.number(text);
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	private static Integer integer(String field, String text) {
		BigDecimal value = decimal(field, text);
		if (value == null) {
			return null;
		}
		try {
			return value.intValueExact();
		}
		catch (ArithmeticException e) {
			throw Refusal.invalid(field, "intermediary.integer.form");
		}
	}

	private static java.time.Instant deadline(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(CHINA).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid("deadline", "intermediary.deadline.form");
		}
	}

	private static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid(field, "intermediary.date.form");
		}
	}
}
