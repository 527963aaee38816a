package org.yiwang.evaluation.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.evaluation.EvaluationCaseView;
import org.yiwang.evaluation.EvaluationClarification;
import org.yiwang.evaluation.EvaluationDesk;

/** The evaluation's JSON API: a case as the caller may see it; a bidder's clarifications and its answers. */
@RestController
class EvaluationApi {

	private final EvaluationDesk desk;

	EvaluationApi(EvaluationDesk desk) {
		this.desk = desk;
	}

	record Answer(String answer) {
	}

	@GetMapping("/api/evaluation/cases/{id}")
	EvaluationCaseView evaluationCase(@PathVariable String id) {
		return desk.caseView(EvaluationController.uuid(id));
	}

	@GetMapping("/api/evaluation/clarifications/mine")
	List<EvaluationClarification> myClarifications() {
		return desk.myClarifications();
	}

	@PostMapping("/api/evaluation/clarifications/{id}/answer")
	EvaluationClarification answer(@PathVariable String id, @RequestBody(required = false) Answer body) {
		java.util.UUID clarification = EvaluationController.uuid(id);
		desk.answer(clarification, body == null ? null : body.answer());
		return desk.myClarifications().stream().filter(c -> c.id().equals(clarification)).findFirst().orElseThrow();
	}
}
