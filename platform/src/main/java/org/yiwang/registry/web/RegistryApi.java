package org.yiwang.registry.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.registry.CertificateBinding;
import org.yiwang.registry.ContactDetails;
import org.yiwang.registry.CreditRecordView;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntitySignature;
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

	private final EntityCertificates certificates;

	RegistryApi(EntityRegistry registry, EntityCertificates certificates) {
		this.registry = registry;
		this.certificates = certificates;
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

	@PutMapping("/me/contact")
	@Operation(summary = "States the calling account's entity's address, contact person, phone and e-mail")
	EntityView changeContact(@Valid @RequestBody ContactDetails contact) {
		return registry.changeContact(contact);
	}

	/** @param enterpriseNature an {@link org.yiwang.registry.EnterpriseNature} code, e.g. {@code 150} */
	record NatureStatement(String enterpriseNature) {
	}

	@PutMapping("/me/enterprise-nature")
	@Operation(summary = "States the calling account's organisation's enterprise nature (企业性质, GB/T 12402-2000 code)")
	EntityView stateNature(@RequestBody NatureStatement statement) {
		return registry.stateEnterpriseNature(statement == null ? null : statement.enterpriseNature());
	}

	/** @param phone the calling member's own phone (投标操作人联系方式), e.g. {@code 13800138000} */
	record PhoneStatement(String phone) {
	}

	@PutMapping("/me/phone")
	@Operation(summary = "States the calling member's own phone, reported with the bids it submits (投标操作人联系方式)")
	PhoneStatement statePhone(@RequestBody(required = false) PhoneStatement statement) {
		return new PhoneStatement(registry.stateMyPhone(statement == null ? null : statement.phone()));
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

	record CertificateUpload(@NotBlank(message = "{registry.certificate.missing}") String certificate) {
	}

	@PostMapping("/me/certificates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Bind a certificate (PEM) of any trusted CA to the caller's entity")
	CertificateBinding bind(@Valid @RequestBody CertificateUpload upload) {
		return certificates.bind(upload.certificate().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	@PostMapping("/me/demo-certificate")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "With demo data on: a demo-CA SM2 certificate for the caller's approved organisation, bound at "
			+ "once, and its private key (PKCS#8 PEM), returned this once and never kept")
	org.yiwang.pki.IssuedCredentials demoCertificate() {
		return certificates.issueDemoCertificate();
	}

	@GetMapping("/entities/{id}/certificates")
	List<CertificateBinding> certificates(@PathVariable String id) {
		return certificates.bindings(ReviewController.parse(id));
	}

	@PostMapping(path = "/entities/{id}/signature-check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Is this signature over this file the entity's? Parts: content, signature, optional certificate")
	EntitySignature check(@PathVariable String id, @RequestPart MultipartFile content, @RequestPart MultipartFile signature,
			@RequestPart(required = false) MultipartFile certificate,
			@RequestParam(defaultValue = "SM3_WITH_SM2") SignatureAlgorithm algorithm) throws java.io.IOException {
		return certificates.verify(ReviewController.parse(id), content.getBytes(), signature.getBytes(), algorithm,
				certificate == null || certificate.isEmpty() ? null : certificate.getBytes());
	}

	@PostMapping("/review/certificates/{fingerprint}/approve")
	CertificateBinding approveCertificate(@PathVariable String fingerprint) {
		return certificates.decide(fingerprint, true, null);
	}

	@PostMapping("/review/certificates/{fingerprint}/refuse")
	CertificateBinding refuseCertificate(@PathVariable String fingerprint, @RequestBody Decision decision) {
		return certificates.decide(fingerprint, false, decision.reason());
	}
}
