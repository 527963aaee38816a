package org.yiwang.tendering.web;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.ClarificationView;
import org.yiwang.tendering.DocumentView;
import org.yiwang.tendering.MandateView;
import org.yiwang.tendering.NewTender;
import org.yiwang.tendering.NoticeDraft;
import org.yiwang.tendering.NotificationView;
import org.yiwang.tendering.ProjectManagerView;
import org.yiwang.tendering.ObjectionView;
import org.yiwang.tendering.QuestionView;
import org.yiwang.tendering.SectionDetails;
import org.yiwang.tendering.SectionDossier;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDiscussion;
import org.yiwang.tendering.TenderDocuments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** Tendering as JSON: tenders and sections, their check and publication, documents, questions and objections. */
@RestController
@RequestMapping("/api/tendering")
@Tag(name = "tendering", description = "Tender projects, sections, notices, documents, questions, clarifications, objections")
class TenderingApi {

	private final TenderDesk desk;

	private final TenderDocuments documents;

	private final TenderDiscussion discussion;

	TenderingApi(TenderDesk desk, TenderDocuments documents, TenderDiscussion discussion) {
		this.desk = desk;
		this.documents = documents;
		this.discussion = discussion;
	}

	record NewMandate(String agencyCreditCode, String scope) {
	}

	@PostMapping("/mandates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The caller's entity (a tenderer) mandates an agency, named by its credit code")
	MandateView mandate(@RequestBody NewMandate mandate) {
		return desk.recordMandate(mandate.agencyCreditCode(), mandate.scope());
	}

	@GetMapping("/mandates")
	List<MandateView> mandates() {
		return desk.myMandates();
	}

	@PostMapping("/tenders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a tender project with its first section (tenderer, or agency with a mandate)",
			description = "The section gets a trade code and waits for the staff of its region. Bid security may be at "
					+ "most the template's percentage (2%) of the estimated price.")
	SectionView register(@Valid @RequestBody NewTender tender) {
		return desk.registerTender(tender);
	}

	@PostMapping("/tender-projects/{id}/sections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a section to a tender project, in the tender project's region")
	SectionView addSection(@PathVariable String id, @Valid @RequestBody SectionDetails section) {
		return desk.addSection(uuid(id), section);
	}

	@GetMapping("/sections")
	@Operation(summary = "Staff: their regions' sections; tenderer/agency: their own; bidders: published ones")
	List<SectionView> sections() {
		return desk.sections();
	}

	@GetMapping("/sections/{id}")
	@Operation(summary = "A section with its rules, documents, questions, clarifications, objections and clock")
	SectionDossier section(@PathVariable String id) {
		return desk.dossier(sectionId(id));
	}

	@PutMapping("/sections/{id}")
	@Operation(summary = "Correct a returned section and submit it again")
	SectionView resubmit(@PathVariable String id, @Valid @RequestBody SectionDetails section) {
		return desk.resubmit(sectionId(id), section);
	}

	record Check(Long version, String reason) {
	}

	@PostMapping("/sections/{id}/approval")
	@Operation(summary = "Staff of the section's region accept it; give the version seen")
	SectionView approve(@PathVariable String id, @RequestBody Check check) {
		return desk.approve(sectionId(id), version(check));
	}

	@PostMapping("/sections/{id}/return")
	@Operation(summary = "Staff of the section's region return it with a reason")
	SectionView returnSection(@PathVariable String id, @RequestBody Check check) {
		return desk.returnSection(sectionId(id), version(check), check.reason() == null ? "" : check.reason());
	}

	@PostMapping("/sections/{id}/notice")
	@Operation(summary = "Draft the notice and submit it for the staff's check",
			description = "Dates are ISO-8601 instants. At least 20 days (the template's) from documents issued to the "
					+ "deadline; documents available at least 5 days (working days for government procurement).")
	SectionView notice(@PathVariable String id, @Valid @RequestBody NoticeDraft notice) {
		return desk.submitNotice(sectionId(id), notice);
	}

	@PostMapping("/sections/{id}/notice/return")
	SectionView returnNotice(@PathVariable String id, @RequestBody Check check) {
		return desk.returnNotice(sectionId(id), version(check), check.reason() == null ? "" : check.reason());
	}

	@PostMapping("/sections/{id}/publication")
	@Operation(summary = "Staff publish the notice: signed by the platform, bid security set, the clock starts")
	SectionView publish(@PathVariable String id, @RequestBody Check check) {
		return desk.publish(sectionId(id), version(check));
	}

	@PostMapping(path = "/sections/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a tender document (multipart part 'file'), streamed to disk and hashed (SHA-256, SM3)")
	DocumentView upload(@PathVariable String id, HttpServletRequest request) {
		SectionId section = sectionId(id);
		return StreamedUploads.file(request, "file", (name, type, content) -> documents.upload(section, name, type, content));
	}

	@GetMapping("/documents/{id}")
	@Operation(summary = "Download a document; a bidder's download is recorded")
	ResponseEntity<InputStreamResource> download(@PathVariable String id) {
		return file(documents.download(uuid(id)));
	}

	@PostMapping(path = "/documents/{id}/signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "The tenderer or agency signs a document before its notice goes out: multipart 'signature' "
			+ "(detached over the file's exact bytes, DER), 'certificate' (PEM, bound to the signer) and 'algorithm' "
			+ "(default SM3withSM2)")
	DocumentView sign(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm) {
		return documents.sign(uuid(id), AwardController.bytes(signature), AwardController.bytes(certificate), algorithm);
	}

	@GetMapping("/documents/{id}/signature")
	@Operation(summary = "The detached signature over a signed document, for whoever may download the document")
	ResponseEntity<byte[]> signature(@PathVariable String id) {
		return signatureFile(documents.signature(uuid(id)));
	}

	@GetMapping("/documents/{id}/certificate")
	@Operation(summary = "The certificate (PEM) a document's signature was checked under")
	ResponseEntity<String> certificate(@PathVariable String id) {
		return signerCertificate(documents.signature(uuid(id)));
	}

	@PostMapping("/sections/{id}/interest")
	@Operation(summary = "The caller's entity (a bidder) registers for a published section")
	SectionView interest(@PathVariable String id) {
		return documents.registerInterest(sectionId(id));
	}

	/** @param idNumber the 18-character resident ID number (shown masked in the answer and on every page) */
	record ProjectManagerStatement(String name, String idNumber, String certificate, String certificateNumber) {
	}

	@PutMapping("/sections/{id}/project-manager")
	@Operation(summary = "A registered bidder states its project manager (项目负责人) for the section until the bid deadline")
	ProjectManagerView projectManager(@PathVariable String id, @RequestBody(required = false) ProjectManagerStatement s) {
		return documents.stateProjectManager(sectionId(id), s == null ? null : s.name(), s == null ? null : s.idNumber(),
				s == null ? null : s.certificate(), s == null ? null : s.certificateNumber());
	}

	@GetMapping("/sections/{id}/project-manager")
	@Operation(summary = "The project manager the calling bidder stated for the section, the ID number masked")
	ProjectManagerView myProjectManager(@PathVariable String id) {
		return documents.myProjectManager(sectionId(id))
			.orElseThrow(() -> org.yiwang.system.Refusal.notFound("tendering.projectManager.none"));
	}

	record Text(String text, String answer, Boolean affectsBids) {
	}

	@PostMapping("/sections/{id}/questions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask a question anonymously (registered bidders)")
	QuestionView ask(@PathVariable String id, @RequestBody Text text) {
		return discussion.ask(sectionId(id), text.text());
	}

	@PostMapping("/questions/{id}/answer")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer a question; the answer is published to all bidders as a clarification")
	ClarificationView answer(@PathVariable String id, @RequestBody Text text) {
		return discussion.answer(uuid(id), text.answer(), Boolean.TRUE.equals(text.affectsBids()));
	}

	@PostMapping("/sections/{id}/clarifications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a clarification or amendment; one affecting bids less than 15 days before the deadline moves it")
	ClarificationView clarify(@PathVariable String id, @RequestBody Text text) {
		return discussion.clarify(sectionId(id), text.text(), Boolean.TRUE.equals(text.affectsBids()));
	}

	@PostMapping("/sections/{id}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Object to the documents (until 10 days before the deadline); the procedure pauses until answered")
	ObjectionView object(@PathVariable String id, @RequestBody Text text) {
		return discussion.object(sectionId(id), text.text());
	}

	@PostMapping("/objections/{id}/answer")
	@Operation(summary = "Answer an objection; when none stays open the procedure resumes")
	ObjectionView answerObjection(@PathVariable String id, @RequestBody Text text) {
		return discussion.answerObjection(uuid(id), text.answer());
	}

	@GetMapping("/notifications")
	List<NotificationView> notifications() {
		return discussion.notifications();
	}

	static ResponseEntity<InputStreamResource> file(TenderDocuments.Download download) {
		DocumentView d = download.document();
		InputStream content = download.content().get();
		MediaType type;
		try {
			type = MediaType.parseMediaType(d.contentType());
		}
		catch (RuntimeException e) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok().contentType(type).contentLength(d.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build()
						.toString())
			.header("X-Content-SHA256", d.sha256()).header("X-Content-SM3", d.sm3())
			.headers(h -> {
				// the tenderer's or agency's signature: where to fetch it and the certificate, to check the bytes with
				if (d.signed()) {
					h.add("X-Signature-Algorithm", d.signatureAlgorithm());
					h.add("X-Signer-Fingerprint", d.signerFingerprint());
					h.add(HttpHeaders.LINK, "</tenders/documents/" + d.id() + "/signature>; rel=\"signature\", </tenders/documents/"
							+ d.id() + "/certificate>; rel=\"signer-certificate\"");
				}
			})
			.body(new InputStreamResource(content));
	}

	/** The detached signature over a document's exact bytes ({@code openssl dgst -verify … -signature}). */
	static ResponseEntity<byte[]> signatureFile(TenderDocuments.Signed signed) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(signed.document().fileName() + ".sig", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Signature-Algorithm", signed.document().signatureAlgorithm())
			.body(signed.signature());
	}

	/** The certificate the signature was checked under, PEM. */
	static ResponseEntity<String> signerCertificate(TenderDocuments.Signed signed) {
		return ResponseEntity.ok().contentType(new MediaType("application", "x-pem-file"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("signer-" + signed.document().signerFingerprint().substring(0, 16) + ".pem").build().toString())
			.body(signed.certificatePem());
	}

	static SectionId sectionId(String id) {
		return new SectionId(uuid(id));
	}

	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw Refusal.notFound("tendering.section.notFound");
		}
	}

	private static long version(Check check) {
		if (check == null || check.version() == null) {
			throw Refusal.invalid("version", "tendering.check.version");
		}
		return check.version();
	}
}
