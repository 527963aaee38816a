package org.yiwang.tendering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A tender project (招标项目) of an investment project (项目) with its first section, registered by the tenderer or by
 * an agency it mandated. An agency names the tenderer by its unified social credit code; a tenderer leaves it empty.
 *
 * @param projectApproval the project's approval or filing number (审批/核准/备案文号), if any
 * @param facts what the national data specification asks of the project and the tender project besides
 */
public record NewTender(
		@NotBlank(message = "{tendering.project.name}") @Size(max = 200, message = "{tendering.project.name}") String projectName,
		@Size(max = 100, message = "{tendering.project.approval}") String projectApproval,
		@NotBlank(message = "{tendering.tenderProject.name}") @Size(max = 200, message = "{tendering.tenderProject.name}") String tenderProjectName,
		String tendererCreditCode,
		@NotNull(message = "{tendering.section.name}") @Valid SectionDetails section,
		@NotNull(message = "{tendering.facts.address}") @Valid ProjectFacts facts) {
}
