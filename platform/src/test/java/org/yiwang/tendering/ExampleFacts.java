package org.yiwang.tendering;

/** The facts of a project and tender project as a tenderer fills them in, for tests that register tenders. */
public final class ExampleFacts {

	private ExampleFacts() {
	}

	/** A must-tender road works project funded by the district budget. */
	public static ProjectFacts works() {
		return new ProjectFacts("重庆市渝中区解放碑示范路 1 号至 88 号", "重庆市渝中区示范建设管理中心", "E", "FISCAL",
				"区级财政预算资金 100%", "道路改造全长 1.2 公里，车行道宽 16 米", "关于示范道路改造项目可行性研究报告的批复", true,
				"WORKS", "示范道路改造工程施工，包括道路、排水及照明工程；公开招标，一个标段", "重庆市渝中区住房和城乡建设委员会",
				"重庆市渝中区发展和改革委员会");
	}

	/** The same facts as the API's JSON object ({@code "facts": …}). */
	public static final String JSON = """
			{"address":"重庆市渝中区解放碑示范路 1 号至 88 号","legalPerson":"重庆市渝中区示范建设管理中心","industry":"E",
			 "fundingSource":"FISCAL","fundingRemark":"区级财政预算资金 100%","scale":"道路改造全长 1.2 公里，车行道宽 16 米",
			 "approvalDocument":"关于示范道路改造项目可行性研究报告的批复","mustTender":true,"tenderType":"WORKS",
			 "scope":"示范道路改造工程施工，包括道路、排水及照明工程；公开招标，一个标段","supervisor":"重庆市渝中区住房和城乡建设委员会",
			 "approver":"重庆市渝中区发展和改革委员会"}""";
}
