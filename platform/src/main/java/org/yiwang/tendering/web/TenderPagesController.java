package org.yiwang.tendering.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.BidBox;
import org.yiwang.tendering.FundingSource;
import org.yiwang.tendering.IndustryDivision;
import org.yiwang.tendering.NewTender;
import org.yiwang.tendering.NoticeDraft;
import org.yiwang.tendering.SectionDetails;
import org.yiwang.tendering.SectionDossier;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDiscussion;
import org.yiwang.tendering.TenderDocuments;
import org.yiwang.tendering.TenderType;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The tendering pages: the list of sections (by role), registering a tender and mandating an agency, and one page per
 * section on which each role does its part (check, notice, documents, publication, interest, questions, objections).
 */
@Controller
class TenderPagesController {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final TenderDesk desk;

	private final TenderDocuments documents;

	private final TenderDiscussion discussion;

	private final BidBox bids;

	TenderPagesController(TenderDesk desk, TenderDocuments documents, TenderDiscussion discussion, BidBox bids) {
		this.desk = desk;
		this.documents = documents;
		this.discussion = discussion;
		this.bids = bids;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return CHINA;
	}

	@GetMapping("/tenders")
	String list(Model model) {
		Acting acting = Actors.required();
		model.addAttribute("sections", desk.sections());
		model.addAttribute("notifications", acting.hasRole(Role.BIDDER) ? discussion.notifications() : List.of());
		model.addAttribute("party", acting.hasRole(Role.TENDERER) || acting.hasRole(Role.AGENCY));
		return "tendering/list";
	}

	@GetMapping("/tenders/new")
	String newTender(Model model) {
		if (!model.containsAttribute("facts")) {
			model.addAttribute("facts", new ProjectFactsForm());
		}
		model.addAttribute("industries", IndustryDivision.values());
		model.addAttribute("fundingSources", FundingSource.values());
		model.addAttribute("tenderTypes", TenderType.values());
		model.addAttribute("mandates", desk.myMandates());
		model.addAttribute("categories", desk.tenderCategories());
		model.addAttribute("regions", desk.regions());
		model.addAttribute("tenderer", Actors.required().hasRole(Role.TENDERER));
		return "tendering/new";
	}

	@PostMapping("/tenders/mandates")
	String mandate(@RequestParam(required = false) String agencyCreditCode, @RequestParam(required = false) String scope,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.mandate", () -> desk.recordMandate(agencyCreditCode, scope));
		return "redirect:/tenders/new";
	}

	@PostMapping("/tenders")
	String register(@RequestParam(required = false) String projectName,
			@RequestParam(required = false) String projectApproval,
			@RequestParam(required = false) String tenderProjectName,
			@RequestParam(required = false) String tendererCreditCode, @RequestParam(required = false) String sectionName,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String estimatedPrice, @RequestParam(required = false) String bidSecurity,
			@RequestParam(required = false) String bidValidityDays,
			@RequestParam(required = false) String qualifications, @ModelAttribute("facts") ProjectFactsForm facts,
			RedirectAttributes redirect) {
		try {
			SectionView section = desk.registerTender(new NewTender(projectName, projectApproval, tenderProjectName,
					tendererCreditCode, details(sectionName, region, category, estimatedPrice, bidSecurity,
							bidValidityDays, qualifications), facts.facts()));
			redirect.addFlashAttribute("saved", "tendering.saved.section");
			return "redirect:/tenders/sections/" + section.id();
		}
		catch (Refusal refusal) {
			Forms.explain(redirect, refusal);
			redirect.addFlashAttribute("facts", facts);
			return "redirect:/tenders/new";
		}
	}

	@GetMapping("/tenders/sections/{id}")
	String section(@PathVariable String id, Model model) {
		Acting acting = Actors.required();
		SectionDossier dossier = desk.dossier(TenderingApi.sectionId(id));
		model.addAttribute("d", dossier);
		model.addAttribute("s", dossier.section());
		model.addAttribute("staff", acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN));
		model.addAttribute("party", acting.hasRole(Role.TENDERER) || acting.hasRole(Role.AGENCY));
		model.addAttribute("bidder", acting.hasRole(Role.BIDDER));
		model.addAttribute("unscheduledYears", desk.unscheduledYears(dossier.section()).stream().map(String::valueOf)
			.collect(java.util.stream.Collectors.joining("、")));
		model.addAttribute("projectManager", acting.hasRole(Role.BIDDER) && dossier.interested()
				? documents.myProjectManager(dossier.section().id()).orElse(null) : null);
		model.addAttribute("categories", desk.tenderCategories());
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		return "tendering/section";
	}

	@PostMapping("/tenders/projects/{id}/sections")
	String addSection(@PathVariable String id, @RequestParam(required = false) String sectionName,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String estimatedPrice, @RequestParam(required = false) String bidSecurity,
			@RequestParam(required = false) String bidValidityDays,
			@RequestParam(required = false) String qualifications, RedirectAttributes redirect) {
		try {
			SectionView section = desk.addSection(TenderingApi.uuid(id), details(sectionName, region, category,
					estimatedPrice, bidSecurity, bidValidityDays, qualifications));
			redirect.addFlashAttribute("saved", "tendering.saved.section");
			return "redirect:/tenders/sections/" + section.id();
		}
		catch (Refusal refusal) {
			Forms.explain(redirect, refusal);
			return "redirect:/tenders";
		}
	}

	@PostMapping("/tenders/sections/{id}/resubmit")
	String resubmit(@PathVariable String id, @RequestParam(required = false) String sectionName,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String estimatedPrice, @RequestParam(required = false) String bidSecurity,
			@RequestParam(required = false) String bidValidityDays,
			@RequestParam(required = false) String qualifications, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.resubmitted", () -> desk.resubmit(TenderingApi.sectionId(id),
				details(sectionName, region, category, estimatedPrice, bidSecurity, bidValidityDays, qualifications)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.approved", () -> desk.approve(TenderingApi.sectionId(id), version(version)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/return")
	String returnSection(@PathVariable String id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.returned",
				() -> desk.returnSection(TenderingApi.sectionId(id), version(version), reason == null ? "" : reason));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/notice")
	String notice(@PathVariable String id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) String documentsFrom,
			@RequestParam(required = false) String documentsUntil, @RequestParam(required = false) String bidDeadline,
			@RequestParam(required = false) Boolean consortiumAllowed, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.notice", () -> desk.submitNotice(TenderingApi.sectionId(id),
				new NoticeDraft(title, body, instant(documentsFrom), instant(documentsUntil), instant(bidDeadline),
						consortiumAllowed)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/documents")
	String upload(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
		SectionId section = TenderingApi.sectionId(id);
		Forms.attempt(redirect, "tendering.saved.document", () -> StreamedUploads.file(request, "file",
				(name, type, content) -> documents.upload(section, name, type, content)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/notice/return")
	String returnNotice(@PathVariable String id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.returned",
				() -> desk.returnNotice(TenderingApi.sectionId(id), version(version), reason == null ? "" : reason));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/publish")
	String publish(@PathVariable String id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.published", () -> desk.publish(TenderingApi.sectionId(id), version(version)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/interest")
	String interest(@PathVariable String id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.interest", () -> documents.registerInterest(TenderingApi.sectionId(id)));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/project-manager")
	String projectManager(@PathVariable String id, @RequestParam(required = false) String managerName,
			@RequestParam(required = false) String managerIdNumber,
			@RequestParam(required = false) String managerCertificate,
			@RequestParam(required = false) String managerCertificateNumber, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.projectManager.saved", () -> documents.stateProjectManager(
				TenderingApi.sectionId(id), managerName, managerIdNumber, managerCertificate, managerCertificateNumber));
		return back(id);
	}

	@GetMapping("/tenders/documents/{id}")
	ResponseEntity<InputStreamResource> download(@PathVariable String id) {
		return TenderingApi.file(documents.download(TenderingApi.uuid(id)));
	}

	@PostMapping("/tenders/documents/{id}/signature")
	String sign(@PathVariable String id, @RequestParam(required = false) String section,
			@RequestParam(required = false) MultipartFile signature, @RequestParam(required = false) MultipartFile certificate,
			@RequestParam(required = false) String algorithm, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.documentSigned", () -> documents.sign(TenderingApi.uuid(id),
				AwardController.bytes(signature), AwardController.bytes(certificate), algorithm));
		return section == null ? "redirect:/tenders" : back(section);
	}

	@GetMapping("/tenders/documents/{id}/signature")
	ResponseEntity<byte[]> signature(@PathVariable String id) {
		return TenderingApi.signatureFile(documents.signature(TenderingApi.uuid(id)));
	}

	@GetMapping("/tenders/documents/{id}/certificate")
	ResponseEntity<String> certificate(@PathVariable String id) {
		return TenderingApi.signerCertificate(documents.signature(TenderingApi.uuid(id)));
	}

	@PostMapping("/tenders/sections/{id}/questions")
	String ask(@PathVariable String id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.question", () -> discussion.ask(TenderingApi.sectionId(id), text));
		return back(id);
	}

	@PostMapping("/tenders/questions/{id}/answer")
	String answer(@PathVariable String id, @RequestParam(required = false) String section,
			@RequestParam(required = false) String answer, @RequestParam(required = false) boolean affectsBids,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.clarification",
				() -> discussion.answer(TenderingApi.uuid(id), answer, affectsBids));
		return section == null ? "redirect:/tenders" : back(section);
	}

	@PostMapping("/tenders/sections/{id}/clarifications")
	String clarify(@PathVariable String id, @RequestParam(required = false) String text,
			@RequestParam(required = false) boolean affectsBids, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.clarification",
				() -> discussion.clarify(TenderingApi.sectionId(id), text, affectsBids));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/objections")
	String object(@PathVariable String id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.objection", () -> discussion.object(TenderingApi.sectionId(id), text));
		return back(id);
	}

	@PostMapping("/tenders/objections/{id}/answer")
	String answerObjection(@PathVariable String id, @RequestParam(required = false) String section,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.objectionAnswer",
				() -> discussion.answerObjection(TenderingApi.uuid(id), answer));
		return section == null ? "redirect:/tenders" : back(section);
	}

	@PostMapping("/tenders/sections/{id}/bids")
	String submitBid(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
		SectionId section = TenderingApi.sectionId(id);
		Forms.attempt(redirect, "tendering.saved.bid", () -> StreamedUploads.file(request, "envelope",
				(name, type, content) -> bids.submit(section, request.getParameter("idempotencyKey"),
						request.getRemoteAddr(), request.getHeader("User-Agent"), content)));
		return back(id);
	}

	@PostMapping("/tenders/bids/{id}/withdraw")
	String withdraw(@PathVariable String id, @RequestParam(required = false) String section, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.saved.withdrawn", () -> bids.withdraw(TenderingApi.uuid(id)));
		return section == null ? "redirect:/tenders" : back(section);
	}

	@GetMapping("/tenders/bids/{id}/receipt")
	ResponseEntity<byte[]> receipt(@PathVariable String id) {
		return BidsApi.receiptJson(bids, id);
	}

	@GetMapping("/tenders/bids/{id}/receipt.zip")
	ResponseEntity<byte[]> receiptFiles(@PathVariable String id) {
		return BidsApi.receiptZip(bids, id);
	}

	private static String back(String sectionId) {
		return "redirect:/tenders/sections/" + TenderingApi.sectionId(sectionId);
	}

	private static long version(Long version) {
		if (version == null) {
			throw Refusal.invalid("version", "tendering.check.version");
		}
		return version;
	}

	static SectionDetails details(String name, String region, String category, String estimatedPrice,
			String bidSecurity, String bidValidityDays, String qualifications) {
		return new SectionDetails(name, region, category, decimal("estimatedPrice", estimatedPrice),
				decimal("bidSecurity", bidSecurity), integer(bidValidityDays),
				qualifications == null ? List.of() : Arrays.asList(qualifications.split("[,，;；\\n]")));
	}

	/** A typed amount; what is not a number is refused as such, as more than two decimals are by the module. */
	private static BigDecimal decimal(String field, String amount) {
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

	private static Integer integer(String days) {
		if (days == null || days.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(days.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid("bidValidityDays", "tendering.section.bidValidityDays");
		}
	}

	/** A {@code datetime-local} value, read as Beijing time. */
	static Instant instant(String local) {
		if (local == null || local.isBlank()) {
			return null;
		}
		try {
			return org.yiwang.kernel.InputRules.dateTime(local).atZone(CHINA).toInstant();
		}
		catch (org.yiwang.kernel.InputRefused e) {
			throw Refusal.input("bidDeadline", e);
		}
	}
}
