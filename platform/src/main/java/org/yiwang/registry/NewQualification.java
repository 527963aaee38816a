package org.yiwang.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewQualification(
		@NotBlank(message = "{registry.qualification.type.required}") @Size(max = 60, message = "{registry.qualification.type.size}") String type,
		@Size(max = 30, message = "{registry.qualification.grade.size}") String grade,
		@NotBlank(message = "{registry.qualification.number.required}") @Size(max = 60, message = "{registry.qualification.number.size}") String number,
		@NotBlank(message = "{registry.qualification.issuer.required}") @Size(max = 100, message = "{registry.qualification.issuer.size}") String issuer,
		@NotNull(message = "{registry.qualification.validFrom.required}") LocalDate validFrom,
		@NotNull(message = "{registry.qualification.validUntil.required}") LocalDate validUntil) {
}
