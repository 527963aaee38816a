package org.yiwang.tendering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a trading center asks of the project (项目) and its tender project (招标项目) when they are registered, beyond
 * their names: the facts the national data specification reports (datasets 500 and 501).
 *
 * @param address where the project is built or performed (项目地址)
 * @param legalPerson the project's legal person (项目法人), the organisation answering for the investment
 * @param industry the project's industry: a section (门类) code of GB/T 4754-2017, {@link IndustryDivision}
 * @param fundingSource the main source of its funds, a {@link FundingSource} code
 * @param fundingRemark further sources or shares, free text; optional
 * @param scale the project's scale (项目规模), e.g. floor area, length, capacity or quantity
 * @param approvalDocument the name of its approval, authorisation or filing document (项目审批文件名称)
 * @param mustTender whether the law requires the tender (是否依法必须招标, 招标投标法 第三条)
 * @param tenderType works, goods or services, a {@link TenderType} code
 * @param scope the tender's content and scope and how it is tendered (招标内容与范围及招标方案说明)
 * @param supervisor the name of the department supervising the tender (监督部门名称)
 * @param approver the name of the department that approved the tender plan (审核部门名称)
 */
public record ProjectFacts(
		@NotBlank(message = "{tendering.facts.address}") @Size(min = 2, max = 200, message = "{tendering.facts.address}") String address,
		@NotBlank(message = "{tendering.facts.legalPerson}") @Size(min = 2, max = 200, message = "{tendering.facts.legalPerson}") String legalPerson,
		@NotBlank(message = "{tendering.facts.industry}") String industry,
		@NotBlank(message = "{tendering.facts.fundingSource}") String fundingSource,
		@Size(max = 200, message = "{tendering.facts.fundingRemark}") String fundingRemark,
		@NotBlank(message = "{tendering.facts.scale}") @Size(min = 2, max = 500, message = "{tendering.facts.scale}") String scale,
		@NotBlank(message = "{tendering.facts.approvalDocument}") @Size(min = 2, max = 200, message = "{tendering.facts.approvalDocument}") String approvalDocument,
		@NotNull(message = "{tendering.facts.mustTender}") Boolean mustTender,
		@NotBlank(message = "{tendering.facts.tenderType}") String tenderType,
		@NotBlank(message = "{tendering.facts.scope}") @Size(min = 10, max = 2000, message = "{tendering.facts.scope}") String scope,
		@NotBlank(message = "{tendering.facts.supervisor}") @Size(min = 2, max = 100, message = "{tendering.facts.supervisor}") String supervisor,
		@NotBlank(message = "{tendering.facts.approver}") @Size(min = 2, max = 100, message = "{tendering.facts.approver}") String approver) {
}
