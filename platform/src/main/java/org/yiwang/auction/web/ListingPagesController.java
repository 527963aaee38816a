package org.yiwang.auction.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.ListingPeriod;
import org.yiwang.auction.ListingStatus;
import org.yiwang.auction.ListingView;
import org.yiwang.auction.NewListing;
import org.yiwang.auction.RegistrationView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.DemoTime;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The listing pages: the public list and detail, the transferor's submission form, staff review and conclusion,
 * the transferee's registration, and the confirmation download.
 */
@Controller
class ListingPagesController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final AuctionHall hall;

	private final Catalog catalog;

	private final DemoTime demoTime;

	private final Clock clock;

	ListingPagesController(AuctionHall hall, Catalog catalog, DemoTime demoTime, Clock clock) {
		this.hall = hall;
		this.catalog = catalog;
		this.demoTime = demoTime;
		this.clock = clock;
	}

	@GetMapping("/listings")
	String listings(Model model) {
		model.addAttribute("listings", hall.publicListings());
		return "auction/listings";
	}

	@GetMapping("/listings/new")
	String newListing(Model model) {
		model.addAttribute("regions", catalog.regions());
		model.addAttribute("categories", listingCategories());
		model.addAttribute("assetClasses", org.yiwang.auction.AssetClass.values());
		if (!model.containsAttribute("listing")) {
			model.addAttribute("listing", Map.of());
		}
		return "auction/new";
	}

	private List<CategoryView> listingCategories() {
		return catalog.enabledCategories().stream()
			.filter(c -> c.family() == ProcedureFamily.PROPERTY || c.family() == ProcedureFamily.LAND
					|| c.family() == ProcedureFamily.LISTING)
			.toList();
	}

	@PostMapping("/listings")
	String submit(@RequestParam(required = false) String tradeCode, @RequestParam(required = false) String region,
			@RequestParam(required = false) String category, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String conditions,
			@RequestParam(required = false) String transferorCreditCode,
			@RequestParam(required = false) String startingPrice, @RequestParam(required = false) String reservePrice,
			@RequestParam(required = false) String increment, @RequestParam(required = false) String security,
			@RequestParam(required = false) String listingDays, @RequestParam(required = false) boolean autoExtend,
			@RequestParam(required = false) String assetClass, @RequestParam(required = false) String appraisedValue,
			RedirectAttributes redirect, HttpServletRequest request) {
		Forms.attempt(redirect, "auction.saved.submitted",
				() -> hall.submit(new NewListing(tradeCode, region, category, title, description, conditions,
						transferorCreditCode, decimal("startingPrice", startingPrice), decimal("reservePrice", reservePrice),
						decimal("increment", increment), decimal("security", security), integer(listingDays), autoExtend,
						assetClass, decimal("appraisedValue", appraisedValue))));
		if (redirect.getFlashAttributes().containsKey("refused")) {
			// a refused form comes back with everything the person typed, the refused field marked
			Map<String, String> typed = new HashMap<>();
			request.getParameterMap().forEach((name, values) -> {
				if (!name.equals("_csrf") && values.length > 0) {
					typed.put(name, values[0]);
				}
			});
			redirect.addFlashAttribute("listing", typed);
			return "redirect:/listings/new";
		}
		return "redirect:/listings/mine";
	}

	@GetMapping("/listings/mine")
	String mine(Model model) {
		var acting = Actors.required();
		model.addAttribute("listings", acting.hasRole(Role.BIDDER) ? List.of() : hall.myListings());
		model.addAttribute("registrations", acting.hasRole(Role.BIDDER) ? hall.myRegistrations() : List.of());
		return "auction/mine";
	}

	@GetMapping("/listings/review")
	String review(Model model) {
		List<ListingView> queue = hall.reviewQueue();
		model.addAttribute("queue", queue);
		model.addAttribute("periods", hall.periods(queue));
		model.addAttribute("listings", hall.regionListings());
		return "auction/review";
	}

	@GetMapping("/listings/{id}")
	String listing(@PathVariable UUID id, Model model) {
		ListingView listing = hall.listing(id);
		model.addAttribute("listing", listing);
		var acting = Actors.current();
		boolean staff = acting.map(a -> a.hasRole(Role.CENTER_STAFF) || a.hasRole(Role.PLATFORM_ADMIN)).orElse(false);
		model.addAttribute("staff", staff);
		// In a demo, staff may jump the platform's time past the listing's period instead of waiting 20 working days.
		model.addAttribute("demoJump", staff && demoTime.on() && listing.status() == ListingStatus.PUBLISHED
				&& listing.periodEnd() != null && listing.periodEnd().isAfter(clock.instant()));
		// Staff only: the projected end and the warning for a year without a holiday schedule.
		model.addAttribute("period", staff ? hall.period(listing) : null);
		model.addAttribute("registrations", staff ? hall.registrations(id) : List.<RegistrationView>of());
		model.addAttribute("mine", acting.filter(a -> a.hasRole(Role.BIDDER)).flatMap(a -> hall.myRegistration(id))
			.orElse(null));
		model.addAttribute("bidder", acting.map(a -> a.hasRole(Role.BIDDER)).orElse(false));
		model.addAttribute("settlement", hall.settlement(id).orElse(null));
		model.addAttribute("hasAuction", listing.status() == ListingStatus.AUCTION
				|| (listing.status() == ListingStatus.SOLD || listing.status() == ListingStatus.FAILED)
						&& hasAuction(id));
		return "auction/listing";
	}

	private boolean hasAuction(UUID id) {
		try {
			hall.auction(id);
			return true;
		}
		catch (Refusal notFound) {
			return false;
		}
	}

	@PostMapping("/listings/{id}/publish")
	String publish(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		ListingView[] published = new ListingView[1];
		Forms.attempt(redirect, "auction.saved.published", () -> published[0] = hall.publish(id, version));
		if (published[0] != null) {
			ListingPeriod period = hall.period(published[0]);
			if (!period.scheduled()) {
				redirect.addFlashAttribute("saved", "auction.saved.publishedUnscheduled");
				redirect.addFlashAttribute("savedVersion", period.unscheduledYearsText());
			}
		}
		return "redirect:/listings/" + id;
	}

	@PostMapping("/listings/{id}/return")
	String returnListing(@PathVariable UUID id, @RequestParam long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "auction.saved.returned", () -> hall.returnListing(id, version, reason));
		return "redirect:/listings/" + id;
	}

	@PostMapping("/listings/{id}/registrations")
	String register(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "auction.saved.registered", () -> hall.register(id));
		return "redirect:/listings/" + id;
	}

	@PostMapping("/listings/registrations/{id}/qualify")
	String qualify(@PathVariable UUID id, RedirectAttributes redirect) {
		RegistrationView[] decided = new RegistrationView[1];
		Forms.attempt(redirect, "auction.saved.qualified", () -> decided[0] = hall.qualify(id));
		return decided[0] == null ? "redirect:/listings/review" : "redirect:/listings/" + decided[0].listing();
	}

	@PostMapping("/listings/registrations/{id}/refuse")
	String refuse(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		RegistrationView[] decided = new RegistrationView[1];
		Forms.attempt(redirect, "auction.saved.refused", () -> decided[0] = hall.refuseRegistration(id, reason));
		return decided[0] == null ? "redirect:/listings/review" : "redirect:/listings/" + decided[0].listing();
	}

	@PostMapping("/listings/{id}/conclude")
	String conclude(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
			@RequestParam(required = false) String freeMinutes, @RequestParam(required = false) String biddingHours,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "auction.saved.concluded", () -> hall.conclude(id,
				startsAt == null ? null : startsAt.atZone(CHINA).toInstant(), integer(freeMinutes), integer(biddingHours)));
		return "redirect:/listings/" + id;
	}

	@PostMapping("/listings/{id}/agreement")
	String agreement(@PathVariable UUID id, @RequestParam(required = false) String price, RedirectAttributes redirect) {
		Forms.attempt(redirect, "auction.saved.agreement", () -> hall.concludeAgreement(id, decimal("price", price)));
		return "redirect:/listings/" + id;
	}

	@GetMapping("/listings/{id}/confirmation.pdf")
	ResponseEntity<byte[]> confirmation(@PathVariable UUID id) {
		byte[] pdf = hall.confirmation(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("confirmation-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	/** A typed amount; what is not a number is refused, as more than two decimals are by the module. */
	static BigDecimal decimal(String field, String amount) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			return org.yiwang.kernel.InputRules.number(amount);
		}
		catch (org.yiwang.kernel.InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	private static Integer integer(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid(null, "auction.number.form", value);
		}
	}
}
