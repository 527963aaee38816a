package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/** The national data specification export and its uplink: required fields checked, sent only on a receipt, retried. */
@PlatformTest
class NationalUplinkTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	NationalUplink uplink;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	private NoticePublished published(NoticeType type) {
		Publications publications = new Publications(context);
		NoticePublished notice = publications.publish(publications.notice(type, TestActor.YUZHONG, "ENG_BUILDING",
				"渝中区上报测试" + type + "公告", "上报。", "100.00"));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> uplinkStatus(notice.noticeId()) != null);
		return notice;
	}

	private String uplinkStatus(UUID id) {
		return jdbc.sql("select status from portal.uplink where record_id = ?").param(id).query(String.class).optional()
			.orElse(null);
	}

	/**
	 * Every code field of every row the uplink holds carries a value of its code list (no internal names such as
	 * TENDER or FAILED): the rows of every record type published here, and whatever other tests exported before.
	 */
	@Test
	void every_code_field_of_every_exported_row_holds_a_value_of_its_code_list() throws Exception {
		Map<NoticeType, NoticePublished> notices = new java.util.EnumMap<>(NoticeType.class);
		for (NoticeType type : NoticeType.values()) {
			notices.put(type, published(type));
		}
		Map<NoticeType, String> expectedType = Map.of(NoticeType.TENDER, "1", NoticeType.PREQUALIFICATION, "2",
				NoticeType.CANDIDATES, "1", NoticeType.AWARD_RESULT, "1");
		Map<NoticeType, String> expectedNature = Map.of(NoticeType.TENDER, "1", NoticeType.PREQUALIFICATION, "1",
				NoticeType.CLARIFICATION, "2", NoticeType.AMENDMENT, "2", NoticeType.FAILED, "9", NoticeType.CANCELLED, "9",
				NoticeType.OPENING_RECORD, "9", NoticeType.AWARD_RESULT, "1");
		for (var entry : notices.entrySet()) {
			Map<?, ?> payload = json.readValue(jdbc.sql("select payload::text from portal.uplink where record_id = ?")
				.param(entry.getValue().noticeId()).query(String.class).single(), Map.class);
			Object type = payload.containsKey("公告类型") ? payload.get("公告类型") : payload.get("公示类型");
			if (expectedType.containsKey(entry.getKey())) {
				assertThat(type).as(entry.getKey() + " 公告类型/公示类型").isEqualTo(expectedType.get(entry.getKey()));
			}
			if (expectedNature.containsKey(entry.getKey())) {
				assertThat(payload.get("公告性质")).as(entry.getKey() + " 公告性质").isEqualTo(expectedNature.get(entry.getKey()));
			}
		}
		List<Map<String, Object>> rows = jdbc.sql("select dataset, record_id::text as id, payload::text as payload from portal.uplink")
			.query().listOfRows();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(NoticeType.values().length);
		Map<String, List<String>> problems = new java.util.TreeMap<>();
		for (Map<String, Object> row : rows) {
			NationalDataset dataset = NationalDataset.valueOf((String) row.get("dataset"));
			Map<String, Object> payload = json.readValue((String) row.get("payload"), Map.class);
			List<String> found = NationalCodes.problems(dataset, payload);
			if (!found.isEmpty()) {
				problems.put(dataset + " " + row.get("id"), found);
			}
		}
		assertThat(problems).as("code fields outside their code lists").isEmpty();
	}

	/** Every field of every dataset the platform exports whose name says it holds a code is known to NationalCodes. */
	@Test
	void every_code_field_of_the_exported_datasets_has_its_code_list() {
		java.util.regex.Pattern codeLike = java.util.regex.Pattern
			.compile("代码|类别|角色|类型|性质|方式|形式|单位$|币种|^是否|办法|分类|证件类型");
		List<String> unknown = new ArrayList<>();
		for (NationalDataset dataset : NationalDataset.values()) {
			for (String field : dataset.fieldNames()) {
				if (codeLike.matcher(field).find() && !NationalCodes.isCodeField(dataset, field)) {
					unknown.add(dataset + "/" + field);
				}
			}
		}
		assertThat(unknown).as("code fields without a code list").isEmpty();
		assertThat(NationalCodes.problem(NationalDataset.TENDER_ANN_QUA_INQUERY_ANN, "公告类型", "TENDER")).isPresent();
		assertThat(NationalCodes.problem(NationalDataset.TENDER_ANN_QUA_INQUERY_ANN, "公告性质", "FAILED")).isPresent();
		assertThat(NationalCodes.problem(NationalDataset.TENDER_LIST, "投标人代码", TestActor.creditCode("500103"))).isEmpty();
	}

	@Test
	void a_record_missing_required_fields_is_held_back_and_the_status_page_names_them() throws Exception {
		NoticePublished notice = published(NoticeType.TENDER);
		UplinkView view = uplink.recent(500).stream().filter(v -> v.recordId().equals(notice.noticeId())).findFirst()
			.orElseThrow();
		assertThat(view.status()).isEqualTo("INCOMPLETE");
		assertThat(view.dataset()).isEqualTo(NationalDataset.TENDER_ANN_QUA_INQUERY_ANN);
		assertThat(view.missingFields()).contains("招标人地址", "招标人联系电话").doesNotContain("统一交易标识码", "公告标题",
				"开标时间/开启时间", "招标人代码");
		Map<?, ?> payload = json.readValue(jdbc.sql("select payload::text from portal.uplink where record_id = ?")
			.param(notice.noticeId()).query(String.class).single(), Map.class);
		assertThat(payload.get("统一交易标识码")).isEqualTo(notice.tradeCode().value());
		assertThat(payload.get("开标时间/开启时间")).isEqualTo(payload.get("投标文件/资格预审申请文件递交截止时间")).isNotNull();
		mvc.perform(get("/admin/portal/uplink").with(authentication(TestActor.regulator().authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("招标人地址")))
			.andExpect(content().string(containsString("data-status=\"INCOMPLETE\"")));
	}

	@Test
	void the_sender_retries_a_failing_receiver_and_marks_a_record_sent_only_with_its_receipt() throws Exception {
		NoticePublished notice = published(NoticeType.AWARD_RESULT);
		// with the winner's project manager, whose ID number the national platform asks whole
		jdbc.sql("update portal.uplink set status = 'PENDING', missing_fields = '{}', payload = payload || "
				+ "'{\"项目负责人\": \"张工\", \"项目负责人身份证号码\": \"500103198503124214\"}'::jsonb where record_id = ?")
			.param(notice.noticeId()).update();
		// complete records of other tests wait: this receiver counts the calls for this one
		jdbc.sql("update portal.uplink set next_attempt_at = next_attempt_at + interval '10 years' where status = 'PENDING'"
				+ " and record_id <> ?").param(notice.noticeId()).update();
		AtomicInteger calls = new AtomicInteger();
		List<String> bodies = new ArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/national", exchange -> {
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			int call = calls.incrementAndGet();
			byte[] answer = (call == 1 ? "busy" : call == 2 ? "{}" : "{\"receipt\":\"R-" + call + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(call == 1 ? 503 : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		receiver.start();
		try {
			NationalUplink sender = sender("http://127.0.0.1:" + receiver.getAddress().getPort() + "/national");
			sender.sendDue();
			assertThat(uplinkStatus(notice.noticeId())).isEqualTo("PENDING");
			assertThat(lastError(notice.noticeId())).contains("HTTP 503");
			sender.sendDue();
			assertThat(uplinkStatus(notice.noticeId())).as("2xx without a receipt is no success").isEqualTo("PENDING");
			assertThat(lastError(notice.noticeId())).contains("without a receipt");
			sender.sendDue();
			assertThat(uplinkStatus(notice.noticeId())).isEqualTo("SENT");
			assertThat(jdbc.sql("select receipt from portal.uplink where record_id = ?").param(notice.noticeId())
				.query(String.class).single()).isEqualTo("R-3");
			Map<?, ?> sent = json.readValue(bodies.get(2), Map.class);
			assertThat(sent.get("统一交易标识码")).isEqualTo(notice.tradeCode().value());
			assertThat(sent.get("项目负责人身份证号码")).isEqualTo("500103198503124214");
			// once the national platform holds it, the uplink keeps the hash of what it sent, not the ID number
			Map<String, Object> kept = jdbc.sql("select payload::text, sent_sha256, redacted_fields::text from portal.uplink "
					+ "where record_id = ?").param(notice.noticeId()).query().singleRow();
			Map<String, Object> keptPayload = json.readValue((String) kept.get("payload"), Map.class);
			assertThat(keptPayload).doesNotContainKey("项目负责人身份证号码").containsEntry("项目负责人", "张工");
			assertThat(kept.get("redacted_fields")).isEqualTo("{项目负责人身份证号码}");
			assertThat(kept.get("sent_sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
					java.security.MessageDigest.getInstance("SHA-256").digest(bodies.get(2).getBytes(StandardCharsets.UTF_8))));
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	void the_sender_gives_up_after_the_last_attempt_against_an_unreachable_receiver() throws IOException {
		NoticePublished notice = published(NoticeType.CONTRACT);
		jdbc.sql("update portal.uplink set status = 'PENDING', missing_fields = '{}' where record_id = ?")
			.param(notice.noticeId()).update();
		NationalUplink sender = sender("http://127.0.0.1:9/nobody-listens");
		for (int i = 0; i < NationalUplink.MAX_ATTEMPTS; i++) {
			sender.sendDue();
		}
		assertThat(uplinkStatus(notice.noticeId())).isEqualTo("FAILED");
		assertThat(jdbc.sql("select attempts from portal.uplink where record_id = ?").param(notice.noticeId())
			.query(Integer.class).single()).isEqualTo(NationalUplink.MAX_ATTEMPTS);
	}

	private String lastError(UUID id) {
		return jdbc.sql("select last_error from portal.uplink where record_id = ?").param(id).query(String.class).single();
	}

	private NationalUplink sender(String endpoint) {
		return new NationalUplink(jdbc, context.getBean(TransactionTemplate.class), context.getBean(NationalExport.class),
				json, context.getBean(Clock.class), new UplinkSettings(endpoint, Duration.ofSeconds(1), Duration.ZERO, true));
	}

	@Test
	void the_local_receiver_refuses_a_dataset_missing_required_fields_and_accepts_a_complete_one() throws Exception {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String name : NationalDataset.TRADE_RESULT_INFO.fieldNames()) {
			fields.put(name, "x");
		}
		fields.put("受让方代码", "");
		mvc.perform(post("/api/demo/national-platform/TRADE_RESULT_INFO").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(fields))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.missing[0]").value("受让方代码"));
		fields.put("受让方代码", "91500000MA5U000010");
		mvc.perform(post("/api/demo/national-platform/TRADE_RESULT_INFO").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(fields))).andExpect(status().isOk())
			.andExpect(jsonPath("$.receipt").value(org.hamcrest.Matchers.startsWith("RCPT-")));
		mvc.perform(post("/api/demo/national-platform/NOPE").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/demo/national-platform/NOPE").contentType(MediaType.APPLICATION_JSON).content("[1,"))
			.andExpect(status().isBadRequest());
	}
}
