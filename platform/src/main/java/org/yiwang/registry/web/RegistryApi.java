package org.yiwang.registry.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.registry.CreditRecordView;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.NewCreditRecord;
import org.yiwang.registry.NewQualification;
import org.yiwang.registry.QualificationView;
import org.yiwang.registry.Registration;
import org.yiwang.system.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** The registry as JSON, with the same rules as the pages. */
@RestController
@RequestMapping("/api/registry")
@Tag(name = "registry", description = "Market entities: registration, review, qualifications, credit records")
class RegistryApi {

	private final EntityRegistry registry;

	RegistryApi(EntityRegistry registry) {
		this.registry = registry;
	}

	@PostMapping("/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an entity and the account that administers it; staff review it")
	EntityView register(@Valid @RequestBody Registration registration) {
		return registry.register(registration);
	}

	@GetMapping("/me")
	@Operation(summary = "The entity the calling account acts for")
	EntityView mine() {
		return registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
	}

	@PostMapping("/me/qualifications")
	@ResponseStatus(HttpStatus.CREATED)
	QualificationView addQualification(@Valid @RequestBody NewQualification qualification) {
		return registry.addQualification(qualification);
	}

	record NewConsortium(@NotBlank(message = "{registry.consortium.incomplete}") @Size(max = 100) String name,
			@NotEmpty(message = "{registry.consortium.members}") Set<EntityId> members,
			@NotBlank(message = "{registry.consortium.incomplete}") @Size(max = 100) String purpose) {
	}

	@PostMapping("/consortia")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Form a consortium for one bid, led by the caller's entity")
	EntityView formConsortium(@Valid @RequestBody NewConsortium consortium) {
		return registry.formConsortium(consortium.name(), consortium.members(), consortium.purpose());
	}

	@GetMapping("/entities/{id}")
	EntityView entity(@PathVariable String id) {
		return registry.entity(ReviewController.parse(id));
	}

	@GetMapping("/review")
	@Operation(summary = "Registrations and role requests waiting for the caller's review")
	List<EntityView> queue() {
		return registry.reviewQueue();
	}

	record Decision(long version, String reason) {
	}

	@PostMapping("/review/{id}/approve")
	EntityView approve(@PathVariable String id, @RequestBody Decision decision) {
		return registry.approve(ReviewController.parse(id), decision.version());
	}

	@PostMapping("/review/{id}/return")
	EntityView returnForCorrection(@PathVariable String id, @RequestBody Decision decision) {
		return registry.returnForCorrection(ReviewController.parse(id), decision.version(), decision.reason());
	}

	@PostMapping("/entities/{id}/credit")
	@ResponseStatus(HttpStatus.CREATED)
	CreditRecordView recordCredit(@PathVariable String id, @Valid @RequestBody NewCreditRecord record) {
		return registry.recordCredit(ReviewController.parse(id), record);
	}
}
