package org.yiwang.evaluation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.evaluation.DrawAvoidance;
import org.yiwang.evaluation.DrawAvoidances;
import org.yiwang.evaluation.DrawInvitation;
import org.yiwang.evaluation.DrawOutcome;
import org.yiwang.evaluation.DrawRequest;
import org.yiwang.evaluation.DrawView;
import org.yiwang.evaluation.ExpertCreditKind;
import org.yiwang.evaluation.ExpertDraws;
import org.yiwang.evaluation.ExpertPool;
import org.yiwang.evaluation.ExpertView;
import org.yiwang.evaluation.NewExpert;
import org.yiwang.system.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The expert pool and the draw as JSON, with the same rules as the pages. */
@RestController
@Tag(name = "evaluation: experts and draws", description = "Expert pool, verifiable expert draw, avoidance")
class ExpertApi {

	private final ExpertPool pool;

	private final ExpertDraws draws;

	private final DrawAvoidances avoidances;

	ExpertApi(ExpertPool pool, ExpertDraws draws, DrawAvoidances avoidances) {
		this.pool = pool;
		this.draws = draws;
		this.avoidances = avoidances;
	}

	@GetMapping("/api/experts")
	List<ExpertView> experts() {
		return pool.experts();
	}

	@PostMapping("/api/experts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an expert (and their EXPERT account); staff covering the home region")
	ExpertView register(@RequestBody NewExpert expert) {
		return pool.register(expert);
	}

	@GetMapping("/api/experts/{id}")
	ExpertView expert(@PathVariable String id) {
		return pool.expert(ExpertPages.uuid(id, "evaluation.expert.notFound"));
	}

	record CertificateUpload(String certificatePem) {
	}

	@PostMapping("/api/experts/{id}/certificate")
	@Operation(summary = "Bind the expert's certificate (PEM), valid in the trust store now")
	ExpertView certificate(@PathVariable String id, @RequestBody CertificateUpload upload) {
		return pool.bindCertificate(ExpertPages.uuid(id, "evaluation.expert.notFound"),
				upload.certificatePem() == null ? null
						: upload.certificatePem().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	record Unavailable(LocalDate from, LocalDate until, String reason) {
	}

	@PostMapping("/api/experts/{id}/unavailability")
	ExpertView unavailability(@PathVariable String id, @RequestBody Unavailable period) {
		return pool.addUnavailability(ExpertPages.uuid(id, "evaluation.expert.notFound"), period.from(), period.until(),
				period.reason());
	}

	record Credit(ExpertCreditKind kind, Integer rating, String note, LocalDate until) {
	}

	@PostMapping("/api/experts/{id}/credit")
	ExpertView credit(@PathVariable String id, @RequestBody Credit credit) {
		return pool.recordCredit(ExpertPages.uuid(id, "evaluation.expert.notFound"), credit.kind(), credit.rating(),
				credit.note(), credit.until());
	}

	@GetMapping("/api/experts/me/invitations")
	List<DrawInvitation> invitations() {
		return draws.myInvitations();
	}

	record Answer(Boolean accept) {
	}

	@PostMapping("/api/experts/me/invitations/{id}")
	DrawInvitation respond(@PathVariable("id") String draw, @RequestBody Answer answer) {
		if (answer.accept() == null) {
			throw Refusal.invalid("accept", "evaluation.draw.answer.form");
		}
		return draws.respond(ExpertPages.uuid(draw, "evaluation.draw.notFound"), answer.accept());
	}

	@PostMapping("/api/draws")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request a draw: the eligible pool is computed and the commitment recorded (nobody drawn yet)")
	DrawView request(@RequestBody DrawRequest request) {
		return draws.request(request);
	}

	@GetMapping("/api/draws/{id}")
	DrawView draw(@PathVariable String id) {
		return draws.view(ExpertPages.uuid(id, "evaluation.draw.notFound"));
	}

	@PostMapping("/api/draws/{id}/draw")
	DrawView drawNow(@PathVariable String id) {
		return draws.draw(ExpertPages.uuid(id, "evaluation.draw.notFound"));
	}

	record StaffAnswer(Integer pick, DrawOutcome outcome) {
	}

	@PostMapping("/api/draws/{id}/answers")
	DrawView answer(@PathVariable String id, @RequestBody StaffAnswer answer) {
		if (answer.pick() == null) {
			throw Refusal.invalid("pick", "evaluation.draw.pick.form");
		}
		return draws.recordAnswer(ExpertPages.uuid(id, "evaluation.draw.notFound"), answer.pick(), answer.outcome());
	}

	record Avoid(String section, String name, String idNumber, String reason) {
	}

	@PostMapping("/api/draws/avoidances")
	@ResponseStatus(HttpStatus.CREATED)
	DrawAvoidance avoid(@RequestBody Avoid avoid) {
		return avoidances.addAvoidance(ExpertPages.uuid(avoid.section() == null ? "" : avoid.section(),
				"evaluation.draw.sectionNotFound"), avoid.name(), avoid.idNumber(), avoid.reason());
	}

	@GetMapping("/api/draws/{id}/verification")
	Map<String, Object> verification(@PathVariable String id) {
		return draws.verification(ExpertPages.uuid(id, "evaluation.draw.notFound"));
	}
}
