package org.yiwang.supervision.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.MessageSource;
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
import org.yiwang.evaluation.ReEvaluationKind;
import org.yiwang.supervision.ActKind;
import org.yiwang.supervision.ActRequest;
import org.yiwang.supervision.ActView;
import org.yiwang.supervision.ComplaintView;
import org.yiwang.supervision.Complaints;
import org.yiwang.supervision.PauseKind;
import org.yiwang.supervision.RegulatorWorkspace;
import org.yiwang.supervision.RegulatoryActions;
import org.yiwang.supervision.RulingOutcome;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.SectionId;
import org.yiwang.tendering.SectionStatus;

/**
 * The regulators' workspace (监管工作台): what they watch, the complaints they handle and the acts they prepare and
 * sign. Every act is prepared here and signed by uploading a signature over its text; nothing a regulator does here
 * operates a transaction.
 */
@Controller
class SupervisionController {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final RegulatorWorkspace workspace;

	private final Complaints complaints;

	private final RegulatoryActions actions;

	private final MessageSource messages;

	SupervisionController(RegulatorWorkspace workspace, Complaints complaints, RegulatoryActions actions,
			MessageSource messages) {
		this.messages = messages;
		this.workspace = workspace;
		this.complaints = complaints;
		this.actions = actions;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return CHINA;
	}

	@GetMapping("/supervision")
	String overview(Model model, Locale locale) {
		RegulatorWorkspace.Overview w = workspace.overview();
		model.addAttribute("w", w);
		model.addAttribute("regionNames", workspace.regionNames(locale));
		model.addAttribute("statusChart", statusChart(w, locale));
		return "supervision/workspace";
	}

	/** Sections by status and complaints by status, as the page's ECharts bar chart reads them. */
	private String statusChart(RegulatorWorkspace.Overview w, Locale locale) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (SectionStatus status : SectionStatus.values()) {
			long n = w.sections().stream().filter(s -> s.status() == status).count();
			if (n > 0) {
				counts.put(messages.getMessage("enum.SectionStatus." + status.name(), null, status.name(), locale), n);
			}
		}
		StringBuilder json = new StringBuilder("{\"title\":").append(quote(messages.getMessage(
				"supervision.chart.title", null, "", locale))).append(",\"labels\":[");
		json.append(String.join(",", counts.keySet().stream().map(SupervisionController::quote).toList()));
		json.append("],\"values\":[");
		json.append(String.join(",", counts.values().stream().map(String::valueOf).toList())).append("]}");
		return json.toString();
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	@GetMapping("/supervision/sections/{id}")
	String section(@PathVariable String id, Model model) {
		model.addAttribute("w", workspace.section(new SectionId(uuid(id))));
		model.addAttribute("kinds", new ActKind[] { ActKind.SUSPEND_SECTION, ActKind.RESUME_SECTION,
				ActKind.ORDER_RE_EVALUATION, ActKind.ORDER_RE_TENDER });
		model.addAttribute("reevaluationKinds", ReEvaluationKind.values());
		return "supervision/section";
	}

	@GetMapping("/supervision/complaints/{id}")
	String complaint(@PathVariable String id, Model model) {
		ComplaintView complaint = complaints.complaint(uuid(id));
		model.addAttribute("c", complaint);
		boolean regulator = Actors.current().map(a -> a.hasRole(Role.REGULATOR)).orElse(false);
		model.addAttribute("acts", regulator ? actions.about("complaint:" + complaint.id()) : java.util.List.of());
		model.addAttribute("pauseKinds", PauseKind.values());
		return "supervision/complaint";
	}

	@PostMapping("/supervision/complaints/{id}/acceptance")
	String accept(@PathVariable String id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		UUID complaint = uuid(id);
		Forms.attempt(redirect, "supervision.saved.accepted",
				() -> complaints.accept(complaint, version == null ? -1 : version));
		return "redirect:/supervision/complaints/" + complaint;
	}

	@PostMapping("/supervision/complaints/{id}/pauses")
	String pause(@PathVariable String id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		UUID complaint = uuid(id);
		Forms.attempt(redirect, "supervision.saved.paused",
				() -> complaints.pauseClock(complaint, parse(PauseKind.class, kind, "pauseKind"), reason));
		return "redirect:/supervision/complaints/" + complaint;
	}

	@PostMapping("/supervision/complaints/{id}/pauses/end")
	String resume(@PathVariable String id, RedirectAttributes redirect) {
		UUID complaint = uuid(id);
		Forms.attempt(redirect, "supervision.saved.resumed", () -> complaints.resumeClock(complaint));
		return "redirect:/supervision/complaints/" + complaint;
	}

	@GetMapping("/supervision/evidence/{id}")
	ResponseEntity<InputStreamResource> evidence(@PathVariable String id) {
		Complaints.EvidenceDownload download = complaints.evidence(uuid(id));
		MediaType type;
		try {
			type = MediaType.parseMediaType(download.file().contentType());
		}
		catch (IllegalArgumentException e) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok().contentType(type).contentLength(download.file().size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.file().fileName(), StandardCharsets.UTF_8).build()
						.toString())
			.header("X-Content-SHA256", download.file().sha256()).header("X-Content-SM3", download.file().sm3())
			.body(new InputStreamResource(download.content().get()));
	}

	/** Prepares an act; its page then shows the text to sign. A refusal goes back to where the form was. */
	@PostMapping("/supervision/acts")
	String prepare(@RequestParam(required = false) String kind, @RequestParam(required = false) String target,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String until,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String reevaluation,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		AtomicReference<ActView> prepared = new AtomicReference<>();
		Forms.attempt(redirect, "supervision.saved.prepared", () -> {
			ActKind actKind = parse(ActKind.class, kind, "kind");
			prepared.set(actions.prepare(new ActRequest(actKind, target, parse(RulingOutcome.class, outcome, "outcome"),
					day(until, "until"), reason, actKind == ActKind.ORDER_RE_EVALUATION
							? parse(ReEvaluationKind.class, reevaluation, "reevaluation") : null)));
		});
		if (prepared.get() != null) {
			return "redirect:/supervision/acts/" + prepared.get().id();
		}
		return "redirect:" + (back != null && back.matches("/supervision(/[A-Za-z0-9-]+)*") ? back : "/supervision");
	}

	@GetMapping("/supervision/acts/{id}")
	String act(@PathVariable String id, Model model) {
		model.addAttribute("a", actions.act(uuid(id)));
		return "supervision/act";
	}

	/** The exact bytes to sign: the act's text in UTF-8. */
	@GetMapping("/supervision/acts/{id}/text")
	ResponseEntity<byte[]> actText(@PathVariable String id) {
		ActView act = actions.act(uuid(id));
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"act-" + act.id() + ".txt\"")
			.body(act.content().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/supervision/acts/{id}/signature")
	String sign(@PathVariable String id, @RequestParam(required = false) MultipartFile signature,
			@RequestParam(required = false) MultipartFile certificate, @RequestParam(required = false) String algorithm,
			RedirectAttributes redirect) {
		UUID act = uuid(id);
		Forms.attempt(redirect, "supervision.saved.signed",
				() -> actions.sign(act, bytes(signature, "signature"), bytes(certificate, "certificate"), algorithm));
		return "redirect:/supervision/acts/" + act;
	}

	// ---- shared with the other pages of the module -------------------------------------------------------------

	static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound("supervision.notFound");
		}
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, "supervision.field." + field + ".invalid");
		}
	}

	static LocalDate day(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw Refusal.invalid(field, "supervision.field.date", value);
		}
	}

	static byte[] bytes(MultipartFile file, String field) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > 64 * 1024) {
			throw Refusal.invalid(field, "supervision.act.fileTooLarge");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw Refusal.invalid(field, "supervision.act.fileUnreadable");
		}
	}
}
