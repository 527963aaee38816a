package org.yiwang.evaluation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.evaluation.CommitteeReading;
import org.yiwang.evaluation.EvaluationCaseView;
import org.yiwang.evaluation.EvaluationDesk;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.OpenedBidContents;

/**
 * The evaluation pages: the case list, one case (progress for staff; the committee's workspace for its members:
 * leader, reviews, points, score sheet, clarifications, report), and a bidder's clarifications.
 */
@Controller
class EvaluationController {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final EvaluationDesk desk;

	private final CommitteeReading reading;

	EvaluationController(EvaluationDesk desk, CommitteeReading reading) {
		this.desk = desk;
		this.reading = reading;
	}

	@GetMapping("/evaluation/cases")
	String cases(Model model) {
		model.addAttribute("cases", desk.cases());
		return "evaluation/evaluation-cases";
	}

	@GetMapping("/evaluation/cases/{id}")
	String evaluationCase(@PathVariable String id, Model model) {
		EvaluationCaseView view = desk.caseView(uuid(id));
		model.addAttribute("c", view);
		if (!view.ranking().isEmpty() && view.table().weighted()) {
			model.addAttribute("rankingChart", chart(view));
		}
		return "evaluation/evaluation-case";
	}

	/** The totals as an ECharts bar chart (static/js/charts.js reads the data attribute). */
	private static String chart(EvaluationCaseView view) {
		String labels = view.ranking().stream().map(r -> json(r.bidderName())).collect(Collectors.joining(","));
		String values = view.ranking().stream().map(r -> r.total().toPlainString()).collect(Collectors.joining(","));
		return "{\"title\":" + json("总分 Total") + ",\"labels\":[" + labels + "],\"values\":[" + values + "]}";
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** An opened bid as the committee reads it: signer, hashes, price sheet, and its files to open. */
	@GetMapping("/evaluation/cases/{id}/bids/{bid}")
	String bid(@PathVariable String id, @PathVariable String bid, Model model) {
		model.addAttribute("caseId", uuid(id));
		model.addAttribute("b", reading.bid(uuid(id), bidPath(bid)));
		return "evaluation/evaluation-bid";
	}

	/**
	 * A file of an opened bid, streamed from the blob store: shown in the browser where it can show it safely (PDF,
	 * plain text, JSON, images), downloaded otherwise; never cached, since only the committee may read it.
	 */
	@GetMapping("/evaluation/cases/{id}/bids/{bid}/files/{position}")
	ResponseEntity<InputStreamResource> bidFile(@PathVariable String id, @PathVariable String bid,
			@PathVariable String position) {
		if (!position.matches("\\d{1,4}")) {
			throw Refusal.notFound("tendering.bidFiles.fileNotFound");
		}
		OpenedBidContents.Content content = reading.file(uuid(id), bidPath(bid), Integer.parseInt(position));
		OpenedBidContents.File file = content.file();
		MediaType type = inlineType(file.name());
		ContentDisposition disposition = (type == null ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(file.name(), StandardCharsets.UTF_8).build();
		return ResponseEntity.ok()
			.contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : type)
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-SHA256", file.sha256())
			.header("X-Content-SM3", file.sm3())
			.body(new InputStreamResource(content.stream().get()));
	}

	/** The types a browser shows without running anything of the bidder's; anything else is a download. */
	static MediaType inlineType(String name) {
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		if (lower.endsWith(".pdf")) {
			return MediaType.APPLICATION_PDF;
		}
		if (lower.endsWith(".txt")) {
			return new MediaType("text", "plain", StandardCharsets.UTF_8);
		}
		if (lower.endsWith(".json")) {
			return new MediaType("application", "json", StandardCharsets.UTF_8);
		}
		if (lower.endsWith(".png")) {
			return MediaType.IMAGE_PNG;
		}
		if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
			return MediaType.IMAGE_JPEG;
		}
		return null;
	}

	/** A bid id in the path that is no UUID names no bid of the case: not found. */
	private static UUID bidPath(String bid) {
		try {
			return UUID.fromString(bid);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("evaluation.scoring.case.notFound");
		}
	}

	@PostMapping("/evaluation/cases/{id}/schedule")
	String schedule(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime scheduledAt,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "evaluation.scoring.saved.scheduled",
				() -> desk.schedule(uuid(id), scheduledAt == null ? null : scheduledAt.atZone(CHINA).toInstant()));
		return "redirect:/evaluation/cases/{id}";
	}

	@PostMapping("/evaluation/cases/{id}/begin")
	String begin(@PathVariable String id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "evaluation.scoring.saved.begun", () -> desk.begin(uuid(id)));
		return "redirect:/evaluation/cases/{id}";
	}

	@PostMapping("/evaluation/cases/{id}/representative")
	String representative(@PathVariable String id, @RequestParam(required = false) String username,
			@RequestParam(required = false) String name, @RequestParam(required = false) MultipartFile certificate,
			RedirectAttributes redirect) throws IOException {
		byte[] bytes = bytes(certificate);
		Forms.attempt(redirect, "evaluation.scoring.saved.representative",
				() -> desk.nameRepresentative(uuid(id), username, name, bytes));
		return "redirect:/evaluation/cases";
	}

	@PostMapping("/evaluation/cases/{id}/leader")
	String leader(@PathVariable String id, @RequestParam(required = false) String candidate, RedirectAttributes redirect) {
		Forms.attempt(redirect, "evaluation.scoring.saved.leaderVote", () -> desk.voteLeader(uuid(id), candidate));
		return "redirect:/evaluation/cases/{id}";
	}

	@PostMapping("/evaluation/cases/{id}/reviews")
	String review(@PathVariable String id, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String bid, @RequestParam(required = false) String verdict,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Forms.attempt(redirect, "evaluation.scoring.saved.review", () -> {
			if (!"pass".equals(verdict) && !"fail".equals(verdict)) {
				throw Refusal.invalid("verdict", "evaluation.scoring.review.verdict");
			}
			desk.review(uuid(id), stage, bidId(bid), "pass".equals(verdict), reason);
		});
		return "redirect:/evaluation/cases/{id}";
	}

	/** Points come as {@code item.<CODE>} fields, one per item of the table. */
	@PostMapping("/evaluation/cases/{id}/points")
	String points(@PathVariable String id, @RequestParam(required = false) String bid,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, String> points = new LinkedHashMap<>();
		form.forEach((key, value) -> {
			if (key.startsWith("item.")) {
				points.put(key.substring(5), value);
			}
		});
		Forms.attempt(redirect, "evaluation.scoring.saved.points", () -> desk.score(uuid(id), bidId(bid), points));
		return "redirect:/evaluation/cases/{id}";
	}

	@GetMapping("/evaluation/cases/{id}/sheet")
	ResponseEntity<byte[]> sheet(@PathVariable String id) {
		return download(desk.scoreSheet(uuid(id)), "score-sheet-" + id + ".txt", MediaType.TEXT_PLAIN);
	}

	@PostMapping("/evaluation/cases/{id}/sheet/signature")
	String signSheet(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm,
			RedirectAttributes redirect) throws IOException {
		return signed(signature, certificate, redirect, "evaluation.scoring.saved.sheetSigned",
				(sig, cert) -> desk.signScoreSheet(uuid(id), sig, cert, algorithm));
	}

	/** A member's signature upload: the .sig and the certificate, both as files. */
	private static String signed(MultipartFile signature, MultipartFile certificate,
			RedirectAttributes redirect, String savedKey, java.util.function.BiConsumer<byte[], byte[]> sign)
			throws IOException {
		byte[] sig = bytes(signature);
		byte[] cert = bytes(certificate);
		Forms.attempt(redirect, savedKey, () -> sign.accept(sig, cert));
		return "redirect:/evaluation/cases/{id}";
	}

	@PostMapping("/evaluation/cases/{id}/clarifications")
	String ask(@PathVariable String id, @RequestParam(required = false) String bid,
			@RequestParam(required = false) String question,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "evaluation.scoring.saved.asked", () -> desk.askBidder(uuid(id), bidId(bid), question,
				deadline == null ? null : deadline.atZone(CHINA).toInstant()));
		return "redirect:/evaluation/cases/{id}";
	}

	@PostMapping("/evaluation/cases/{id}/report")
	String report(@PathVariable String id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "evaluation.scoring.saved.report", () -> desk.draftReport(uuid(id)));
		return "redirect:/evaluation/cases/{id}";
	}

	@PostMapping("/evaluation/cases/{id}/report/signature")
	String signReport(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm,
			RedirectAttributes redirect) throws IOException {
		return signed(signature, certificate, redirect, "evaluation.scoring.saved.reportSigned",
				(sig, cert) -> desk.signReport(uuid(id), sig, cert, algorithm));
	}

	@GetMapping("/evaluation/reports/{id}.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable String id) {
		return download(desk.reportPdf(uuid(id)), "evaluation-report-" + id + ".pdf", MediaType.APPLICATION_PDF);
	}

	@GetMapping("/evaluation/clarifications")
	String clarifications(Model model) {
		model.addAttribute("clarifications", desk.myClarifications());
		return "evaluation/evaluation-clarifications";
	}

	@PostMapping("/evaluation/clarifications/{id}/answer")
	String answer(@PathVariable String id, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
		Forms.attempt(redirect, "evaluation.scoring.saved.answered", () -> desk.answer(uuid(id), answer));
		return "redirect:/evaluation/clarifications";
	}

	private static ResponseEntity<byte[]> download(byte[] content, String filename, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(content);
	}

	private static byte[] bytes(MultipartFile file) throws IOException {
		return file == null || file.isEmpty() ? new byte[0] : file.getBytes();
	}

	/** A path id that is no UUID names no case: not found, like any other unknown id. */
	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("evaluation.scoring.case.notFound");
		}
	}

	static UUID bidId(String bid) {
		try {
			return bid == null ? null : UUID.fromString(bid.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("bid", "evaluation.scoring.bid.unknown");
		}
	}
}
