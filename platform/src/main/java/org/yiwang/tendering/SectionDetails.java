package org.yiwang.tendering;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a section is: its name, region, trading category, estimated price (招标控制价/预算金额) and bid security in
 * yuan, how long bids stay valid, and the qualification types a bidder must hold.
 */
public record SectionDetails(
		@NotBlank(message = "{tendering.section.name}") @Size(max = 200, message = "{tendering.section.name}") String name,
		@NotBlank(message = "{tendering.section.region}") String region,
		@NotBlank(message = "{tendering.section.category}") String category,
		@NotNull(message = "{tendering.section.estimatedPrice}") BigDecimal estimatedPrice,
		@NotNull(message = "{tendering.section.bidSecurity}") BigDecimal bidSecurity,
		@NotNull(message = "{tendering.section.bidValidityDays}") @Min(value = 1, message = "{tendering.section.bidValidityDays}") @Max(value = 365, message = "{tendering.section.bidValidityDays}") Integer bidValidityDays,
		List<@Size(max = 100, message = "{tendering.section.qualification}") String> qualifications) {

	public SectionDetails {
		qualifications = qualifications == null ? List.of()
				: qualifications.stream().filter(q -> q != null && !q.isBlank()).map(String::strip).distinct().toList();
	}
}
