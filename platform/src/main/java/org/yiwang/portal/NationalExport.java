package org.yiwang.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * A public record as its national data specification dataset: every field of the dataset, filled where the record
 * says it (or where the platform itself is the fact: the medium, the source URL, electronic submission), null where
 * it does not. Nothing is guessed: a required field left null keeps the record from being sent.
 */
@Component
class NationalExport {

	static final String MEDIUM = "一网公共资源交易平台";

	/** 价款形式代码: the price is an amount in yuan (the platform takes no rates or other price forms). */
	static final String PRICE_AS_AMOUNT = "1";

	static final String OBJECTION_CHANNEL = "公示期内，投标人或者其他利害关系人登录一网公共资源交易平台，在本标段“中标结果”页面在线向招标人提出异议"
			+ "（《招标投标法实施条例》第五十四条）；招标人在平台上答复，全部异议答复前不确定中标人。";

	/**
	 * The fields that carry a person's ID number or phone (507, 508, 513): sent whole, since the national platform asks
	 * them so, and removed from the uplink's copy once it holds them.
	 */
	static final Set<String> PERSONAL_FIELDS = Set.of("项目负责人证件号码", "项目负责人身份证号码",
			"投标操作人员身份证", "投标操作人联系方式", "专家身份证件号");

	/** Which of {@code names} are {@link #PERSONAL_FIELDS}. */
	static String[] personalFieldsIn(Collection<?> names) {
		return names.stream().map(String::valueOf).filter(PERSONAL_FIELDS::contains).sorted().toArray(String[]::new);
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(SearchIndex.SHANGHAI);

	private final PortalSettings settings;

	NationalExport(PortalSettings settings) {
		this.settings = settings;
	}

	record Export(NationalDataset dataset, Map<String, Object> fields, List<String> missing) {
	}

	Export export(PublicRecord r) {
		return export(r, Map.of());
	}

	/** The record's dataset; a field the record does not say is taken from {@code captured} when it holds it. */
	Export export(PublicRecord r, Map<String, Object> captured) {
		NationalDataset dataset = NationalDataset.of(r.type());
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String name : dataset.fieldNames()) {
			Object value = value(name, r);
			fields.put(name, value != null ? value : captured.get(name));
		}
		return new Export(dataset, fields, missing(dataset, fields));
	}

	/**
	 * A further dataset the record carries (the tender notice's project, the opening record's bidder list, …): its row
	 * describes something the record only names, so what {@code captured} holds for it comes first and the record fills
	 * only the rest (its trade code, region, parties).
	 */
	Export export(PublicRecord r, NationalDataset dataset, Map<String, Object> captured) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (String name : dataset.fieldNames()) {
			Object value = captured.get(name);
			fields.put(name, value != null ? value : value(name, r));
		}
		return new Export(dataset, fields, missing(dataset, fields));
	}

	/**
	 * Required fields that describe a bid security (507 保证金递交方式, 保证金递交时间): a bidder of a section asking none
	 * (招标投标法实施条例 第二十六条: the tenderer "may" ask it) lodged none, so they have no value to send once
	 * 是否提交保证金 says 否. They are required whenever it says 是.
	 */
	static final List<String> SECURITY_FIELDS = List.of("保证金递交方式", "保证金递交时间");

	static List<String> missing(NationalDataset dataset, Map<String, ?> fields) {
		List<String> missing = new ArrayList<>();
		boolean noSecurity = dataset == NationalDataset.TENDER_LIST && "否".equals(fields.get("是否提交保证金"));
		for (String required : dataset.requiredFields()) {
			if (noSecurity && SECURITY_FIELDS.contains(required)) {
				continue;
			}
			Object value = fields.get(required);
			if (value == null || value.toString().isBlank()) {
				missing.add(required);
			}
		}
		return missing;
	}

	private Object value(String field, PublicRecord r) {
		Party tenderer = r.party("tenderer");
		Party agency = r.party("agency");
		Party winner = r.party("winner");
		return switch (field) {
			case "统一交易标识码", "相关统一交易标识码" -> r.tradeCode();
			case "公告标题", "公示标题", "成交公示标题" -> r.title();
			case "公告内容", "公示内容", "成交公示内容" -> r.body();
			case "合同名称" -> r.type() == RecordType.CONTRACT ? r.title() : null;
			case "公告发布时间", "公示提交时间", "公示开始时间", "首次公告时间" -> time(r.publishedAt());
			case "公告发布媒体", "公示发布媒体" -> MEDIUM;
			case "公告源URL", "公示源URL", "在交易机构网站进行挂牌信息披露的链接" -> settings.baseUrl() + "/notices/" + r.id();
			case "公告类型", "公示类型" -> NationalCodes.noticeType(r.type());
			case "标段（包）所在行政区域代码", "交易发生行政区域代码", "标的所在行政区域代码" -> r.regionCode();
			case "招标人名称" -> tenderer == null ? null : tenderer.name();
			case "招标人代码" -> tenderer == null ? null : tenderer.creditCode();
			case "招标代理机构名称" -> agency == null ? null : agency.name();
			// 513 asks the organiser's code even where the tenderer tenders itself (自行招标, 招标投标法 第十二条): then the
			// organiser is the tenderer, so its code is given; the optional agency name stays empty (docs/open-data.md)
			case "招标代理机构代码" -> agency != null ? agency.creditCode()
					: r.type() == RecordType.AWARD_RESULT && tenderer != null ? tenderer.creditCode() : null;
			case "中标人名称", "中标投标人名称" -> winner == null ? null : winner.name();
			case "中标人代码", "中标投标人代码" -> winner == null ? null : winner.creditCode();
			// the values of this and every other code field: NationalCodes (docs/open-data.md)
			case "中标投标人角色" -> winner == null ? null : "中标人";
			case "价款形式代码" -> r.amount() == null ? null : PRICE_AS_AMOUNT;
			case "公告性质" -> NationalCodes.nature(r.type());
			case "交易平台验证责任人", "交易平台数据验证责任人姓名" -> settings.uplinkVerifier();
			case "交易机构名称", "交易中心名称" -> settings.tradingCenterName();
			case "交易机构代码" -> settings.tradingCenterCode();
			case "交易系统编号" -> settings.tradingSystemCode();
			case "交易系统平台使用费" -> settings.platformFee() == null ? null : settings.platformFee().toPlainString();
			// objections to the candidates are raised on the platform itself (AwardDesk.object), during the publicity
			case "提出异议的渠道和方式" -> r.type() == RecordType.CANDIDATES ? OBJECTION_CHANNEL : null;
			// the law opens bids at the bid deadline (招标投标法 第三十四条); the platform takes bids online only
			case "投标文件/资格预审申请文件递交截止时间", "开标时间/开启时间" -> r.bidDeadline() == null ? null : time(r.bidDeadline());
			case "投标文件/资格预审申请文件递交方法" -> r.bidDeadline() == null ? null : "电子投标：通过一网平台在线递交";
			case "中标金额", "合同金额", "成交金额" -> r.amount();
			case "金额币种代码", "价格币种代码", "成交金额币种代码" -> r.amount() == null ? null : "CNY";
			case "金额单位", "价格单位", "成交金额单位" -> r.amount() == null ? null : "元";
			default -> null;
		};
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}
}
