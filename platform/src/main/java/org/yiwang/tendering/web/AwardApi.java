package org.yiwang.tendering.web;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.tendering.AwardChallengeView;
import org.yiwang.tendering.AwardDesk;
import org.yiwang.tendering.AwardDossier;
import org.yiwang.tendering.AwardView;
import org.yiwang.tendering.ContractView;
import org.yiwang.tendering.SectionId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** The award and contract as JSON and files: what the award page does, for scripts and the bid tool. */
@RestController
@RequestMapping("/api/tendering")
@Tag(name = "tendering award", description = "Candidate publicity, objections and complaints, winner, award notice, contract")
class AwardApi {

	private final AwardDesk desk;

	AwardApi(AwardDesk desk) {
		this.desk = desk;
	}

	record Text(String text) {
	}

	record Answer(String answer) {
	}

	record Winner(String winner, String reason) {
	}

	@GetMapping("/sections/{id}/award")
	@Operation(summary = "The section's publicity, candidates, objections, winner and contract, as the caller may see them")
	AwardDossier award(@PathVariable String id) {
		return desk.dossier(TenderingApi.sectionId(id));
	}

	@PostMapping("/sections/{id}/award/objections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A bidder objects to the evaluation result while the candidates are publicized")
	AwardChallengeView object(@PathVariable String id, @RequestBody Text text) {
		return desk.object(TenderingApi.sectionId(id), text.text());
	}

	@PostMapping("/sections/{id}/award/complaints")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A bidder complains to the regulator, within 10 days after its objection was answered")
	AwardChallengeView complain(@PathVariable String id, @RequestBody Text text) {
		return desk.complain(TenderingApi.sectionId(id), text.text());
	}

	@PostMapping("/award/objections/{id}/answer")
	@Operation(summary = "The tenderer or its agency answers an objection (due within 3 days)")
	AwardChallengeView answer(@PathVariable String id, @RequestBody Answer answer) {
		return desk.answer(TenderingApi.uuid(id), answer.answer());
	}

	@PostMapping("/sections/{id}/award/winner")
	@Operation(summary = "The tenderer or its agency confirms the winner (an entity id among the candidates; "
			+ "another than the first only with a reason)")
	AwardView confirm(@PathVariable String id, @RequestBody Winner winner) {
		return desk.confirmWinner(TenderingApi.sectionId(id), AwardController.entity(winner.winner()), winner.reason());
	}

	@GetMapping("/sections/{id}/award/notice.pdf")
	ResponseEntity<byte[]> notice(@PathVariable String id) {
		return AwardController.noticePdf(desk, TenderingApi.sectionId(id));
	}

	@GetMapping("/sections/{id}/award/notice.pdf.sig")
	@Operation(summary = "The platform's detached SM2 signature (DER) over the award notice PDF")
	ResponseEntity<byte[]> noticeSignature(@PathVariable String id) {
		return AwardController.noticeSignature(desk, TenderingApi.sectionId(id));
	}

	@PostMapping("/sections/{id}/contract")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The tenderer or its agency uploads the contract PDF (multipart part 'file', streamed) with a "
			+ "summary of its main content (合同主要内容, 10-2000 characters: form field 'summary' before the file part, or "
			+ "query parameter 'summary')")
	ContractView uploadContract(@PathVariable String id, HttpServletRequest request) {
		SectionId section = TenderingApi.sectionId(id);
		return StreamedUploads.fileWithFields(request, "file",
				(fields, name, type, content) -> desk.uploadContract(section, name, content, fields.get("summary")));
	}

	@GetMapping("/sections/{id}/contract.pdf")
	@Operation(summary = "The contract's exact bytes, which each party signs")
	ResponseEntity<InputStreamResource> contract(@PathVariable String id) {
		return AwardController.contractPdf(desk, TenderingApi.sectionId(id));
	}

	@PostMapping("/sections/{id}/contract/signatures")
	@Operation(summary = "The tenderer or the winner signs: multipart 'signature' (detached, DER) and 'certificate' (PEM)")
	ContractView sign(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm) {
		return desk.signContract(TenderingApi.sectionId(id), AwardController.bytes(signature),
				AwardController.bytes(certificate), algorithm);
	}
}
