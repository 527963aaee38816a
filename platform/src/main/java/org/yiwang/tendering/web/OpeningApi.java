package org.yiwang.tendering.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.tendering.OpeningHall;
import org.yiwang.tendering.OpeningView;
import org.yiwang.tendering.SectionView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The remote opening as JSON: what the opening hall page does, for the bid tool and other clients. */
@RestController
@RequestMapping("/api/tendering")
@Tag(name = "tendering-opening", description = "Remote opening: check-in, decryption, custodians' shares, objections, record")
class OpeningApi {

	private final OpeningHall hall;

	OpeningApi(OpeningHall hall) {
		this.hall = hall;
	}

	record ContentKey(String contentKey) {
	}

	record Share(String share) {
	}

	record Text(String text, String answer) {
	}

	@GetMapping("/sections/{id}/opening")
	@Operation(summary = "The opening hall as the caller sees it")
	OpeningView view(@PathVariable String id) {
		return hall.view(TenderingApi.sectionId(id));
	}

	@PostMapping("/sections/{id}/opening/check-in")
	@Operation(summary = "A bidder of the section checks in")
	OpeningView checkIn(@PathVariable String id) {
		return hall.checkIn(TenderingApi.sectionId(id));
	}

	@PostMapping("/sections/{id}/opening/decryption")
	@Operation(summary = "A checked-in bidder gives its content key (base64, from bidtool unwrap --print-key) within the window")
	OpeningView decrypt(@PathVariable String id, @RequestBody(required = false) ContentKey key) {
		return hall.decrypt(TenderingApi.sectionId(id), key == null ? null : key.contentKey());
	}

	@PostMapping("/sections/{id}/opening/shares")
	@Operation(summary = "A key custodian gives its decrypted share (base64, from bidtool unwrap-share) after the window")
	OpeningView share(@PathVariable String id, @RequestBody(required = false) Share share) {
		return hall.giveShare(TenderingApi.sectionId(id), share == null ? null : share.share());
	}

	@GetMapping("/sections/{id}/opening/confirmation.txt")
	@Operation(summary = "The bidder's line of the opening record: the exact bytes it signs to confirm")
	ResponseEntity<byte[]> confirmationStatement(@PathVariable String id) {
		return OpeningController.statement(hall, TenderingApi.sectionId(id));
	}

	@PostMapping("/sections/{id}/opening/confirmation")
	@Operation(summary = "A bidder confirms the read-out, signed: multipart 'signature' (detached over confirmation.txt, "
			+ "DER), 'certificate' (PEM, optional when a bound one verifies it) and 'algorithm' (default SM3withSM2)")
	OpeningView confirm(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm) {
		return hall.confirm(TenderingApi.sectionId(id), AwardController.bytes(signature),
				AwardController.bytes(certificate), algorithm);
	}

	@PostMapping("/sections/{id}/opening/objections")
	@Operation(summary = "A bidder objects, on the spot")
	OpeningView object(@PathVariable String id, @RequestBody(required = false) Text text) {
		return hall.object(TenderingApi.sectionId(id), text == null ? null : text.text());
	}

	@PostMapping("/opening-objections/{id}/answer")
	@Operation(summary = "The tenderer or agency answers an objection raised at the opening")
	OpeningView answer(@PathVariable String id, @RequestBody(required = false) Text text) {
		return hall.answer(TenderingApi.uuid(id), text == null ? null : text.answer());
	}

	@PostMapping("/sections/{id}/opening/record")
	@Operation(summary = "Staff of the region close the opening: the record is signed and published")
	OpeningView close(@PathVariable String id) {
		return hall.close(TenderingApi.sectionId(id));
	}

	@PostMapping("/sections/{id}/retender")
	@Operation(summary = "Staff of the region re-tender a failed section as its next round")
	SectionView retender(@PathVariable String id) {
		return hall.retender(TenderingApi.sectionId(id));
	}
}
