package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.evaluation.CommitteeMember;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.tendering.NoticeParticulars;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;
import org.yiwang.tendering.ProjectFacts;
import org.yiwang.tendering.TenderParticulars;

/** The further datasets the tender records carry, as the listener maps them (500–510, without a database). */
class NoticeListenerTests {

	static final NoticeParticulars PUBLICITY = new NoticeParticulars("CQ-500103-2026-ZB0001", "CQ-500103-2026-ZB0001-01",
			null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null);

	@Test
	void an_expert_of_the_committee_is_complete_and_the_representative_lacks_only_the_id_it_never_gave() {
		Map<String, Object> expert = NoticeListener.expert(PUBLICITY,
				new CommitteeMember(1, "EXPERT", "张专家", "500103198503124214", true));
		expert.put("统一交易标识码", "CQ-500103-2026-000001");
		assertThat(NationalExport.missing(NationalDataset.BID_EVALUATION_EXPERT, expert)).isEmpty();
		assertThat(expert).containsEntry("专家类别", "评标专家库专家").containsEntry("专家身份证件类型", "居民身份证")
			.containsEntry("是否为评标组长", "是").containsEntry("专家身份证件号", "500103198503124214");
		Map<String, Object> representative = NoticeListener.expert(PUBLICITY,
				new CommitteeMember(0, "REPRESENTATIVE", "李代表", null, false));
		representative.put("统一交易标识码", "CQ-500103-2026-000001");
		assertThat(NationalExport.missing(NationalDataset.BID_EVALUATION_EXPERT, representative))
			.containsExactly("专家身份证件号", "专家身份证件类型");
		assertThat(representative).containsEntry("专家类别", "招标人代表").containsEntry("是否为评标组长", "否");
	}

	@Test
	void a_candidate_without_the_qualification_response_the_registry_could_not_give_lacks_only_it() {
		NoticeParticulars.Candidate c = new NoticeParticulars.Candidate(1, "甲公司", "91500103MA5U000001", "ORGANIZATION",
				"500103", "150", Money.of("980000.00"), new BigDecimal("92.50"), "合格", null);
		NoticeParticulars.Evaluation e = new NoticeParticulars.Evaluation(UUID.randomUUID(), 1, "WEIGHTED_SCORING",
				"c".repeat(64), List.of(c));
		Map<String, Object> candidate = NoticeListener.candidate(PUBLICITY, e, c);
		candidate.put("统一交易标识码", "CQ-500103-2026-000001");
		assertThat(NationalExport.missing(NationalDataset.TENDER_CANDIDATE, candidate))
			.containsExactly("中标候选人响应招标文件的资格能力条件");
		assertThat(candidate).containsEntry("评分结果", "92.50").containsEntry("质量", "合格")
			.containsEntry("是否采用下浮率", "否").containsEntry("中标候选人类别", "法人或其他组织");
		assertThat((String) candidate.get("评标情况")).isEqualTo("评标办法：综合评分法；评标委员会推荐排名第1名，总得分 92.50，投标价格 "
				+ "980000.00 元；评标报告 SHA-256 " + "c".repeat(64));
	}

	@Test
	void a_candidate_under_the_lowest_evaluated_price_is_complete_with_its_evaluated_price_as_result() {
		NoticeParticulars.Candidate c = new NoticeParticulars.Candidate(2, "乙公司", "91500103MA5U000002", "ORGANIZATION",
				"500103", "150", Money.of("905000.50"), null, "合格",
				"招标文件要求的资格：建筑工程施工总承包；中标候选人持有：建筑工程施工总承包二级（证书编号 D250000001，发证机关 重庆市住房和城乡建设委员会，"
						+ "有效期 2025-01-01 至 2029-12-31）");
		NoticeParticulars.Evaluation e = new NoticeParticulars.Evaluation(UUID.randomUUID(), 1, "LOWEST_EVALUATED_PRICE",
				"d".repeat(64), List.of(c));
		Map<String, Object> candidate = NoticeListener.candidate(PUBLICITY, e, c);
		candidate.put("统一交易标识码", "CQ-500103-2026-000001");
		assertThat(NationalExport.missing(NationalDataset.TENDER_CANDIDATE, candidate)).isEmpty();
		assertThat(candidate).containsEntry("评分结果", "经评审的投标价 905000.50 元（经评审的最低投标价法，不计分）")
			.containsEntry("中标候选人响应招标文件的资格能力条件", c.qualifications());
		// a weighted-scoring report that gave no score says nothing: the result stays missing, never made up
		NoticeParticulars.Evaluation scored = new NoticeParticulars.Evaluation(UUID.randomUUID(), 1, "WEIGHTED_SCORING",
				"d".repeat(64), List.of(c));
		assertThat(NoticeListener.result(scored, c)).isNull();
	}

	@Test
	void a_re_evaluations_candidates_are_their_own_items_while_the_first_attempt_keeps_the_rounds_key() {
		NoticeParticulars.Evaluation first = new NoticeParticulars.Evaluation(UUID.randomUUID(), 2, "WEIGHTED_SCORING",
				"c".repeat(64), List.of());
		NoticeParticulars.Evaluation second = new NoticeParticulars.Evaluation(UUID.randomUUID(), 2, 2,
				"WEIGHTED_SCORING", "c".repeat(64), List.of());
		NoticeParticulars.Evaluation stored = new NoticeParticulars.Evaluation(UUID.randomUUID(), 2, 0,
				"WEIGHTED_SCORING", "c".repeat(64), List.of());
		assertThat(NoticeListener.evaluationItem("CQ-500103-2026-000001", first)).isEqualTo("CQ-500103-2026-000001#2");
		assertThat(NoticeListener.evaluationItem("CQ-500103-2026-000001", second))
			.isEqualTo("CQ-500103-2026-000001#2-attempt2");
		assertThat(stored.attempt()).isEqualTo(1);
		assertThat(NoticeListener.evaluationItem("CQ-500103-2026-000001", stored)).isEqualTo("CQ-500103-2026-000001#2");
	}

	static final ProjectFacts FACTS = new ProjectFacts("重庆市渝中区解放碑示范路 1 号", "重庆市渝中区示范建设管理中心", "E",
			"FISCAL", "区级财政 100%", "道路全长 1.2 公里", "关于示范道路改造项目可行性研究报告的批复", true, "WORKS",
			"示范道路改造工程施工，公开招标，一个标段", "重庆市渝中区住房和城乡建设委员会", "重庆市渝中区发展和改革委员会");

	static final TenderParticulars.Party TENDERER = new TenderParticulars.Party("示范建设管理中心", "12500103MB0000001X",
			"ORGANIZATION", "500103", "110");

	static TenderParticulars tender(ProjectFacts facts, List<String> qualifications, TenderParticulars.Party agency) {
		return new TenderParticulars(UUID.randomUUID().toString(), "渝发改〔2026〕1号", "500103", "示范道路改造工程施工招标",
				"tdr", Instant.parse("2026-03-01T02:00:00Z"), "OPEN_TENDER", 1, qualifications,
				Instant.parse("2026-03-01T02:00:00Z"), TENDERER, agency, facts == null ? null : "CQ-500103-2026-XM0001",
				"ENG_BUILDING", facts);
	}

	static NoticePublished notice(TenderParticulars t) {
		NoticeParticulars p = new NoticeParticulars("CQ-500103-2026-ZB0001", "CQ-500103-2026-ZB0001-01", null, null, true,
				new NoticeParticulars.Contact("12500103MB0000001X", "重庆市渝中区", "李四", "023-12345678", "a@b.cn"), null,
				"张发布", null, null, null, null, null, t, List.of(), null);
		return new NoticePublished(new Actor("staff", "CENTER_STAFF", "500103"), UUID.randomUUID(), NoticeType.TENDER,
				TradeCode.of("CQ-500103-2026-000001"), "示范道路改造项目", "一标段", RegionCode.of("500103"),
				CategoryCode.of("ENG_BUILDING"), "招标公告", "正文", Money.of("1000000.00"), null, TENDERER.name(), null, null,
				Instant.parse("2026-04-01T02:00:00Z"), "signed", "sig", Instant.parse("2026-03-02T02:00:00Z"), null, null, p);
	}

	@Test
	void the_project_registered_with_its_facts_is_complete_with_its_own_code_and_the_national_code_lists() {
		NoticePublished n = notice(tender(FACTS, List.of(), null));
		Map<String, Object> project = NoticeListener.project(n, n.particulars());
		assertThat(NationalExport.missing(NationalDataset.PROJECT, project)).isEmpty();
		assertThat(project).containsEntry("项目编号", "CQ-500103-2026-XM0001")
			.containsEntry("项目类别关联代码", "ENG_BUILDING").containsEntry("分类版本代码", "GB/T 4754-2017")
			.containsEntry("项目行业分类", "E").containsEntry("资金来源", "财政预算资金（区级财政 100%）")
			.containsEntry("项目地址", FACTS.address()).containsEntry("项目法人", FACTS.legalPerson())
			.containsEntry("项目规模", FACTS.scale()).containsEntry("项目审批文件名称", FACTS.approvalDocument())
			.containsEntry("项目审批文号", "渝发改〔2026〕1号");
		// a project registered before the facts were asked keeps them missing: nothing is made up afterwards
		NoticePublished old = notice(tender(null, List.of(), null));
		assertThat(NationalExport.missing(NationalDataset.PROJECT, NoticeListener.project(old, old.particulars())))
			.containsExactly("项目编号", "项目地址", "项目法人", "分类版本代码", "项目行业分类", "资金来源", "项目规模", "项目审批文件名称");
	}

	@Test
	void a_self_organised_tender_project_is_complete_with_the_tenderer_as_organiser_and_the_platform_facts() {
		NoticePublished n = notice(tender(FACTS, List.of(), null));
		Map<String, Object> tp = NoticeListener.tenderProject(n.particulars());
		// the platform facts come from the settings (交易系统编号, 交易系统平台使用费)
		tp.put("交易系统编号", "YW-ETS-DEMO-01");
		tp.put("交易系统平台使用费", "0");
		assertThat(NationalExport.missing(NationalDataset.TENDER_PROJECT, tp)).isEmpty();
		assertThat(tp).containsEntry("项目编号", "CQ-500103-2026-XM0001").containsEntry("是否依法必须招标", "是")
			.containsEntry("招标项目类型", "工程").containsEntry("招标内容与范围及招标方案说明", FACTS.scope())
			.containsEntry("监督部门名称", FACTS.supervisor()).containsEntry("审核部门名称", FACTS.approver())
			.containsEntry("招标组织形式", "自行招标").containsEntry("招标代理机构名称", TENDERER.name())
			.containsEntry("招标代理机构代码", TENDERER.creditCode()).containsEntry("招标代理机构角色", "招标人（自行招标）")
			.containsEntry("招标代理机构企业性质", "110");
		TenderParticulars.Party agency = new TenderParticulars.Party("示范招标代理有限公司", "91500103MA6AG00010",
				"ORGANIZATION", "500103", "150");
		Map<String, Object> mandated = NoticeListener.tenderProject(notice(tender(FACTS, List.of(), agency)).particulars());
		assertThat(mandated).containsEntry("招标组织形式", "委托招标").containsEntry("招标代理机构名称", agency.name())
			.containsEntry("招标代理机构角色", "招标代理机构");
	}

	@Test
	void a_section_requiring_no_qualification_type_states_the_statutory_condition() {
		NoticePublished none = notice(tender(FACTS, List.of(), null));
		Map<String, Object> section = NoticeListener.section(none, none.particulars());
		section.put("统一交易标识码", "CQ-500103-2026-000001");
		section.put("交易发生行政区域代码", "500103");
		section.put("标段（包）所在行政区域代码", "500103");
		assertThat(NationalExport.missing(NationalDataset.SECTION, section)).isEmpty();
		assertThat((String) section.get("投标人资格条件")).contains("招标投标法》第二十六条").contains("承担招标项目的能力");
		NoticePublished some = notice(tender(FACTS, List.of("建筑工程施工总承包", "安全生产许可证"), null));
		assertThat(NoticeListener.section(some, some.particulars()))
			.containsEntry("投标人资格条件", "建筑工程施工总承包；安全生产许可证");
	}

	static NoticeParticulars.Bidder bidder(boolean securityRequired, String form, Instant lodged, String certificate) {
		return new NoticeParticulars.Bidder(UUID.randomUUID(), "甲公司", "91500103MA5U000001", "ORGANIZATION", "500103",
				"150", false, securityRequired, form, Money.of("900000.00"), 180, Instant.parse("2026-03-20T02:00:00Z"),
				"b1.member", "王建国", "500103**********21", certificate, lodged);
	}

	/** What the listener adds from the tendering module's platform-only questions (never carried by the event). */
	static Map<String, Object> asked(Map<String, Object> bidder, String phone) {
		bidder.put("统一交易标识码", "CQ-500103-2026-000001");
		bidder.put("项目负责人证件号码", "500103198503124214");
		if (phone != null) {
			bidder.put("投标操作人联系方式", phone);
		}
		return bidder;
	}

	@Test
	void a_bidder_is_complete_with_its_managers_certificate_its_security_and_its_submitters_phone() {
		Map<String, Object> secured = asked(NoticeListener.bidder(PUBLICITY, bidder(true, "CASH_DEPOSIT",
				Instant.parse("2026-03-19T01:30:00Z"), "一级注册建造师 渝1502019202012345")), "13800138000");
		assertThat(NationalExport.missing(NationalDataset.TENDER_LIST, secured)).isEmpty();
		assertThat(secured).containsEntry("是否提交保证金", "是").containsEntry("保证金递交方式", "现金保证金")
			.containsEntry("保证金递交时间", "2026-03-19 09:30:00")
			.containsEntry("项目负责人相关证书和编号", "一级注册建造师 渝1502019202012345");
		// a section asking no security: none lodged, nothing to say when or how
		Map<String, Object> unsecured = asked(NoticeListener.bidder(PUBLICITY, bidder(false, null, null,
				"一级注册建造师 渝1502019202012345")), "13800138000");
		assertThat(NationalExport.missing(NationalDataset.TENDER_LIST, unsecured)).isEmpty();
		assertThat(unsecured).containsEntry("是否提交保证金", "否").doesNotContainKeys("保证金递交方式", "保证金递交时间");
		// stated before the platform asked: certificate and phone missing; a security asked that the guarantee module no
		// longer finds: whether, how and when it was lodged stay open, never a false 否
		Map<String, Object> old = asked(NoticeListener.bidder(PUBLICITY, bidder(true, null, null, null)), null);
		assertThat(NationalExport.missing(NationalDataset.TENDER_LIST, old)).containsExactly("项目负责人相关证书和编号",
				"是否提交保证金", "保证金递交方式", "保证金递交时间", "投标操作人联系方式");
	}
}
