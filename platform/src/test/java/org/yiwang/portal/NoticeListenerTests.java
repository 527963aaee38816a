package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.evaluation.CommitteeMember;
import org.yiwang.kernel.Money;
import org.yiwang.tendering.NoticeParticulars;

/** The further datasets the tender records carry, as the listener maps them (508 and 510 here, without a database). */
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
	void a_candidate_with_its_opened_quality_lacks_only_its_qualification_response() {
		NoticeParticulars.Candidate c = new NoticeParticulars.Candidate(1, "甲公司", "91500103MA5U000001", "ORGANIZATION",
				"500103", "150", Money.of("980000.00"), new BigDecimal("92.50"), "合格");
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
}
