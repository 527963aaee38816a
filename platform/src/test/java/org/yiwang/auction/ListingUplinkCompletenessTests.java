package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.registry.EntityRole;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

import tools.jackson.databind.json.JsonMapper;

/**
 * A listing taken from its submission to a sold auction: the national data specification records the uplink made of
 * it (700 挂牌披露信息, 701 交易结果信息) lack no required field and carry what the platform captured; a listing without
 * its asset class or appraised value is refused.
 */
@PlatformTest
class ListingUplinkCompletenessTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	AuctionFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new AuctionFixture(context);
	}

	@Test
	void a_listing_states_its_asset_class_and_appraised_value_or_is_refused() {
		String user = "tfu." + fixture.run;
		fixture.entity(user, EntityRole.TRANSFEROR);
		NewListing good = fixture.listing(fixture.tradeCode("UA"), "CONFISCATED_GOODS", "10000.00", "5000.00", "1000.00",
				"1000.00", 20);
		refused(user, with(good, null, good.appraisedValue()), "assetClass", "auction.assetClass.required");
		refused(user, with(good, "0", good.appraisedValue()), "assetClass", "auction.assetClass.unknown");
		refused(user, with(good, "设备", good.appraisedValue()), "assetClass", "auction.assetClass.unknown");
		refused(user, with(good, "3", null), "appraisedValue", "auction.amount.required");
		refused(user, with(good, "3", new BigDecimal("-1.00")), "appraisedValue", "auction.amount.positive");
		refused(user, with(good, "3", new BigDecimal("1.001")), "appraisedValue", "auction.amount.decimals");
		ListingView submitted = fixture.as(user, () -> fixture.hall.submit(good));
		assertThat(submitted.status()).isEqualTo(ListingStatus.SUBMITTED);
	}

	@Test
	void the_uplink_records_of_a_listing_sold_at_auction_lack_no_required_field() {
		ListingView listing = fixture.published("U", "CONFISCATED_GOODS", "10000.00", "5000.00", "1000.00", "1000.00");
		String first = fixture.qualified(listing, "U1");
		fixture.qualified(listing, "U2");
		assertThat(fixture.concludeAfterPeriod(listing, 0).status()).isEqualTo(ListingStatus.AUCTION);
		BidReceipt accepted = fixture.as(first, () -> fixture.hall.accept(listing.id(), "u1-" + fixture.run));
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> fixture.hall.auction(listing.id()).status() == AuctionStatus.SOLD);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> uplink(listing).keySet()
			.containsAll(List.of("LISTING_PUB_INFO", "TRADE_RESULT_INFO")));
		Map<String, Uplinked> records = uplink(listing);
		records.forEach((dataset, u) -> System.out.println("UPLINK " + dataset + " " + u.status() + " missing="
				+ u.missing() + "\n  " + u.payload()));
		for (Map.Entry<String, Uplinked> e : records.entrySet()) {
			Uplinked u = e.getValue();
			assertThat(u.missing()).as("missing required fields").isEmpty();
			assertThat(u.status()).isEqualTo("PENDING");
			@SuppressWarnings("unchecked")
			Map<String, Object> fields = json.readValue(u.payload(), Map.class);
			assertThat(org.yiwang.portal.NationalCodes.problems(org.yiwang.portal.NationalDataset.valueOf(e.getKey()), fields))
				.as(e.getKey() + " code fields").isEmpty();
		}
		String transferorCode = fixture.registry.find(listing.transferor()).orElseThrow().creditCode();
		String buyerCode = fixture.as(first, () -> fixture.registry.myEntity().orElseThrow()).creditCode();

		Map<?, ?> disclosure = json.readValue(records.get("LISTING_PUB_INFO").payload(), Map.class);
		String projectCode = (String) disclosure.get("项目编号");
		assertThat(projectCode).matches("CQ-500103-\\d{4}-GP\\d{4}");
		assertThat(disclosure.get("项目名称")).isEqualTo(listing.title());
		assertThat(disclosure.get("统一交易标识码")).isEqualTo(listing.tradeCode().value());
		assertThat(disclosure.get("资产类别（实物）")).isEqualTo("3");
		assertThat(disclosure.get("标的所在行政区域代码")).isEqualTo("500103");
		assertThat(disclosure.get("交易机构名称")).isEqualTo("重庆市公共资源交易中心（演示）");
		assertThat(disclosure.get("交易机构代码")).isEqualTo("12500000MB0000001J");
		assertThat(disclosure.get("转让方名称")).isEqualTo(listing.transferorName());
		assertThat(disclosure.get("转让方代码")).isEqualTo(transferorCode);
		assertThat(disclosure.get("转让方类别")).isEqualTo("法人或其他组织");
		assertThat(disclosure.get("转让方角色")).isEqualTo("转让方");
		assertThat(disclosure.get("价款形式代码")).isEqualTo("1");
		assertThat(new BigDecimal(disclosure.get("挂牌价格").toString())).isEqualByComparingTo("10000.00");
		assertThat((String) disclosure.get("挂牌期间")).matches("\\d{4}-\\d{2}-\\d{2} 至 \\d{4}-\\d{2}-\\d{2}（20(个工作日|日)）");
		assertThat((String) disclosure.get("挂牌日期")).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(disclosure.get("是否自动延期")).isEqualTo("否");
		assertThat(disclosure.get("交易方式")).isEqualTo("挂牌，网络竞价（降价）");
		assertThat((String) disclosure.get("转让说明事项")).contains("受让方须为依法存续的企业法人");
		assertThat((String) disclosure.get("在交易机构网站进行挂牌信息披露的链接")).contains("/notices/");

		Map<?, ?> result = json.readValue(records.get("TRADE_RESULT_INFO").payload(), Map.class);
		assertThat(result.get("项目编号")).as("the listing's project number").isEqualTo(projectCode);
		assertThat(result.get("受让方名称")).isEqualTo(fixture.as(first, () -> fixture.registry.myEntity().orElseThrow()).name());
		assertThat(result.get("受让方代码")).isEqualTo(buyerCode);
		assertThat(result.get("受让方类别")).isEqualTo("法人或其他组织");
		assertThat(result.get("受让方角色")).isEqualTo("受让方");
		assertThat(new BigDecimal(result.get("转让标的评估值或账面净值").toString())).isEqualByComparingTo("10000.00");
		assertThat(new BigDecimal(result.get("成交金额").toString())).isEqualByComparingTo(accepted.amount().yuan());
		assertThat(result.get("成交金额币种代码")).isEqualTo("CNY");
		assertThat((String) result.get("成交日期")).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(result.get("交易方式")).isEqualTo("挂牌，网络竞价（降价）");
	}

	private static NewListing with(NewListing l, String assetClass, BigDecimal appraisedValue) {
		return new NewListing(l.tradeCode(), l.region(), l.category(), l.title(), l.description(), l.conditions(),
				l.transferorCreditCode(), l.startingPrice(), l.reservePrice(), l.increment(), l.security(), l.listingDays(),
				l.autoExtend(), assetClass, appraisedValue);
	}

	private void refused(String user, NewListing listing, String field, String key) {
		assertThatThrownBy(() -> fixture.as(user, () -> fixture.hall.submit(listing))).as(key)
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).isEqualTo(key);
				assertThat(r.field()).isEqualTo(field);
			});
	}

	record Uplinked(String status, List<String> missing, String payload) {
	}

	private Map<String, Uplinked> uplink(ListingView listing) {
		Map<String, Uplinked> found = new LinkedHashMap<>();
		RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc.sql("""
				select u.dataset, u.status, u.missing_fields, u.payload::text from portal.uplink u
				join portal.records r on r.id = u.record_id where r.trade_code = ? order by r.published_at""")
			.param(listing.tradeCode().value())
			.query((rs, n) -> found.put(rs.getString(1), new Uplinked(rs.getString(2),
					Arrays.asList((String[]) rs.getArray(3).getArray()), rs.getString(4))))
			.list()));
		return found;
	}
}
