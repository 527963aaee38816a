package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;

import tools.jackson.databind.json.JsonMapper;

/**
 * A tender taken from its notice to the signed contract: the national data specification records the uplink made of
 * it (503 notice, 511 candidate publicity, 513 win result, 512 contract) lack no required field and carry the values
 * the platform captured.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class UplinkCompletenessTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	AwardDesk desk;

	@Autowired
	JsonMapper json;

	@TempDir
	Path dir;

	@Test
	void the_uplink_records_of_a_whole_tender_lack_no_required_field() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed here");
		AwardScenario s = new AwardScenario(context, dir, "0");
		s.report(s.threeCandidates());
		s.awaitStatus(SectionStatus.PUBLICIZING);
		clock.advance(Duration.ofDays(3).plusSeconds(1));
		s.tendererActor().run(() -> desk.confirmWinner(s.section.id(), s.first.id(), null));
		s.write("contract.pdf", AwardScenario.contractPdf("施工合同 " + s.run));
		s.tendererActor().run(() -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(s.read("contract.pdf"))));
		s.tendererActor().run(() -> desk.signContract(s.section.id(), s.sign("tdr", "contract.pdf"), s.read("tdr.pem"),
				null));
		s.bidder(s.first).run(() -> desk.signContract(s.section.id(), s.sign("b1", "contract.pdf"), s.read("b1.pem"),
				null));
		List<String> datasets = List.of("TENDER_ANN_QUA_INQUERY_ANN", "TENDER_CANDIDATE_ANNOUNCE", "WIN_RESULT_ANNO",
				"CONTRACT_PERFORMANCE");
		AwardScenario.await(() -> uplink(s).keySet().containsAll(datasets), "the uplink records of every step");
		Map<String, Uplinked> records = uplink(s);
		records.forEach((dataset, u) -> System.out.println("UPLINK " + dataset + " " + u.status() + " missing="
				+ u.missing() + "\n  " + u.payload()));
		// what the platform never learns stays reported missing (README, open data): who answers for a publicity the
		// platform publishes on its own, an agency where the tenderer tenders itself, the winner's enterprise nature
		// and project manager, a summary of the contract's content
		assertThat(records.get("TENDER_ANN_QUA_INQUERY_ANN").missing()).isEmpty();
		assertThat(records.get("TENDER_ANN_QUA_INQUERY_ANN").status()).isEqualTo("PENDING");
		assertThat(records.get("TENDER_CANDIDATE_ANNOUNCE").missing()).containsExactly("公示发布责任人");
		assertThat(records.get("WIN_RESULT_ANNO").missing()).containsExactly("招标代理机构代码", "中标投标人企业性质", "项目负责人",
				"项目负责人身份证号码");
		assertThat(records.get("CONTRACT_PERFORMANCE").missing()).containsExactly("合同主要内容");

		Map<?, ?> notice = json.readValue(records.get("TENDER_ANN_QUA_INQUERY_ANN").payload(), Map.class);
		String projectCode = (String) notice.get("招标项目编号");
		assertThat(projectCode).matches("CQ-500103-\\d{4}-ZB\\d{4}");
		assertThat(notice.get("相关标段（包）编号")).isEqualTo(projectCode + "-01");
		assertThat(notice.get("公告标段（包）数量")).isEqualTo(1);
		assertThat(notice.get("公告性质")).isEqualTo("正常公告");
		assertThat(notice.get("是否允许联合体投标")).isEqualTo("是");
		assertThat(notice.get("招标人地址")).isEqualTo("重庆市渝中区");
		assertThat(notice.get("招标人联系人")).isEqualTo("李四");
		assertThat(notice.get("招标人联系电话")).isEqualTo("023-12345678");
		assertThat(notice.get("招标人电子邮箱")).isEqualTo("contact@example.cn");
		assertThat(notice.get("招标文件/资格预审文件获取时间")).isNotNull();
		assertThat(notice.get("招标文件/资格预审文件获取截至时间")).isNotNull();
		assertThat((String) notice.get("招标文件/资格预审文件获取方法")).contains("在线下载");
		assertThat(notice.get("公告发布责任人")).isNotNull();
		assertThat(notice.get("交易平台验证责任人")).isEqualTo("王核验（演示）");
		Map<?, ?> publicity = json.readValue(records.get("TENDER_CANDIDATE_ANNOUNCE").payload(), Map.class);
		assertThat(publicity.get("公示结束时间")).isNotNull();
		assertThat((String) publicity.get("提出异议的渠道和方式")).contains("在线向招标人提出异议");
		Map<?, ?> result = json.readValue(records.get("WIN_RESULT_ANNO").payload(), Map.class);
		assertThat(result.get("标段（包）编号")).isEqualTo(projectCode + "-01");
		assertThat(result.get("中标投标人名称")).isEqualTo(s.first.name());
		assertThat(result.get("中标投标人代码")).isEqualTo(s.first.creditCode());
		assertThat(result.get("中标投标人类别")).isEqualTo("法人或其他组织");
		assertThat(result.get("中标投标人企业注册所在地")).isEqualTo("500103");
		assertThat(result.get("价款形式代码")).isEqualTo("1");
		assertThat(result.get("公示发布责任人")).isNotNull();
		Map<?, ?> contract = json.readValue(records.get("CONTRACT_PERFORMANCE").payload(), Map.class);
		assertThat(contract.get("合同编号")).isEqualTo(s.section.tradeCode().value() + "-HT1");
		assertThat(contract.get("合同签署时间")).isNotNull();
	}

	record Uplinked(String status, List<String> missing, String payload) {
	}

	private Map<String, Uplinked> uplink(AwardScenario s) {
		Map<String, Uplinked> found = new LinkedHashMap<>();
		s.platform(() -> context.getBean(JdbcClient.class).sql("""
				select u.dataset, u.status, u.missing_fields, u.payload::text from portal.uplink u
				join portal.records r on r.id = u.record_id where r.trade_code = ? order by r.published_at""")
			.param(s.section.tradeCode().value())
			.query((rs, n) -> found.put(rs.getString(1), new Uplinked(rs.getString(2),
					Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getString(4))))
			.list());
		return found;
	}
}
