package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.system.Refusal;

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

	@Autowired
	TenderDocuments documents;

	@Autowired
	MockMvc mvc;

	/** A resident ID number of 渝中区 with its right check character. */
	static final String MANAGER_ID = "50010319850312421" + org.yiwang.registry.ResidentIdNumber.checkCharacter("50010319850312421");

	/** A registered constructor's certificate number as 重庆 prints them (渝 and the registration number). */
	static final String CERTIFICATE_NUMBER = "渝1502019202012345";

	@TempDir
	Path dir;

	@Test
	void the_uplink_records_of_a_whole_tender_lack_no_required_field() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed here");
		AwardScenario s = new AwardScenario(context, dir, "0", List.of("建筑工程施工总承包"));
		// the first bidder registered and stated its project manager before the deadline, outside its sealed bid
		s.bidder(s.first).run(() -> documents.registerInterest(s.section.id()));
		ProjectManagerView stated = s.bidder(s.first)
			.call(() -> documents.stateProjectManager(s.section.id(), " 王建国 ", MANAGER_ID.toLowerCase(), " 一级注册建造师 ",
					CERTIFICATE_NUMBER));
		assertThat(stated.maskedIdNumber()).isEqualTo("500103**********" + MANAGER_ID.substring(16));
		s.report(s.threeCandidates());
		s.awaitStatus(SectionStatus.PUBLICIZING);
		clock.advance(Duration.ofDays(3).plusSeconds(1));
		s.tendererActor().run(() -> desk.confirmWinner(s.section.id(), s.first.id(), null));
		s.write("contract.pdf", AwardScenario.contractPdf("施工合同 " + s.run));
		s.tendererActor().run(() -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(s.read("contract.pdf")), AwardScenario.CONTRACT_SUMMARY));
		s.tendererActor().run(() -> desk.signContract(s.section.id(), s.sign("tdr", "contract.pdf"), s.read("tdr.pem"),
				null));
		s.bidder(s.first).run(() -> desk.signContract(s.section.id(), s.sign("b1", "contract.pdf"), s.read("b1.pem"),
				null));
		List<String> datasets = List.of("SECTION", "TENDER_ANN_QUA_INQUERY_ANN", "TENDER_CANDIDATE_ANNOUNCE",
				"WIN_RESULT_ANNO", "CONTRACT_PERFORMANCE");
		AwardScenario.await(() -> uplink(s).keySet().containsAll(datasets)
				&& uplink(s).keySet().containsAll(List.of("PROJECT", "TENDER_PROJECT", "TENDER_CANDIDATE")), "the uplink records of every step");
		Map<String, Uplinked> records = uplink(s);
		records.forEach((dataset, u) -> System.out.println("UPLINK " + dataset + " " + u.status() + " missing="
				+ u.missing() + "\n  " + u.payload()));
		for (String dataset : datasets) {
			assertThat(records.get(dataset).missing()).as(dataset + " lacks no required field").isEmpty();
			assertThat(records.get(dataset).status()).as(dataset + " waits for the sender").isEqualTo("PENDING");
		}

		// every code field of every row of the tender holds a value of its code list, no internal name (TENDER, FAILED)
		for (String dataset : records.keySet()) {
			for (Uplinked row : rows(s, dataset)) {
				@SuppressWarnings("unchecked")
				Map<String, Object> fields = json.readValue(row.payload(), Map.class);
				assertThat(org.yiwang.portal.NationalCodes.problems(org.yiwang.portal.NationalDataset.valueOf(dataset), fields))
					.as(dataset + " code fields").isEmpty();
			}
		}

		Map<?, ?> notice = json.readValue(records.get("TENDER_ANN_QUA_INQUERY_ANN").payload(), Map.class);
		String projectCode = (String) notice.get("招标项目编号");
		assertThat(notice.get("公告类型")).isEqualTo("1");

		// 502 标段（包）, exported with the tender notice: complete
		Map<?, ?> section = json.readValue(records.get("SECTION").payload(), Map.class);
		assertThat(section.get("招标项目编号")).isEqualTo(projectCode);
		assertThat(section.get("标段（包）编号")).isEqualTo(projectCode + "-01");
		assertThat(section.get("标段（包）名称")).isEqualTo("一标段");
		assertThat(section.get("标段（包）招标次数")).isEqualTo(1);
		assertThat(section.get("统一交易标识码")).isEqualTo(s.section.tradeCode().value());
		assertThat(section.get("标段（包）招标方式")).isEqualTo("公开招标");
		assertThat(section.get("标段（包）所在行政区域代码")).isEqualTo("500103");
		assertThat(section.get("标段（包）内容")).isEqualTo("正文");
		assertThat(section.get("标段（包）分类代码")).isEqualTo("ENG_BUILDING");
		assertThat(new java.math.BigDecimal(section.get("标段合同估算价").toString())).isEqualByComparingTo("1000000");
		assertThat(section.get("标段合同估算价币种代码")).isEqualTo("CNY");
		assertThat(section.get("投标人资格条件")).isEqualTo("建筑工程施工总承包");
		assertThat(section.get("标段(包)建立时间")).isNotNull();
		// 501 招标项目 and 500 项目: complete with the facts asked at registration and the platform's own (README)
		Uplinked tenderProject = records.get("TENDER_PROJECT");
		assertThat(tenderProject.missing()).isEmpty();
		assertThat(tenderProject.status()).isEqualTo("PENDING");
		Map<?, ?> tp = json.readValue(tenderProject.payload(), Map.class);
		ProjectFacts facts = ExampleFacts.works();
		assertThat((String) tp.get("项目编号")).matches("CQ-500103-\\d{4}-XM\\d{4}");
		assertThat(tp.get("是否依法必须招标")).isEqualTo("是");
		assertThat(tp.get("招标项目类型")).isEqualTo("工程");
		assertThat(tp.get("招标内容与范围及招标方案说明")).isEqualTo(facts.scope());
		assertThat(tp.get("监督部门名称")).isEqualTo(facts.supervisor());
		assertThat(tp.get("审核部门名称")).isEqualTo(facts.approver());
		assertThat(tp.get("交易系统编号")).isEqualTo("YW-ETS-DEMO-01");
		assertThat(tp.get("交易系统平台使用费")).isEqualTo("0");
		assertThat(tp.get("招标代理机构名称")).as("自行招标: the tenderer organises").isEqualTo(s.tenderer.name());
		assertThat(tp.get("招标代理机构角色")).isEqualTo("招标人（自行招标）");
		assertThat(tp.get("招标项目编号")).isEqualTo(projectCode);
		assertThat(tp.get("招标项目名称")).isEqualTo(s.section.tenderProjectName());
		assertThat(tp.get("招标人名称")).isEqualTo(s.tenderer.name());
		assertThat(tp.get("招标人代码")).isEqualTo(s.tenderer.creditCode());
		assertThat(tp.get("招标人类别")).isEqualTo("法人或其他组织");
		assertThat(tp.get("招标人企业性质")).isEqualTo("150");
		assertThat(tp.get("招标人企业注册所在地")).isEqualTo("500103");
		assertThat(tp.get("招标方式")).isEqualTo("公开招标");
		assertThat(tp.get("招标组织形式")).isEqualTo("自行招标");
		assertThat(tp.get("招标代理机构代码")).as("自行招标: the organiser is the tenderer, as in 513")
			.isEqualTo(s.tenderer.creditCode());
		assertThat(tp.get("信息录入人员")).isEqualTo(s.user("tdr"));
		Uplinked project = records.get("PROJECT");
		assertThat(project.missing()).isEmpty();
		assertThat(project.status()).isEqualTo("PENDING");
		Map<?, ?> pr = json.readValue(project.payload(), Map.class);
		assertThat(pr.get("项目编号")).as("the project's own code, the same in 500 and 501").isEqualTo(tp.get("项目编号"));
		assertThat(pr.get("项目类别关联代码")).isEqualTo("ENG_BUILDING");
		assertThat(pr.get("分类版本代码")).isEqualTo("GB/T 4754-2017");
		assertThat(pr.get("项目行业分类")).isEqualTo("E");
		assertThat(pr.get("资金来源")).isEqualTo("财政预算资金（区级财政预算资金 100%）");
		assertThat(pr.get("项目地址")).isEqualTo(facts.address());
		assertThat(pr.get("项目法人")).isEqualTo(facts.legalPerson());
		assertThat(pr.get("项目规模")).isEqualTo(facts.scale());
		assertThat(pr.get("项目审批文件名称")).isEqualTo(facts.approvalDocument());
		assertThat(pr.get("项目名称")).isEqualTo(s.section.projectName());
		assertThat(pr.get("项目所在行政区域代码")).isEqualTo("500103");
		assertThat(pr.get("联系人")).isEqualTo("李四");
		assertThat(pr.get("联系方式")).isEqualTo("023-12345678");
		assertThat(pr.get("项目建立时间")).isNotNull();
		assertThat(projectCode).matches("CQ-500103-\\d{4}-ZB\\d{4}");
		assertThat(notice.get("相关标段（包）编号")).isEqualTo(projectCode + "-01");
		assertThat(notice.get("公告标段（包）数量")).isEqualTo(1);
		assertThat(notice.get("公告性质")).as("正常公告").isEqualTo("1");
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
		// 510 中标候选人, one row per candidate of the report the publicity published. This scenario puts its bids in place
		// of an opening (no price sheet read out: no 质量); what a candidate holds against the section's qualification
		// type comes from the registry; its report is not the evaluation module's, so no committee (508)
		List<Uplinked> candidates = rows(s, "TENDER_CANDIDATE");
		assertThat(candidates).hasSize(3);
		for (Uplinked c : candidates) {
			assertThat(c.status()).isEqualTo("INCOMPLETE");
			assertThat(c.missing()).containsExactly("质量");
		}
		Map<?, ?> firstCandidate = json.readValue(candidates.get(0).payload(), Map.class);
		assertThat((String) firstCandidate.get("中标候选人响应招标文件的资格能力条件"))
			.startsWith("招标文件要求的资格：建筑工程施工总承包；中标候选人持有：建筑工程施工总承包一级（证书编号 D")
			.contains("有效期 ");
		assertThat(firstCandidate.get("招标项目编号")).isEqualTo(projectCode);
		assertThat(firstCandidate.get("标段（包）编号")).isEqualTo(projectCode + "-01");
		assertThat(firstCandidate.get("中标候选人排名")).isEqualTo(1);
		assertThat(firstCandidate.get("中标候选人名称")).isEqualTo(s.first.name());
		assertThat(firstCandidate.get("中标候选人代码")).isEqualTo(s.first.creditCode());
		assertThat(firstCandidate.get("中标候选人类别")).isEqualTo("法人或其他组织");
		assertThat(firstCandidate.get("评分结果")).isEqualTo("99");
		assertThat(new java.math.BigDecimal(firstCandidate.get("投标价格").toString())).isEqualByComparingTo("980000");
		assertThat((String) firstCandidate.get("评标情况")).startsWith("评标办法：综合评分法；评标委员会推荐排名第1名");
		assertThat(firstCandidate.get("中标候选人人企业注册所在地")).isEqualTo("500103");
		assertThat(firstCandidate.get("中标候选人企业性质")).isEqualTo("150");
		assertThat(rows(s, "BID_EVALUATION_EXPERT")).isEmpty();
		Map<?, ?> publicity = json.readValue(records.get("TENDER_CANDIDATE_ANNOUNCE").payload(), Map.class);
		assertThat(publicity.get("公示发布责任人")).as("the configured publisher of what the platform publishes itself")
			.isEqualTo("张发布（演示）");
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
		// the tenderer tenders itself (no agency): the organiser's code is the tenderer's; the agency name stays empty
		assertThat(result.get("招标代理机构代码")).isEqualTo(s.tenderer.creditCode());
		assertThat(result.get("招标代理机构名称")).isNull();
		assertThat(result.get("中标投标人企业性质")).isEqualTo("150");
		assertThat(result.get("项目负责人")).isEqualTo("王建国");
		assertThat(result.get("项目负责人身份证号码")).as("the uplink sends the number whole").isEqualTo(MANAGER_ID);
		String published = s.platform(() -> context.getBean(JdbcClient.class)
			.sql("select body from portal.records where trade_code = ? and record_type = 'AWARD_RESULT'")
			.param(s.section.tradeCode().value()).query(String.class).single());
		assertThat(published).as("the public notice shows the number masked")
			.contains("项目负责人：王建国（公民身份号码 500103**********" + MANAGER_ID.substring(16) + "）")
			.doesNotContain(MANAGER_ID);
		Map<?, ?> contract = json.readValue(records.get("CONTRACT_PERFORMANCE").payload(), Map.class);
		assertThat(contract.get("合同编号")).isEqualTo(s.section.tradeCode().value() + "-HT1");
		assertThat(contract.get("合同签署时间")).isNotNull();
		assertThat(contract.get("合同主要内容")).isEqualTo(AwardScenario.CONTRACT_SUMMARY);
	}

	@Test
	void a_bidder_states_its_project_manager_checked_until_the_deadline_and_sees_the_number_masked() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed here");
		AwardScenario s = new AwardScenario(context, dir, "0");
		TestActor first = s.bidder(s.first);
		refused(first, s, "王建国", MANAGER_ID, "tendering.projectManager.notRegistered");
		first.run(() -> documents.registerInterest(s.section.id()));
		refused(first, s, " ", MANAGER_ID, "tendering.projectManager.nameRequired");
		refused(first, s, "王", MANAGER_ID, "tendering.projectManager.nameForm");
		refused(first, s, "王建国2", MANAGER_ID, "tendering.projectManager.nameForm");
		refused(first, s, "王".repeat(31), MANAGER_ID, "tendering.projectManager.nameForm");
		refused(first, s, "王建国", "", "tendering.projectManager.idRequired");
		refused(first, s, "王建国", "50010319850312", "registry.idNumber.form");
		refused(first, s, "王建国", "500103198502304210", "registry.idNumber.birth");
		char wrong = MANAGER_ID.charAt(17) == '1' ? '2' : '1';
		refused(first, s, "王建国", MANAGER_ID.substring(0, 17) + wrong, "registry.idNumber.check");
		// the certificate the manager holds for the work and its number (项目负责人相关证书和编号, 507)
		certificateRefused(first, s, null, CERTIFICATE_NUMBER, "tendering.projectManager.certificate");
		certificateRefused(first, s, " ", CERTIFICATE_NUMBER, "tendering.projectManager.certificate");
		certificateRefused(first, s, "证", CERTIFICATE_NUMBER, "tendering.projectManager.certificate");
		certificateRefused(first, s, "证".repeat(51), CERTIFICATE_NUMBER, "tendering.projectManager.certificate");
		certificateRefused(first, s, "一级注册\n建造师", CERTIFICATE_NUMBER, "tendering.projectManager.certificate");
		certificateRefused(first, s, "一级注册建造师", "", "tendering.projectManager.certificateNumber");
		certificateRefused(first, s, "一级注册建造师", "渝15", "tendering.projectManager.certificateNumber");
		certificateRefused(first, s, "一级注册建造师", "渝150 2019", "tendering.projectManager.certificateNumber");
		certificateRefused(first, s, "一级注册建造师", "1".repeat(41), "tendering.projectManager.certificateNumber");
		certificateRefused(first, s, "一级注册建造师", "<script>", "tendering.projectManager.certificateNumber");
		assertThat(first.call(() -> documents.myProjectManager(s.section.id()))).as("nothing half-recorded").isEmpty();
		TestActor tenderer = s.tendererActor();
		assertThatThrownBy(() -> tenderer.call(() -> documents.stateProjectManager(s.section.id(), "王建国", MANAGER_ID, "一级注册建造师",
				CERTIFICATE_NUMBER)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("tendering.bidderOnly"));

		// the page form and the API: the number comes back masked, never whole
		String masked = "500103**********" + MANAGER_ID.substring(16);
		mvc.perform(post("/tenders/sections/{id}/project-manager", s.section.id()).with(csrf()).with(as(first))
			.param("managerName", "李建华").param("managerIdNumber", MANAGER_ID).param("managerCertificate", "一级注册建造师"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", "tendering.projectManager.certificateNumber"));
		mvc.perform(post("/tenders/sections/{id}/project-manager", s.section.id()).with(csrf()).with(as(first))
			.param("managerName", "李建华").param("managerIdNumber", MANAGER_ID).param("managerCertificate", "一级注册建造师")
			.param("managerCertificateNumber", CERTIFICATE_NUMBER))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", "tendering.projectManager.saved"));
		mvc.perform(get("/tenders/sections/{id}", s.section.id()).with(as(first))).andExpect(status().isOk())
			.andExpect(content().string(containsString("李建华（" + masked + "）")))
			.andExpect(content().string(containsString("一级注册建造师 " + CERTIFICATE_NUMBER)))
			.andExpect(content().string(not(containsString(MANAGER_ID))));
		mvc.perform(put("/api/tendering/sections/{id}/project-manager", s.section.id()).with(csrf()).with(as(first))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"王建国\",\"idNumber\":\"123\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("managerIdNumber"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("公民身份号码为 18 位")));
		mvc.perform(put("/api/tendering/sections/{id}/project-manager", s.section.id()).with(csrf()).with(as(first))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"王建国\",\"idNumber\":\"" + MANAGER_ID
					+ "\",\"certificate\":\"一级注册建造师\",\"certificateNumber\":\"渝15\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("managerCertificateNumber"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("证书编号")));
		mvc.perform(put("/api/tendering/sections/{id}/project-manager", s.section.id()).with(csrf()).with(as(first))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"王建国\",\"idNumber\":\"" + MANAGER_ID
					+ "\",\"certificate\":\"一级注册建造师\",\"certificateNumber\":\"" + CERTIFICATE_NUMBER + "\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.maskedIdNumber").value(masked))
			.andExpect(jsonPath("$.certificateNumber").value(CERTIFICATE_NUMBER))
			.andExpect(content().string(not(containsString(MANAGER_ID))));
		mvc.perform(get("/api/tendering/sections/{id}/project-manager", s.section.id()).with(as(first)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.name").value("王建国"));
		mvc.perform(get("/api/tendering/sections/{id}/project-manager", s.section.id()).with(as(s.bidder(s.second))))
			.andExpect(status().isNotFound());

		// after the bid deadline it stays as stated
		clock.advance(Duration.ofDays(26));
		refused(first, s, "赵六", MANAGER_ID, "tendering.projectManager.afterDeadline");
		assertThat(first.call(() -> documents.myProjectManager(s.section.id())).orElseThrow().name()).isEqualTo("王建国");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor as(TestActor actor) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.authentication(actor.authentication());
	}

	private void refused(TestActor actor, AwardScenario s, String name, String id, String key) {
		assertThatThrownBy(() -> actor.call(() -> documents.stateProjectManager(s.section.id(), name, id, "一级注册建造师",
				CERTIFICATE_NUMBER)))
			.as(name + " / " + id)
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}

	private void certificateRefused(TestActor actor, AwardScenario s, String certificate, String number, String key) {
		assertThatThrownBy(() -> actor.call(() -> documents.stateProjectManager(s.section.id(), "王建国", MANAGER_ID,
				certificate, number)))
			.as(certificate + " / " + number)
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}

	record Uplinked(String status, List<String> missing, String payload) {
	}

	/** Every row of one dataset exported for the section, in item order (rank, bid, seat). */
	private List<Uplinked> rows(AwardScenario s, String dataset) {
		return s.platform(() -> context.getBean(JdbcClient.class).sql("""
				select u.status, u.missing_fields, u.payload::text from portal.uplink u
				join portal.records r on r.id = u.record_id where r.trade_code = ? and u.dataset = ? order by u.item""")
			.params(s.section.tradeCode().value(), dataset)
			.query((rs, n) -> new Uplinked(rs.getString(1), Arrays.asList((String[]) rs.getArray(2).getArray()),
					rs.getString(3)))
			.list());
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
