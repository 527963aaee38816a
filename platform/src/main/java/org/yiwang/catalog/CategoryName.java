package org.yiwang.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new name for a category or region, with the version the editor saw, so that a concurrent edit is not overwritten.
 */
public record CategoryName(
		@NotBlank(message = "{catalog.nameZh.required}") @Size(max = 60, message = "{catalog.nameZh.size}") String nameZh,
		@NotBlank(message = "{catalog.nameEn.required}") @Size(max = 120, message = "{catalog.nameEn.size}") String nameEn,
		@NotNull(message = "{catalog.version.required}") Long version) {
}
