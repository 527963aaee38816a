package org.yiwang.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yiwang.portal.DocumentSignatures;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.SearchRequest;
import org.yiwang.portal.SearchResult;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** The public portal: home, search with facets, one page per record, and the check of its signature. */
@Controller
class PortalController {

	private final Portal portal;

	private final MessageSource messages;

	private final JsonMapper json;

	private final DocumentSignatures documentSignatures;

	PortalController(Portal portal, MessageSource messages, JsonMapper json, DocumentSignatures documentSignatures) {
		this.documentSignatures = documentSignatures;
		this.portal = portal;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/portal")
	String home(Model model, Locale locale) {
		Map<String, String> regions = portal.regionNames(locale);
		Map<String, String> categories = portal.categoryNames(locale);
		Portal.HomeFigures figures = portal.homeFigures();
		model.addAttribute("latest", portal.latest(10));
		model.addAttribute("logHead", portal.latestLogHead().orElse(null));
		model.addAttribute("total", figures.total());
		model.addAttribute("regionNames", regions);
		model.addAttribute("categoryNames", categories);
		model.addAttribute("regionChart", chart(figures.byRegion(), regions, "portal.chart.regions", locale));
		model.addAttribute("categoryChart", chart(figures.byCategory(), categories, "portal.chart.categories", locale));
		return "portal/home";
	}

	private String chart(Map<String, Long> counts, Map<String, String> names, String titleKey, Locale locale) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", counts.keySet().stream().map(k -> names.getOrDefault(k, k)).toList());
		chart.put("values", new ArrayList<>(counts.values()));
		chart.put("title", messages.getMessage(titleKey, null, locale));
		return json.writeValueAsString(chart);
	}

	@GetMapping("/notices")
	String search(@ModelAttribute("search") SearchForm form, Model model, Locale locale, HttpServletRequest http) {
		List<String> notes = new ArrayList<>();
		SearchRequest request = form.request(notes);
		SearchResult result = portal.search(request);
		notes.addAll(result.notes());
		model.addAttribute("result", result);
		model.addAttribute("notes", notes);
		model.addAttribute("sorts", SearchRequest.Sort.values());
		var links = new SearchPage.Links(http.getContextPath() + "/notices", http.getQueryString());
		model.addAttribute("page", SearchPage.of(result, links, portal.regionNames(locale), portal.categoryNames(locale),
				type -> messages.getMessage("portal.type." + type, null, type, locale)));
		return "portal/notices";
	}

	@GetMapping("/notices/{id}")
	String notice(@PathVariable UUID id, Model model, Locale locale) {
		PublicRecord record = portal.record(id).orElseThrow(() -> Refusal.notFound("portal.record.notFound"));
		model.addAttribute("record", record);
		model.addAttribute("regionName", portal.regionName(record.regionCode(), locale));
		model.addAttribute("categoryName", portal.categoryName(record.categoryCode(), locale));
		model.addAttribute("history", portal.history(record.tradeCode()));
		model.addAttribute("draws", portal.draws(record.tradeCode()));
		model.addAttribute("documentSignatures", documentSignatures.ofSection(record.tradeCode()));
		model.addAttribute("base", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return "portal/notice";
	}

	/** The platform checks the signature through the trust store; an htmx fragment, or the whole page. */
	@GetMapping("/notices/{id}/signature")
	String signature(@PathVariable UUID id, Model model, Locale locale, HttpServletRequest request) {
		model.addAttribute("verification", portal.verifySignature(id));
		if (org.yiwang.system.Forms.isFragmentRequest(request)) {
			return "portal/notice :: verification";
		}
		return notice(id, model, locale);
	}

	/** The exact bytes the platform signed, for {@code openssl dgst -verify}. */
	@GetMapping("/notices/{id}/signed-content")
	ResponseEntity<byte[]> signedContent(@PathVariable UUID id) {
		PublicRecord record = portal.record(id).orElseThrow(() -> Refusal.notFound("portal.record.notFound"));
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"notice-" + id + ".txt\"")
			.body(record.signedContent().getBytes(StandardCharsets.UTF_8));
	}

	/** The signature itself (DER), for {@code openssl dgst -signature}. */
	@GetMapping("/notices/{id}/signature.sig")
	ResponseEntity<byte[]> signatureFile(@PathVariable UUID id) {
		PublicRecord record = portal.record(id).orElseThrow(() -> Refusal.notFound("portal.record.notFound"));
		byte[] der;
		try {
			der = Base64.getDecoder().decode(record.signature());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("portal.record.notFound");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header("Content-Disposition", "attachment; filename=\"notice-" + id + ".sig\"").body(der);
	}

	/** A tender document's detached signature by its tenderer or agency (DER), once the section is public. */
	@GetMapping("/notices/documents/{id}/signature.sig")
	ResponseEntity<byte[]> documentSignature(@PathVariable("id") UUID document) {
		DocumentSignatures.SignatureFiles files = documentSignatures.files(document)
			.orElseThrow(() -> Refusal.notFound("portal.record.notFound"));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header("Content-Disposition", "attachment; filename=\"document-" + document + ".sig\"")
			.body(files.signature());
	}

	/** The certificate the document's signature was checked under (PEM), for {@code openssl x509 -pubkey}. */
	@GetMapping("/notices/documents/{id}/certificate.pem")
	ResponseEntity<byte[]> documentCertificate(@PathVariable("id") UUID document) {
		DocumentSignatures.SignatureFiles files = documentSignatures.files(document)
			.orElseThrow(() -> Refusal.notFound("portal.record.notFound"));
		return ResponseEntity.ok().contentType(new MediaType("application", "x-pem-file"))
			.header("Content-Disposition", "attachment; filename=\"document-" + document + ".pem\"")
			.body(files.certificatePem().getBytes(StandardCharsets.US_ASCII));
	}
}
