package org.yiwang.registry;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewCreditRecord(
		@NotNull(message = "{registry.credit.kind.required}") CreditKind kind,
		@NotBlank(message = "{registry.credit.description.required}") @Size(max = 500, message = "{registry.credit.description.size}") String description,
		@NotBlank(message = "{registry.credit.source.required}") @Size(max = 100, message = "{registry.credit.source.size}") String source,
		Set<String> regions,
		Set<String> categories,
		@NotNull(message = "{registry.credit.startsOn.required}") LocalDate startsOn,
		LocalDate endsOn) {

	public NewCreditRecord {
		regions = regions == null ? Set.of() : Set.copyOf(regions);
		categories = categories == null ? Set.of() : Set.copyOf(categories);
	}
}
