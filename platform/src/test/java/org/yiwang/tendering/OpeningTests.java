package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.pki.KeyCustodians;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.system.Refusal;

/**
 * The remote opening on PostgreSQL with real crypto: envelopes sealed by the envelope library with OpenSSL-made SM2
 * keys, decrypted from disk with the content keys the bid tool prints, one of them by the custodians' backup
 * decryption with their demo keys; the record signed and checked with OpenSSL. Fewer than three bids fail the section
 * and a second round takes new bids only. Every refusal names its reason, is audited and records nothing.
 */
@PlatformTest
class OpeningTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	OpeningHall hall;

	@Autowired
	BidderPersonalData personalData;

	@Autowired
	BidBox bids;

	@Autowired
	KeyCustodians custodians;

	@Autowired
	PlatformKeys platformKeys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@TempDir
	Path dir;

	OpeningFixture f;

	static final TestActor YUZHONG_STAFF = TestActor.districtStaff(TestActor.YUZHONG);

	static final TestActor WANZHOU_STAFF = TestActor.districtStaff(TestActor.WANZHOU);

	@BeforeEach
	void keys_and_bidders() {
		boolean installed = OpeningFixture.opensslInstalled();
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		f.bidder("b1");
		f.bidder("b2");
		f.bidder("b3");
	}

	@Test
	void fewer_than_three_bids_fail_with_a_signed_notice_and_a_second_round_counts_only_its_own_bids() throws Exception {
		SectionView section = f.published("0");
		f.bid(section, "b1", "900000.00");
		f.bid(section, "b2", "950000.00");
		f.deadlinePassed(section, Duration.ofMillis(1));

		assertThat(hall.openDue()).isPositive();
		assertThat(hall.openDue()).as("idempotent").isZero();
		OpeningView failed = YUZHONG_STAFF.call(() -> hall.view(section.id()));
		assertThat(failed.outcome()).isEqualTo("FAILED");
		assertThat(failed.section().status()).isEqualTo(SectionStatus.FAILED);
		assertThat(failed.signedContent()).contains("type=FAILED", "少于3份", "第二十八条");
		assertThat(verifiedByOpenSsl(failed.signedContent(), failed.signature())).isTrue();
		assertThat(f.count("select count(*) from audit.entries where action = 'tendering.notice.published' "
				+ "and payload::text like ?", "%" + failed.recordNoticeId() + "%")).isEqualTo(1);
		// nothing to do in a failed hall
		refused(() -> f.as("b1").call(() -> hall.checkIn(section.id())), "tendering.opening.failedSection");

		// re-tender: not another region's staff (not found), not twice
		refused(() -> WANZHOU_STAFF.call(() -> hall.retender(section.id())), "tendering.section.notFound");
		SectionView second = YUZHONG_STAFF.call(() -> hall.retender(section.id()));
		assertThat(second.status()).isEqualTo(SectionStatus.REGISTERED);
		refused(() -> YUZHONG_STAFF.call(() -> hall.retender(section.id())), "tendering.retender.notFailed");
		assertThat(f.count("select round from tendering.sections where id = ?", section.id().value())).isEqualTo(2);

		// the same flow again: a fresh deadline and opening key; the first round's bids do not stand
		SectionView republished = f.publishNotice(section.id());
		assertThat(republished.openingKey()).isNotEqualTo(section.openingKey());
		assertThat(republished.bidDeadline()).isAfter(clock.instant());
		f.bid(republished, "b1", "880000.00");
		f.bid(republished, "b3", "870000.00");
		f.deadlinePassed(republished, Duration.ofMillis(1));
		SectionParties parties = YUZHONG_STAFF.call(() -> hall.parties(section.id()));
		assertThat(parties.round()).isEqualTo(2);
		assertThat(parties.bidders()).containsExactlyInAnyOrder(f.bidders.get("b1").id(), f.bidders.get("b3").id());
		// two bids in round two: it fails again, with its own notice
		OpeningView again = f.as("b3").call(() -> hall.view(section.id()));
		assertThat(again.round()).isEqualTo(2);
		assertThat(again.outcome()).isEqualTo("FAILED");
		assertThat(again.standingBids()).isEqualTo(2);
		assertThat(again.signedContent()).contains("第2轮");
	}

	@Test
	void a_failed_section_asking_bid_security_releases_it_and_is_not_re_tendered_under_the_same_trade_code() {
		SectionView section = f.published("1000");
		f.deadlinePassed(section, Duration.ofMillis(1));
		hall.openDue();
		assertThat(f.count("select count(*) from guarantee.transaction_ends where trade_code = ?",
				section.tradeCode().value())).isEqualTo(1);
		refused(() -> YUZHONG_STAFF.call(() -> hall.retender(section.id())), "tendering.retender.securityPerTrade");
		assertThat(f.count("select round from tendering.sections where id = ?", section.id().value())).isEqualTo(1);
	}

	@Test
	void a_full_opening_with_one_backup_decryption_and_every_bad_input_refused() throws Exception {
		SectionView section = f.published("0");
		Path e1 = f.bid(section, "b1", "900000.00");
		Path e2 = f.bid(section, "b2", "950000.00");
		Path e3 = f.bid(section, "b3", "990000.00");
		// the first bidder states its project manager (outside the sealed bid) for the bidder list's export (507)
		f.as("b1").call(() -> context.getBean(TenderDocuments.class).stateProjectManager(section.id(), "王建国",
				UplinkCompletenessTests.MANAGER_ID, "一级注册建造师", UplinkCompletenessTests.CERTIFICATE_NUMBER));
		String k1 = f.contentKey(e1, "b1");
		String k2 = f.contentKey(e2, "b2");

		// before the deadline: nothing opens, shares are not shown
		refused(() -> f.as("b1").call(() -> hall.checkIn(section.id())), "tendering.opening.notYet");
		assertThat(TestActor.cityStaff().call(() -> hall.view(section.id())).viewer().encryptedShare()).isNull();

		f.deadlinePassed(section, Duration.ofMillis(1));
		OpeningView open = f.as("b1").call(() -> hall.view(section.id()));
		assertThat(open.outcome()).isEqualTo("OPENING");
		assertThat(open.bids()).hasSize(3);
		assertThat(open.bids()).filteredOn(OpeningView.Bid::mine).hasSize(1);
		assertThat(open.decryptionUntil()).isEqualTo(open.section().bidDeadline().plus(Duration.ofMinutes(30)));

		// decryption: check in first; a key that is not base64, a wrong key; then the right one, once
		refused(() -> f.as("b1").call(() -> hall.decrypt(section.id(), k1)), "tendering.opening.checkInFirst");
		f.as("b1").call(() -> hall.checkIn(section.id()));
		refused(() -> f.as("b1").call(() -> hall.checkIn(section.id())), "tendering.opening.alreadyCheckedIn");
		refused(() -> f.as("b1").call(() -> hall.decrypt(section.id(), "not base64!")), "tendering.opening.keyForm");
		refused(() -> f.as("b1").call(() -> hall.decrypt(section.id(), k2)), "tendering.opening.wrongKey");
		assertThat(f.count("select count(*) from tendering.opening_bids where section_id = ? and decryption is not null",
				section.id().value())).isZero();
		assertThat(listed(hall.openedDirectory(section.id(), 1, UUID.randomUUID()).getParent()))
			.as("nothing half-written on disk").isEmpty();
		OpeningView afterB1 = f.as("b1").call(() -> hall.decrypt(section.id(), "content key: " + k1));
		OpeningView.Bid b1 = afterB1.bids().stream().filter(OpeningView.Bid::mine).findFirst().orElseThrow();
		assertThat(b1.decryption()).isEqualTo(OpenedBid.Decryption.BY_BIDDER);
		assertThat(b1.totalPrice().yuan()).isEqualByComparingTo("900000.00");
		assertThat(b1.items()).extracting(OpenedBid.Item::value).containsExactly("王五");
		Path opened = hall.openedDirectory(section.id(), 1, b1.bidId());
		assertThat(listed(opened.resolve("files"))).hasSize(1);
		refused(() -> f.as("b1").call(() -> hall.decrypt(section.id(), k1)), "tendering.opening.alreadyDecrypted");
		assertThat(audited("tendering.opening.decryption.refused", section)).isEqualTo(4);

		f.as("b2").call(() -> hall.checkIn(section.id()));
		f.as("b2").call(() -> hall.decrypt(section.id(), k2));
		f.as("b3").call(() -> hall.checkIn(section.id()));

		// custodians: not before the window ends
		String staffShare = TestActor.cityStaff().call(() -> hall.view(section.id())).viewer().encryptedShare();
		assertThat(staffShare).isNotNull();
		String share1 = f.decryptedShare("staff", staffShare);
		refused(() -> TestActor.cityStaff().call(() -> hall.giveShare(section.id(), share1)),
				"tendering.opening.sharesBeforeWindowEnd");

		f.windowOver(section);
		String k3 = f.contentKey(e3, "b3");
		refused(() -> f.as("b3").call(() -> hall.decrypt(section.id(), k3)),
				"tendering.opening.windowOver");
		// a custodian giving another's share; staff of the region who hold no share; a share that is not base64
		refused(() -> WANZHOU_STAFF.call(() -> hall.giveShare(section.id(), share1)), "tendering.opening.notYourShare");
		refused(() -> TestActor.of("staff.other", Role.CENTER_STAFF, TestActor.YUZHONG, false)
			.call(() -> hall.giveShare(section.id(), share1)), "tendering.opening.notCustodian");
		refused(() -> TestActor.cityStaff().call(() -> hall.giveShare(section.id(), "%%%")), "tendering.opening.shareForm");
		OpeningView oneShare = TestActor.cityStaff().call(() -> hall.giveShare(section.id(), share1));
		assertThat(oneShare.viewer().sharesHeld()).isEqualTo(1);
		refused(() -> TestActor.cityStaff().call(() -> hall.giveShare(section.id(), share1)),
				"tendering.opening.shareAlreadyGiven");
		// the custodian in Wanzhou sees the Yuzhong section's hall only as custodian, and brings the second share
		OpeningView wanzhou = WANZHOU_STAFF.call(() -> hall.view(section.id()));
		assertThat(wanzhou.viewer().role()).isEqualTo("CUSTODIAN");
		String share2 = f.decryptedShare("staff.wanzhou", wanzhou.viewer().encryptedShare());
		OpeningView backedUp = WANZHOU_STAFF.call(() -> hall.giveShare(section.id(), share2));
		assertThat(backedUp.viewer().sharesHeld()).as("forgotten once used").isZero();
		assertThat(backedUp.bids()).extracting(OpeningView.Bid::decryption).containsOnly(OpenedBid.Decryption.BY_BIDDER,
				OpenedBid.Decryption.BY_CUSTODIANS);
		assertThat(backedUp.bids().get(2).totalPrice().yuan()).isEqualByComparingTo("990000.00");
		// the shares are nowhere: not in the audit log, not in any tendering row
		for (String share : List.of(share1, share2)) {
			assertThat(f.count("select count(*) from audit.entries where payload::text like ?", "%" + share + "%")).isZero();
		}
		refused(() -> TestActor.of("staff.yuzhong", Role.CENTER_STAFF, TestActor.YUZHONG, false)
			.call(() -> hall.giveShare(section.id(), share1)), "tendering.opening.nothingToBackUp");

		// confirmation, signed by the bidder over its line of the record, and objections
		byte[] statement = f.as("b2").call(() -> hall.confirmationStatement(section.id()));
		assertThat(new String(statement, StandardCharsets.UTF_8)).startsWith("YIWANG-OPENING-CONFIRMATION-V1\n")
			.contains("tradeCode=" + section.tradeCode(), "bidder=" + f.bidders.get("b2").name(), "decryption=BY_");
		byte[] signature = f.signConfirmation("b2", statement);
		refused(() -> f.as("b2").call(() -> hall.confirm(section.id(), null, f.read("b2.pem"), null)),
				"tendering.opening.confirmationSignatureMissing");
		byte[] alteredStatement = statement.clone();
		alteredStatement[alteredStatement.length - 2] ^= 1;
		refused(() -> f.as("b2").call(() -> hall.confirm(section.id(), f.signConfirmation("b2", alteredStatement),
				f.read("b2.pem"), null)), "pki.failure.signatureMismatch");
		refused(() -> f.as("b2").call(() -> hall.confirm(section.id(), f.signConfirmation("b1",
				statement), f.read("b1.pem"), null)), "registry.signature.notBound");
		assertThat(f.as("b2").call(() -> hall.view(section.id())).bids()).filteredOn(OpeningView.Bid::mine)
			.extracting(OpeningView.Bid::confirmation).containsOnly((String) null);
		OpeningView confirmed = f.as("b2").call(() -> hall.confirm(section.id(), signature, f.read("b2.pem"), null));
		assertThat(confirmed.bids()).filteredOn(OpeningView.Bid::mine).singleElement()
			.satisfies(b -> assertThat(b.confirmationSigner()).contains("b2 " + f.run));
		assertThat(f.count("select count(*) from tendering.opening_bids where bid_id = ? and confirmation_signature "
				+ "is not null and confirmation_fingerprint is not null", confirmed.viewer().myBid())).isEqualTo(1);
		refused(() -> f.as("b2").call(() -> hall.confirm(section.id(), signature, f.read("b2.pem"), null)),
				"tendering.opening.alreadyConfirmed");
		refused(() -> f.as("b1").call(() -> hall.object(section.id(), " ")), "tendering.opening.objectionText");
		OpeningView objected = f.as("b1").call(() -> hall.object(section.id(), "第三名的工期与招标文件不符"));
		UUID objection = objected.objections().get(0).id();
		refused(() -> YUZHONG_STAFF.call(() -> hall.close(section.id())), "tendering.opening.unanswered");
		refused(() -> f.tenderer().call(() -> hall.answer(objection, "")), "tendering.opening.answerText");
		TestActor otherTenderer = TestActor.of("someone.else", Role.TENDERER, TestActor.CITY, false);
		refused(() -> otherTenderer.call(() -> hall.answer(objection, "答复")), "tendering.section.notFound");
		f.tenderer().call(() -> hall.answer(objection, "以评标委员会评审为准"));
		refused(() -> f.tenderer().call(() -> hall.answer(objection, "再次答复")), "tendering.opening.alreadyAnswered");

		// closing: not another region's staff; then the record, signed
		refused(() -> WANZHOU_STAFF.call(() -> hall.close(section.id())), "tendering.section.notFound");
		OpeningView closed = YUZHONG_STAFF.call(() -> hall.close(section.id()));
		assertThat(closed.outcome()).isEqualTo("OPENED");
		assertThat(closed.section().status()).isEqualTo(SectionStatus.OPENED);
		assertThat(closed.signedContent()).contains("type=OPENING_RECORD", "投标人解密", "密钥保管人备用解密", "900000.00",
				"990000.00", "第三名的工期与招标文件不符", "以评标委员会评审为准");
		assertThat(verifiedByOpenSsl(closed.signedContent(), closed.signature())).isTrue();
		assertThat(audited("tendering.bids.opened", section)).isEqualTo(1);
		assertThat(audited("tendering.opening.closed", section)).isEqualTo(1);
		// the opening record carries the section's particulars like the other notices: its national dataset (503) lacks
		// no required field, and names the staff member who closed the opening as its publisher
		org.springframework.transaction.support.TransactionTemplate tx = context
			.getBean(org.springframework.transaction.support.TransactionTemplate.class);
		java.util.function.Supplier<java.util.List<java.util.Map<String, Object>>> uplinked = () -> org.yiwang.system.RegionScopes
			.callAsPlatform(() -> tx.execute(t -> jdbc.sql("""
					select u.status, array_to_string(u.missing_fields, ',') as missing, u.payload ->> '公告发布责任人' as publisher,
					  u.payload ->> '招标项目编号' as project, u.payload ->> '公告性质' as nature
					from portal.uplink u join portal.records r on r.id = u.record_id
					where r.trade_code = ? and r.record_type = 'OPENING_RECORD' and u.dataset = 'TENDER_ANN_QUA_INQUERY_ANN'""")
				.param(section.tradeCode().value()).query().listOfRows()));
		AwardScenario.await(() -> !uplinked.get().isEmpty(), "the opening record's uplink export");
		java.util.Map<String, Object> record = uplinked.get().get(0);
		assertThat(record.get("missing")).as("missing required fields").isEqualTo("");
		assertThat(record.get("status")).isEqualTo("PENDING");
		assertThat(record.get("publisher")).isEqualTo(YUZHONG_STAFF.displayName());
		assertThat((String) record.get("project")).matches("CQ-500103-\\d{4}-ZB\\d{4}");
		// the bidder list (507), one row per bidder of the round, exported with the opening record
		java.util.function.Supplier<java.util.List<java.util.Map<String, Object>>> bidders = () -> org.yiwang.system.RegionScopes
			.callAsPlatform(() -> tx.execute(t -> jdbc.sql("""
					select u.status, array_to_string(u.missing_fields, ',') as missing, u.payload::text as payload
					from portal.uplink u join portal.records r on r.id = u.record_id
					where r.trade_code = ? and r.record_type = 'OPENING_RECORD' and u.dataset = 'TENDER_LIST'
					order by u.payload ->> '投标人名称'""")
				.param(section.tradeCode().value()).query().listOfRows()));
		AwardScenario.await(() -> bidders.get().size() == 3, "the bidder list's uplink export");
		for (java.util.Map<String, Object> row : bidders.get()) {
			System.out.println("UPLINK TENDER_LIST " + row);
		}
		java.util.Map<String, Object> listed = bidders.get().stream()
			.filter(r -> r.get("payload").toString().contains(f.bidders.get("b1").creditCode())).findFirst().orElseThrow();
		java.util.Map<?, ?> b1Payload = context.getBean(tools.jackson.databind.json.JsonMapper.class)
			.readValue(listed.get("payload").toString(), java.util.Map.class);
		assertThat(listed.get("missing")).as("the section asks no security: none lodged, no way or time of it").isEqualTo("");
		assertThat(listed.get("status")).isEqualTo("PENDING");
		assertThat(b1Payload.get("项目负责人相关证书和编号")).isEqualTo("一级注册建造师 " + UplinkCompletenessTests.CERTIFICATE_NUMBER);
		assertThat(b1Payload.get("投标操作人联系方式")).as("the phone the submitting member stated").isEqualTo(OpeningFixture.PHONE);
		assertThat(b1Payload.get("投标人名称")).isEqualTo(f.bidders.get("b1").name());
		assertThat(b1Payload.get("投标单位项目负责人")).isEqualTo("王建国");
		assertThat(b1Payload.get("项目负责人证件号码")).as("the uplink sends the number whole")
			.isEqualTo(UplinkCompletenessTests.MANAGER_ID);
		assertThat(b1Payload.get("是否失信人")).isEqualTo("否");
		assertThat(b1Payload.get("是否提交保证金")).as("the section asks no security").isEqualTo("否");
		assertThat(new java.math.BigDecimal(b1Payload.get("投标报价金额").toString())).isEqualByComparingTo("900000.00");
		assertThat(b1Payload.get("投标文件递交时间")).isNotNull();
		assertThat(b1Payload.get("投标操作人员")).isNotNull();
		assertThat(f.count("select count(*) from audit.entries where payload::text like ?",
				"%" + UplinkCompletenessTests.MANAGER_ID + "%")).as("never whole in an event").isZero();
		assertThat(f.count("select count(*) from audit.entries where payload::text like ?", "%" + OpeningFixture.PHONE + "%"))
			.as("the member's phone travels in no event").isZero();
		UUID openingRecord = UUID.fromString(org.yiwang.system.RegionScopes.callAsPlatform(() -> tx.execute(t -> jdbc.sql(
				"select id::text from portal.records where trade_code = ? and record_type = 'OPENING_RECORD'")
			.param(section.tradeCode().value()).query(String.class).single())));
		UUID b1Bid = org.yiwang.system.RegionScopes.callAsPlatform(() -> tx.execute(t -> jdbc.sql(
				"select id from tendering.bids where section_id = ? and bidder_id = ?")
			.params(section.id().value(), f.bidders.get("b1").id().value()).query(UUID.class).single()));
		assertThat(personalData.bidderSubmitterPhone(openingRecord, b1Bid)).contains(OpeningFixture.PHONE);
		assertThat(personalData.bidderSubmitterPhone(openingRecord, UUID.randomUUID())).isEmpty();
		refused(() -> f.as("b1").call(() -> personalData.bidderSubmitterPhone(openingRecord, b1Bid)),
				"tendering.submitterPhone.platformOnly");
		refused(() -> f.as("b3").call(() -> hall.object(section.id(), "晚了")), "tendering.opening.closed");
		refused(() -> YUZHONG_STAFF.call(() -> hall.close(section.id())), "tendering.opening.closed");
	}

	@Test
	void without_backup_in_the_template_a_bid_not_decrypted_counts_as_withdrawn_with_the_rule() throws Exception {
		SectionView section = f.published("0");
		Path e1 = f.bid(section, "b1", "900000.00");
		f.bid(section, "b2", "950000.00");
		f.bid(section, "b3", "990000.00");
		f.deadlinePassed(section, Duration.ofMillis(1));
		hall.openDue();
		f.platform(() -> jdbc.sql("update tendering.openings set backup_allowed = false where section_id = ?")
			.param(section.id().value()).update());
		f.as("b1").call(() -> hall.checkIn(section.id()));
		String k1 = f.contentKey(e1, "b1");
		f.as("b1").call(() -> hall.decrypt(section.id(), k1));
		refused(() -> YUZHONG_STAFF.call(() -> hall.close(section.id())), "tendering.opening.windowOpen");
		f.windowOver(section);
		String share = f.decryptedShare("staff", TestActor.cityStaff().call(() -> hall.view(section.id())).viewer()
			.encryptedShare());
		refused(() -> TestActor.cityStaff().call(() -> hall.giveShare(section.id(), share)), "tendering.opening.noBackup");
		OpeningView closed = YUZHONG_STAFF.call(() -> hall.close(section.id()));
		assertThat(closed.bids()).extracting(OpeningView.Bid::decryption).containsExactly(OpenedBid.Decryption.BY_BIDDER,
				OpenedBid.Decryption.FAILED, OpenedBid.Decryption.FAILED);
		assertThat(closed.bids().get(1).failureRule()).isEqualTo(OpeningHall.RULE_NO_BACKUP);
		assertThat(closed.signedContent()).contains("模板不允许备用解密，视为撤回投标");
	}

	@Test
	void the_hall_is_for_the_sections_bidders_parties_region_and_custodians_only() throws Exception {
		SectionView section = f.published("0");
		f.bid(section, "b1", "900000.00");
		f.bid(section, "b2", "950000.00");
		f.bid(section, "b3", "990000.00");
		f.deadlinePassed(section, Duration.ofMillis(1));
		String page = "/tenders/sections/" + section.id() + "/opening";
		mvc.perform(get(page).with(authentication(f.as("b1").authentication()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("check-in-form")))
			.andExpect(content().string(containsString(f.bidders.get("b2").name())));
		mvc.perform(get(page).header("HX-Request", "true").with(authentication(f.as("b1").authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"hall\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
		f.bidder("b4");
		mvc.perform(get(page).with(authentication(f.as("b4").authentication()))).andExpect(status().isForbidden());
		mvc.perform(get(page).with(authentication(YUZHONG_STAFF.authentication()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("close-form")));
		mvc.perform(get(page).with(authentication(TestActor.of("reg.wz", Role.REGULATOR, TestActor.WANZHOU, false)
			.authentication()))).andExpect(status().isNotFound());
		mvc.perform(get(page).with(authentication(TestActor.regulator().authentication()))).andExpect(status().isOk());
		mvc.perform(get(page).with(authentication(f.tenderer().authentication()))).andExpect(status().isOk());
		mvc.perform(get(page).with(authentication(TestActor.of("someone.else", Role.TENDERER, TestActor.CITY, false)
			.authentication()))).andExpect(status().isNotFound());
		mvc.perform(get(page).with(authentication(TestActor.of("staff.other", Role.CENTER_STAFF, TestActor.WANZHOU, false)
			.authentication()))).andExpect(status().isNotFound());
		mvc.perform(get("/tenders/sections/" + UUID.randomUUID() + "/opening")
			.with(authentication(YUZHONG_STAFF.authentication()))).andExpect(status().isNotFound());
		// the event stream answers the entitled only
		mvc.perform(get(page + "/events").with(authentication(f.as("b1").authentication())))
			.andExpect(status().isOk());
		mvc.perform(get(page + "/events").with(authentication(f.as("b4").authentication())))
			.andExpect(status().isForbidden());

		// the JSON API: the hall, and bad bodies refused with a reason in the user's language
		String api = "/api/tendering/sections/" + section.id() + "/opening";
		mvc.perform(get(api).with(authentication(f.as("b1").authentication()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("OPENING")).andExpect(jsonPath("$.bids.length()").value(3));
		mvc.perform(post(api + "/check-in").with(authentication(f.as("b1").authentication()))).andExpect(status().isOk())
			.andExpect(jsonPath("$.bids[0].checkedInAt").exists());
		mvc.perform(post(api + "/decryption").with(authentication(f.as("b1").authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("base64")));
		mvc.perform(post(api + "/decryption").with(authentication(f.as("b1").authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"contentKey\":\""
					+ Base64.getEncoder().encodeToString(new byte[16]) + "\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("unwrap")));
		mvc.perform(post(api + "/shares").with(authentication(TestActor.cityStaff().authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"share\":\"AQID\"}")).andExpect(status().isConflict());
		mvc.perform(post(api + "/objections").with(authentication(f.as("b2").authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/tendering/opening-objections/" + UUID.randomUUID() + "/answer")
			.with(authentication(f.tenderer().authentication())).contentType(MediaType.APPLICATION_JSON)
			.content("{\"answer\":\"x\"}")).andExpect(status().isNotFound());
		mvc.perform(post(api + "/record").with(authentication(YUZHONG_STAFF.authentication())))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/tendering/sections/" + section.id() + "/retender")
			.with(authentication(YUZHONG_STAFF.authentication()))).andExpect(status().isConflict());
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
		assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}

	private long audited(String action, SectionView section) {
		return f.count("select count(*) from audit.entries where action = ? and (target = ? or payload::text like ?)",
				action, "section:" + section.id(), "%" + section.id() + "%");
	}

	private boolean verifiedByOpenSsl(String text, String signature) throws Exception {
		String name = UUID.randomUUID().toString();
		Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
		Files.write(dir.resolve(name + ".sig"), Base64.getDecoder().decode(signature));
		Files.writeString(dir.resolve("platform.pem"), platformKeys.certificatePem());
		f.openssl("x509", "-in", "platform.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		return f.openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", OpeningFixture.ID, "-signature",
				name + ".sig", name + ".txt").contains("Verified OK");
	}

	private static List<Path> listed(Path directory) throws Exception {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (var list = Files.list(directory)) {
			return list.toList();
		}
	}
}
