package org.yiwang.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A trading category to add; it starts with its family's default procedure template. */
public record NewCategory(
		@NotBlank(message = "{catalog.code.required}") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "{catalog.code.form}") String code,
		@NotBlank(message = "{catalog.nameZh.required}") @Size(max = 60, message = "{catalog.nameZh.size}") String nameZh,
		@NotBlank(message = "{catalog.nameEn.required}") @Size(max = 120, message = "{catalog.nameEn.size}") String nameEn,
		@NotNull(message = "{catalog.family.required}") ProcedureFamily family,
		@Size(max = 60, message = "{catalog.supervisor.size}") String supervisorZh,
		@Size(max = 200, message = "{catalog.note.size}") String note) {
}
