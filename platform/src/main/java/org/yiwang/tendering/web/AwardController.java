package org.yiwang.tendering.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.yiwang.registry.EntityId;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.AwardDesk;
import org.yiwang.tendering.AwardDossier;
import org.yiwang.tendering.SectionId;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The award page of a section (中标候选人公示, 异议, 中标通知书, 合同): each role does its part on it, and the award notice
 * and contract download from it.
 */
@Controller
class AwardController {

	private final AwardDesk desk;

	AwardController(AwardDesk desk) {
		this.desk = desk;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return TenderPagesController.CHINA;
	}

	@GetMapping("/tenders/sections/{id}/award")
	String award(@PathVariable String id, Model model) {
		model.addAttribute("a", desk.dossier(TenderingApi.sectionId(id)));
		return "tendering/award";
	}

	/** The platform checks the award notice's signature; an htmx fragment, or the whole page. */
	@GetMapping("/tenders/sections/{id}/award/verification")
	String verification(@PathVariable String id, Model model, HttpServletRequest request) {
		SectionId section = TenderingApi.sectionId(id);
		AwardDossier dossier = desk.dossier(section);
		model.addAttribute("resultNotice", !dossier.seesAwardNotice() && dossier.resultNoticeSha256() != null);
		model.addAttribute("verified", desk.awardNoticeVerifies(section));
		if (Forms.isFragmentRequest(request)) {
			return "tendering/award :: verification";
		}
		return award(id, model);
	}

	@PostMapping("/tenders/sections/{id}/award/objections")
	String object(@PathVariable String id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.award.saved.objection", () -> desk.object(TenderingApi.sectionId(id), text));
		return back(id);
	}

	@PostMapping("/tenders/sections/{id}/award/complaints")
	String complain(@PathVariable String id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.award.saved.complaint", () -> desk.complain(TenderingApi.sectionId(id), text));
		return back(id);
	}

	@PostMapping("/tenders/award/objections/{id}/answer")
	String answer(@PathVariable String id, @RequestParam(required = false) String section,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.award.saved.answer", () -> desk.answer(TenderingApi.uuid(id), answer));
		return section == null ? "redirect:/tenders" : back(section);
	}

	@PostMapping("/tenders/sections/{id}/award/winner")
	String confirm(@PathVariable String id, @RequestParam(required = false) String winner,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.award.saved.winner",
				() -> desk.confirmWinner(TenderingApi.sectionId(id), entity(winner), reason));
		return back(id);
	}

	@GetMapping("/tenders/sections/{id}/award/notice.pdf")
	ResponseEntity<byte[]> notice(@PathVariable String id) {
		return noticePdf(desk, TenderingApi.sectionId(id));
	}

	@GetMapping("/tenders/sections/{id}/award/notice.pdf.sig")
	ResponseEntity<byte[]> noticeSignature(@PathVariable String id) {
		return noticeSignature(desk, TenderingApi.sectionId(id));
	}

	/** A losing bidder's own signed result notice (中标结果通知书) and the platform's detached signature over it. */
	@GetMapping("/tenders/sections/{id}/award/result-notice.pdf")
	ResponseEntity<byte[]> resultNotice(@PathVariable String id) {
		AwardDesk.AwardNotice notice = desk.resultNotice(TenderingApi.sectionId(id));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(notice.fileName()))
			.header("X-Content-SHA256", notice.sha256()).body(notice.pdf());
	}

	@GetMapping("/tenders/sections/{id}/award/result-notice.pdf.sig")
	ResponseEntity<byte[]> resultNoticeSignature(@PathVariable String id) {
		AwardDesk.AwardNotice notice = desk.resultNotice(TenderingApi.sectionId(id));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(notice.fileName() + ".sig")).body(notice.signature());
	}

	@PostMapping("/tenders/sections/{id}/contract")
	String uploadContract(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
		SectionId section = TenderingApi.sectionId(id);
		Forms.attempt(redirect, "tendering.award.saved.contract", () -> StreamedUploads.fileWithFields(request, "file",
				(fields, name, type, content) -> desk.uploadContract(section, name, content, fields.get("summary"))));
		return back(id);
	}

	@GetMapping("/tenders/sections/{id}/contract.pdf")
	ResponseEntity<InputStreamResource> contract(@PathVariable String id) {
		return contractPdf(desk, TenderingApi.sectionId(id));
	}

	@PostMapping("/tenders/sections/{id}/contract/signatures")
	String sign(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "tendering.award.saved.signature", () -> desk.signContract(TenderingApi.sectionId(id),
				bytes(signature), bytes(certificate), algorithm));
		return back(id);
	}

	// ---- shared with the API ---------------------------------------------------------------------------------

	static ResponseEntity<byte[]> noticePdf(AwardDesk desk, SectionId id) {
		AwardDesk.AwardNotice notice = desk.awardNotice(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(notice.fileName()))
			.header("X-Content-SHA256", notice.sha256()).body(notice.pdf());
	}

	static ResponseEntity<byte[]> noticeSignature(AwardDesk desk, SectionId id) {
		AwardDesk.AwardNotice notice = desk.awardNotice(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(notice.fileName() + ".sig")).body(notice.signature());
	}

	static ResponseEntity<InputStreamResource> contractPdf(AwardDesk desk, SectionId id) {
		AwardDesk.ContractFile file = desk.contract(id);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).contentLength(file.contract().size())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(file.contract().fileName()))
			.header("X-Content-SHA256", file.contract().sha256()).header("X-Content-SM3", file.contract().sm3())
			.body(new InputStreamResource(file.content().get()));
	}

	static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > 64 * 1024) {
			throw Refusal.invalid(file.getName(), "tendering.contract.signatureFileTooLarge");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw Refusal.invalid(file.getName(), "tendering.upload.malformed");
		}
	}

	static EntityId entity(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return EntityId.of(id.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("winner", "tendering.award.notCandidate");
		}
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}

	private static String back(String sectionId) {
		return "redirect:/tenders/sections/" + TenderingApi.sectionId(sectionId) + "/award";
	}
}
