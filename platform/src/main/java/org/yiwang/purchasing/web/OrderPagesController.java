package org.yiwang.purchasing.web;

import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.purchasing.HospitalOrders;
import org.yiwang.purchasing.ListingPriceView;
import org.yiwang.purchasing.NewOrder;
import org.yiwang.purchasing.PricePoint;
import org.yiwang.purchasing.ProductView;
import org.yiwang.purchasing.PurchasingCatalogue;
import org.yiwang.purchasing.RoundStatus;
import org.yiwang.purchasing.VolumeRounds;
import org.yiwang.system.Forms;

/** The hospital's page (orders, receipts, settlements, round quantities), deliveries, and price monitoring. */
@Controller
class OrderPagesController {

	private final HospitalOrders orders;

	private final PurchasingCatalogue catalogue;

	private final VolumeRounds rounds;

	private final MessageSource messages;

	private final java.time.Clock clock;

	OrderPagesController(HospitalOrders orders, PurchasingCatalogue catalogue, VolumeRounds rounds,
			MessageSource messages, java.time.Clock clock) {
		this.messages = messages;
		this.clock = clock;
		this.orders = orders;
		this.catalogue = catalogue;
		this.rounds = rounds;
	}

	@GetMapping("/purchasing/hospital")
	String hospital(Model model) {
		model.addAttribute("products", catalogue.listedProducts(null));
		model.addAttribute("noEntity", !catalogue.hasEntity());
		model.addAttribute("orders", catalogue.hasEntity() ? orders.myOrders() : List.of());
		model.addAttribute("openRounds", rounds.rounds().stream().filter(r -> r.status() == RoundStatus.OPEN).toList());
		return "purchasing/hospital";
	}

	@PostMapping("/purchasing/orders")
	String place(@RequestParam(required = false) String product, @RequestParam(required = false) String distributor,
			@RequestParam(required = false) String quantity, @RequestParam(required = false) String unitPrice,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.ordered", () -> orders.place(new NewOrder(product, distributor,
				Amounts.whole("quantity", quantity), Amounts.decimal("unitPrice", unitPrice))));
		return "redirect:/purchasing/hospital";
	}

	@PostMapping("/purchasing/orders/{id}/delivery")
	String deliver(@PathVariable UUID id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String deliveryNote, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.delivered",
				() -> orders.deliver(id, Amounts.version(version), deliveryNote));
		return "redirect:/purchasing/supplier";
	}

	@PostMapping("/purchasing/orders/{id}/receipt")
	String receive(@PathVariable UUID id, @RequestParam(required = false) String version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.received", () -> orders.receive(id, Amounts.version(version)));
		return "redirect:/purchasing/hospital";
	}

	@PostMapping("/purchasing/orders/{id}/settlement")
	String settle(@PathVariable UUID id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String reference,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.settled",
				() -> orders.settle(id, Amounts.version(version), Amounts.decimal("amount", amount), reference));
		return "redirect:/purchasing/hospital";
	}

	@GetMapping("/purchasing/monitoring")
	String monitoring(@RequestParam(required = false) UUID product, Model model, java.util.Locale locale) {
		model.addAttribute("orders", orders.regionOrders());
		List<ProductView> listed = catalogue.listedProducts(null);
		model.addAttribute("products", listed);
		ProductView selected = product == null ? null : catalogue.product(product);
		model.addAttribute("selected", selected);
		List<PricePoint> points = selected == null ? List.of() : orders.monitoring(selected.id());
		model.addAttribute("points", points);
		List<ListingPriceView> history = selected == null ? List.of() : catalogue.priceHistory(selected.id());
		model.addAttribute("history", history);
		model.addAttribute("chart", selected == null ? null : chart(selected, points, history, locale));
		model.addAttribute("deviationPercent", HospitalOrders.DEVIATION_PERCENT);
		model.addAttribute("windowDays", HospitalOrders.DEVIATION_WINDOW_DAYS);
		return "purchasing/monitoring";
	}

	/** The chart's data: one series of prices paid per hospital, and the listing price in force as a step line. */
	private String chart(ProductView product, List<PricePoint> points, List<ListingPriceView> history,
			java.util.Locale locale) {
		java.util.Map<String, List<String>> byHospital = new java.util.LinkedHashMap<>();
		for (PricePoint p : points) {
			byHospital.computeIfAbsent(p.hospitalName(), h -> new java.util.ArrayList<>())
				.add("[" + p.at().toEpochMilli() + "," + p.unitPrice() + "]");
		}
		StringBuilder json = new StringBuilder("{\"title\":").append(quote(product.name() + " " + product.specification()))
			.append(",\"unit\":").append(quote(messages.getMessage("purchasing.chart.unit", null, locale)))
			.append(",\"series\":[");
		List<String> listing = new java.util.ArrayList<>();
		for (ListingPriceView h : history) {
			listing.add("[" + h.decidedAt().toEpochMilli() + "," + h.price() + "]");
		}
		if (!listing.isEmpty()) {
			listing.add("[" + clock.millis() + "," + history.get(history.size() - 1).price() + "]");
		}
		json.append("{\"name\":").append(quote(messages.getMessage("purchasing.chart.listing", null, locale)))
			.append(",\"step\":true,\"points\":[").append(String.join(",", listing)).append("]}");
		byHospital.forEach((hospital, prices) -> json.append(",{\"name\":").append(quote(hospital))
			.append(",\"step\":false,\"points\":[").append(String.join(",", prices)).append("]}"));
		return json.append("]}").toString();
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}
}
