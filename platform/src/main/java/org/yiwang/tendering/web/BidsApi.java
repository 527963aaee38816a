package org.yiwang.tendering.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.tendering.BidBox;
import org.yiwang.tendering.BidView;
import org.yiwang.tendering.SectionId;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/** Sealed bids as JSON: submit an envelope, withdraw it, download the receipt; regulators' evidence after opening. */
@RestController
@RequestMapping("/api/tendering")
@Tag(name = "tendering-bids", description = "Sealed bids up to the deadline and their receipts")
class BidsApi {

	private final BidBox box;

	BidsApi(BidBox box) {
		this.box = box;
	}

	@PostMapping(path = "/sections/{id}/bids",
			consumes = { MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	@Operation(summary = "Submit a sealed envelope before the deadline: its bytes as the body (application/octet-stream), "
			+ "or as the multipart part 'envelope'; header Idempotency-Key",
			description = "Answers 201 with the receipt JSON (Location: the bid) once the envelope is stored durably. A retry "
					+ "with the same key and the same envelope answers the same receipt (Idempotent-Replayed: true). The "
					+ "plain body (curl --data-binary @bid.ywenv -H 'Content-Type: application/octet-stream') is read "
					+ "straight to disk, with no multipart boundaries to look for: the faster way for scripts and tools.")
	ResponseEntity<byte[]> submit(@PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, HttpServletRequest request)
			throws IOException {
		SectionId section = TenderingApi.sectionId(id);
		String ip = request.getRemoteAddr(), agent = request.getHeader(HttpHeaders.USER_AGENT);
		// consumes lets only these two through, and a body without a Content-Type counts as application/octet-stream
		String contentType = request.getContentType();
		boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
		BidBox.BidReceipt receipt = multipart
				? StreamedUploads.file(request, "envelope", (name, type, content) -> box.submit(section, key, ip, agent,
						content))
				: box.submit(section, key, ip, agent, request.getInputStream());
		return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/tendering/bids/" + receipt.bid().id())
			.header("Idempotent-Replayed", String.valueOf(receipt.replayed()))
			.header("X-Bid-Id", receipt.bid().id().toString())
			.contentType(MediaType.APPLICATION_JSON).body(receipt.receiptJson());
	}

	@GetMapping("/sections/{id}/bids/mine")
	List<BidView> mine(@PathVariable String id) {
		return box.myBids(TenderingApi.sectionId(id));
	}

	@GetMapping("/bids/{id}")
	BidView bid(@PathVariable String id) {
		return box.bid(TenderingApi.uuid(id));
	}

	@GetMapping("/bids/{id}/receipt")
	@Operation(summary = "The receipt JSON (bidtool verify-receipt reads it)")
	ResponseEntity<byte[]> receipt(@PathVariable String id) {
		return receiptJson(box, id);
	}

	@GetMapping("/bids/{id}/receipt.zip")
	@Operation(summary = "The receipt as files OpenSSL checks: statement, tree head, its signature and RFC 3161 token, certificates")
	ResponseEntity<byte[]> receiptFiles(@PathVariable String id) {
		return receiptZip(box, id);
	}

	@PostMapping("/bids/{id}/withdrawal")
	@Operation(summary = "Withdraw the bid before the deadline; another may then be submitted")
	BidView withdraw(@PathVariable String id) {
		return box.withdraw(TenderingApi.uuid(id));
	}

	record Evidence(String sourceIp) {
	}

	@GetMapping("/bids/{id}/evidence")
	@Operation(summary = "Regulators, after opening: where the bid came from (source IP)")
	Evidence evidence(@PathVariable String id) {
		return new Evidence(box.sourceIp(TenderingApi.uuid(id)));
	}

	static ResponseEntity<byte[]> receiptJson(BidBox box, String id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("receipt-" + id + ".json")
				.build().toString())
			.body(box.receipt(TenderingApi.uuid(id)));
	}

	static ResponseEntity<byte[]> receiptZip(BidBox box, String id) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("receipt-" + id + ".zip")
				.build().toString())
			.body(box.receiptFiles(TenderingApi.uuid(id)));
	}
}
