package org.yiwang.evaluation;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An expert to register, or the new details of one (the username is then ignored). The employer is found in the
 * registry by its credit code when it is registered there; its name is kept either way.
 */
public record NewExpert(
		@NotBlank(message = "{account.username.required}") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}", message = "{account.username.form}") String username,
		@NotBlank(message = "{evaluation.expert.name.required}") @Size(max = 40, message = "{evaluation.expert.name.size}") String name,
		@NotBlank(message = "{evaluation.expert.idNumber.required}") @Pattern(regexp = "[0-9]{17}[0-9X]", message = "{evaluation.expert.idNumber.form}") String idNumber,
		@NotBlank(message = "{evaluation.expert.phone.required}") @Pattern(regexp = "[0-9+-]{6,20}", message = "{evaluation.expert.phone.form}") String phone,
		@NotBlank(message = "{evaluation.expert.homeRegion.required}") @Pattern(regexp = "\\d{6}", message = "{account.region.form}") String homeRegion,
		@NotBlank(message = "{evaluation.expert.employerName.required}") @Size(max = 100, message = "{evaluation.expert.employerName.size}") String employerName,
		@Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}", message = "{evaluation.expert.employerCreditCode.form}") String employerCreditCode,
		@NotEmpty(message = "{evaluation.expert.specialties.required}") Set<@Pattern(regexp = "[A-Z][0-9]{2,6}", message = "{evaluation.expert.specialty.unknown}") String> specialties) {

	public NewExpert {
		specialties = specialties == null ? Set.of() : Set.copyOf(specialties);
		employerCreditCode = employerCreditCode == null || employerCreditCode.isBlank() ? null : employerCreditCode.strip();
	}
}
