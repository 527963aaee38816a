package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;

/**
 * What the national data specification asks of the project (项目), the tender project (招标项目) and the section
 * (标段（包）) when a section's tender notice is published, as the platform recorded them. Parts the platform never
 * captured are null, and the uplink reports them missing.
 *
 * @param tenderProjectId the tender project's id (one row holds the project and its tender project)
 * @param projectApproval the project's approval or filing number (审批/核准/备案文号) as registered; null when none
 * @param projectRegion the administrative division code the tender project was registered in
 * @param tenderProjectName the tender project's name
 * @param registeredBy the username of the account that registered the tender project (信息录入人员)
 * @param registeredAt when it was registered
 * @param procedure the section's procedure ({@code OPEN_TENDER}, {@code INVITED_TENDER}, …)
 * @param round the section's round: 1, or more when a failed section was re-tendered (招标次数)
 * @param qualifications the qualification types a bidder must hold (投标人资格条件)
 * @param sectionCreatedAt when the section was registered
 * @param tenderer the tenderer as the registry holds it at publication
 * @param agency the agency, when one runs the tender; null when the tenderer tenders itself
 * @param projectCode the project's own code (项目编号); null for projects registered before it was given
 * @param category the section's trading category code (项目类别关联代码: the trading category the project is run in)
 * @param facts the project's and tender project's facts as registered; null for those registered before they were
 * asked
 */
public record TenderParticulars(String tenderProjectId, String projectApproval, String projectRegion,
		String tenderProjectName, String registeredBy, Instant registeredAt, String procedure, int round,
		List<String> qualifications, Instant sectionCreatedAt, Party tenderer, Party agency, String projectCode,
		String category, ProjectFacts facts) {

	public TenderParticulars {
		qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
	}

	/** 投标人资格条件 of a section that names no qualification type: the statutory condition (招标投标法 第二十六条). */
	public static final String STATUTORY_CONDITION = "本标段未规定专门的资格条件；投标人应当具备承担招标项目的能力"
			+ "（《中华人民共和国招标投标法》第二十六条）";

	/** 投标人资格条件: the qualification types the section requires, or the statutory condition when it requires none. */
	public String bidderConditions() {
		return qualifications.isEmpty() ? STATUTORY_CONDITION : String.join("；", qualifications);
	}

	/**
	 * @param kind the registry's entity kind (ORGANIZATION, PERSON, CONSORTIUM)
	 * @param registeredRegion the administrative division code the entity is registered in
	 * @param enterpriseNature its enterprise nature code (企业性质); null when never stated
	 */
	public record Party(String name, String creditCode, String kind, String registeredRegion, String enterpriseNature) {
	}

	TenderParticulars with(Party tenderer, Party agency) {
		return new TenderParticulars(tenderProjectId, projectApproval, projectRegion, tenderProjectName, registeredBy,
				registeredAt, procedure, round, qualifications, sectionCreatedAt, tenderer, agency, projectCode, category,
				facts);
	}
}
