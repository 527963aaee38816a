package org.yiwang.purchasing.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.purchasing.ImportReport;
import org.yiwang.purchasing.NewProduct;
import org.yiwang.purchasing.PurchasingCatalogue;
import org.yiwang.purchasing.VolumeRounds;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The public catalogue, the supplier's page (products, price declarations, bids, deliveries) and staff's price
 * review with the reference-price import.
 */
@Controller
class CataloguePagesController {

	private final PurchasingCatalogue catalogue;

	private final VolumeRounds rounds;

	private final org.yiwang.purchasing.HospitalOrders orders;

	CataloguePagesController(PurchasingCatalogue catalogue, VolumeRounds rounds, org.yiwang.purchasing.HospitalOrders orders) {
		this.catalogue = catalogue;
		this.rounds = rounds;
		this.orders = orders;
	}

	@GetMapping("/catalogue")
	String catalogue(@RequestParam(required = false) String category, Model model) {
		CategoryCode code = category == null || !CategoryCode.isValid(category) ? null : CategoryCode.of(category);
		model.addAttribute("categories", catalogue.categories());
		model.addAttribute("selected", code == null ? null : code.value());
		model.addAttribute("products", catalogue.listedProducts(code));
		return "purchasing/catalogue";
	}

	@GetMapping("/purchasing/supplier")
	String supplier(Model model) {
		model.addAttribute("categories", catalogue.categories());
		model.addAttribute("openRounds", rounds.rounds().stream()
			.filter(r -> r.status() == org.yiwang.purchasing.RoundStatus.OPEN).toList());
		// a member account whose entity is not registered yet sees the page, empty, with the way to register
		model.addAttribute("noEntity", !catalogue.hasEntity());
		model.addAttribute("products", catalogue.hasEntity() ? catalogue.myProducts() : List.of());
		model.addAttribute("prices", catalogue.hasEntity() ? catalogue.myPrices() : List.of());
		model.addAttribute("bids", catalogue.hasEntity() ? rounds.myBids() : List.of());
		model.addAttribute("orders", catalogue.hasEntity() ? orders.myOrders() : List.of());
		return "purchasing/supplier";
	}

	@PostMapping("/purchasing/products")
	String addProduct(@RequestParam(required = false) String category, @RequestParam(required = false) String name,
			@RequestParam(required = false) String registrationNumber, @RequestParam(required = false) String specification,
			@RequestParam(required = false) String insuranceCode, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.product",
				() -> catalogue.addProduct(new NewProduct(category, name, registrationNumber, specification, insuranceCode)));
		return "redirect:/purchasing/supplier";
	}

	@PostMapping("/purchasing/products/{id}/prices")
	String declare(@PathVariable UUID id, @RequestParam(required = false) String price,
			@RequestParam(required = false) MultipartFile evidence, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.declared", () -> {
			if (evidence == null || evidence.isEmpty()) {
				throw Refusal.invalid("evidence", "purchasing.evidence.required");
			}
			try (InputStream in = evidence.getInputStream()) {
				catalogue.declarePrice(id, Amounts.decimal("price", price), evidence.getOriginalFilename(), in);
			}
			catch (IOException e) {
				throw Refusal.invalid("evidence", "purchasing.evidence.broken");
			}
		});
		return "redirect:/purchasing/supplier";
	}

	@GetMapping("/purchasing/prices")
	String review(Model model) {
		model.addAttribute("pending", catalogue.pendingPrices());
		model.addAttribute("referenceCount", catalogue.referencePriceCount());
		model.addAttribute("header", "registration_number,specification,province,price,effective_date");
		return "purchasing/prices";
	}

	@PostMapping("/purchasing/prices/{id}/approve")
	String approve(@PathVariable UUID id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.approved", () -> catalogue.approve(id, Amounts.version(version), reason));
		return "redirect:/purchasing/prices";
	}

	@PostMapping("/purchasing/prices/{id}/refuse")
	String refuse(@PathVariable UUID id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.refused", () -> catalogue.refuse(id, Amounts.version(version), reason));
		return "redirect:/purchasing/prices";
	}

	@GetMapping("/purchasing/prices/{id}/evidence")
	ResponseEntity<InputStreamResource> evidence(@PathVariable UUID id) {
		PurchasingCatalogue.Evidence file = catalogue.evidence(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("Digest", "sha-256=" + file.sha256())
			.body(new InputStreamResource(file.content()));
	}

	@PostMapping("/purchasing/reference-prices")
	String importReference(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		Forms.attempt(redirect, "purchasing.saved.imported", () -> {
			if (file == null || file.isEmpty()) {
				throw Refusal.invalid("file", "purchasing.reference.empty");
			}
			ImportReport report;
			try (InputStream in = file.getInputStream()) {
				report = catalogue.importReferencePrices(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			redirect.addFlashAttribute("importReport", report);
			if (!report.accepted()) {
				throw Refusal.invalid("file", "purchasing.reference.rejected", report.errors().size());
			}
			redirect.addFlashAttribute("savedVersion", report.imported());
		});
		return "redirect:/purchasing/prices";
	}

}
