package org.yiwang.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yiwang.kernel.CreditCode;

/**
 * The code fields of the national datasets the platform exports, each with the values it may carry: a code list
 * (value and meaning), a unified social credit code, an administrative division code, a trading category code, a
 * national investment project code, or no code at all (a field whose name sounds like one but holds text). Every
 * exporter fills these fields from here or from values listed here, and {@link #problems} says which field of a row
 * holds a value outside its list. The lists, their sources and what is still to be checked against the official code
 * tables are in docs/open-data.md (the specification files in the repository name fields, not code tables).
 */
public final class NationalCodes {

	private NationalCodes() {
	}

	/** 公告类型 of 503 招标公告与资格预审公告, 公示类型 of 511, 公告类型 of 513. */
	static final Map<String, String> TENDER_NOTICE_TYPES = ordered("1", "招标公告", "2", "资格预审公告");

	static final Map<String, String> CANDIDATES_PUBLICITY_TYPES = ordered("1", "中标候选人公示");

	static final Map<String, String> RESULT_NOTICE_TYPES = ordered("1", "中标结果公告");

	/** 公告性质: a first notice, a change to it, anything else (a termination, a failure, an opening record). */
	static final Map<String, String> NOTICE_NATURES = ordered("1", "正常公告", "2", "变更公告", "9", "其他");

	private static final Map<String, String> YES_NO = ordered("是", "是", "否", "否");

	private static final Map<String, String> PARTY_KINDS = ordered("法人或其他组织", "registry ORGANIZATION", "自然人",
			"registry PERSON", "联合体", "registry CONSORTIUM");

	/** GB/T 12402-2000 经济类型分类与代码, second level (as the registry takes them). */
	private static final Map<String, String> ENTERPRISE_NATURES = ordered("110", "国有全资", "120", "集体全资", "130",
			"股份合作", "140", "联营", "150", "有限责任（公司）", "160", "股份有限（公司）", "170", "私有", "190", "其他内资", "210",
			"内地和港澳台合资", "220", "内地和港澳台合作", "230", "港澳台独资", "240", "港澳台投资股份有限（公司）", "290", "其他港澳台投资",
			"310", "中外合资", "320", "中外合作", "330", "外资", "340", "国外投资股份有限（公司）", "390", "其他国外投资");

	private static final Map<String, Map<String, String>> LISTS = new LinkedHashMap<>();

	private static final Map<String, Map<String, String>> LISTS_BY_DATASET = new LinkedHashMap<>();

	static {
		LISTS_BY_DATASET.put(NationalDataset.TENDER_ANN_QUA_INQUERY_ANN + "/公告类型", TENDER_NOTICE_TYPES);
		LISTS_BY_DATASET.put(NationalDataset.WIN_RESULT_ANNO + "/公告类型", RESULT_NOTICE_TYPES);
		LISTS_BY_DATASET.put(NationalDataset.TENDER_CANDIDATE_ANNOUNCE + "/公示类型", CANDIDATES_PUBLICITY_TYPES);
		LISTS.put("公告性质", NOTICE_NATURES);
		for (String flag : List.of("是否依法必须招标", "是否联合招标", "是否允许联合体投标", "是否延期开标", "是否失信人", "是否提交保证金",
				"是否采用下浮率", "是否为评标组长", "是否自动延期", "是否PPP项目")) {
			LISTS.put(flag, YES_NO);
		}
		LISTS.put("价款形式代码", ordered(NationalExport.PRICE_AS_AMOUNT, "金额（元）"));
		for (String currency : List.of("价格币种代码", "金额币种代码", "成交金额币种代码", "投标报价币种", "标段合同估算价币种代码", "文件售价币种",
				"预算金额币种")) {
			LISTS.put(currency, ordered("CNY", "人民币 (ISO 4217)"));
		}
		for (String unit : List.of("价格单位", "金额单位", "成交金额单位", "投标报价单位", "标段合同估算价单位", "文件售价单位",
				"预算金额单位")) {
			LISTS.put(unit, ordered("元", "元"));
		}
		for (String kind : List.of("招标人类别", "招标代理机构类别", "投标人类别", "中标候选人类别", "中标投标人类别", "转让方类别", "受让方类别",
				"中标（成交）供应商类别")) {
			LISTS.put(kind, PARTY_KINDS);
		}
		for (String nature : List.of("招标人企业性质", "招标代理机构企业性质", "投标人企业性质", "中标候选人企业性质", "中标投标人企业性质")) {
			LISTS.put(nature, ENTERPRISE_NATURES);
		}
		LISTS.put("招标人角色", ordered("招标人", "招标人"));
		LISTS.put("招标代理机构角色", ordered("招标代理机构", "招标代理机构", NoticeListener.SELF_ORGANISED, "招标人自行组织招标"));
		LISTS.put("投标人角色", ordered("投标人", "投标人"));
		LISTS.put("中标候选人角色", ordered("中标候选人", "中标候选人"));
		LISTS.put("中标投标人角色", ordered("中标人", "中标人"));
		LISTS.put("转让方角色", ordered("转让方", "转让方"));
		// government procurement (datasets 550, 553): the procurement module's methods by their Chinese names
		LISTS.put("采购人角色", ordered("采购人", "采购人"));
		LISTS.put("采购代理机构角色", ordered("采购代理机构", "采购代理机构"));
		LISTS.put("采购方式", ordered("竞争性谈判", "COMPETITIVE_NEGOTIATION", "竞争性磋商", "COMPETITIVE_CONSULTATION", "询价",
				"REQUEST_FOR_QUOTATIONS", "单一来源", "SINGLE_SOURCE"));
		LISTS.put("采购组织形式", ordered("自行组织采购", "政府采购法 第十八条", "委托代理机构采购", "政府采购法 第十八条"));
		LISTS.put("受让方角色", ordered("受让方", "受让方"));
		Map<String, String> methods = ordered("公开招标", "招标投标法 第十条", "邀请招标", "招标投标法 第十条");
		LISTS.put("招标方式", methods);
		LISTS.put("标段（包）招标方式", methods);
		LISTS.put("招标组织形式", ordered("自行招标", "招标投标法 第十二条", "委托招标", "招标投标法 第十二条"));
		LISTS.put("招标项目类型", ordered("工程", "WORKS", "货物", "GOODS", "服务", "SERVICES"));
		LISTS.put("采购项目类型", ordered("工程", "WORKS", "货物", "GOODS", "服务", "SERVICES"));
		LISTS.put("保证金递交方式", ordered("电子保函", "GUARANTEE", "现金保证金", "CASH_DEPOSIT"));
		LISTS.put("专家类别", ordered("评标专家库专家", "EXPERT", "招标人代表", "REPRESENTATIVE"));
		LISTS.put("专家身份证件类型", ordered("居民身份证", "居民身份证"));
		LISTS.put("评审办法", ordered("综合评分法", "WEIGHTED_SCORING", "经评审的最低投标价法", "LOWEST_EVALUATED_PRICE"));
		LISTS.put("分类版本代码", ordered("GB/T 4754-2017", "国民经济行业分类"));
		Map<String, String> divisions = new LinkedHashMap<>();
		for (char c = 'A'; c <= 'T'; c++) {
			divisions.put(String.valueOf(c), "GB/T 4754-2017 门类 " + c);
		}
		LISTS.put("项目行业分类", divisions);
		Map<String, String> assetClasses = new LinkedHashMap<>();
		for (int c = 1; c <= 9; c++) {
			assetClasses.put(String.valueOf(c), "GB/T 14885-2022 门类 " + c);
		}
		LISTS.put("资产类别（实物）", assetClasses);
		LISTS.put("交易方式", ordered("挂牌，网络竞价（增价）", "ENGLISH", "挂牌，网络竞价（降价）", "DUTCH", "挂牌，网络竞价（一次报价）",
				"SEALED"));
	}

	/** Fields holding a unified social credit code (GB 32100-2015). */
	static final Set<String> CREDIT_CODES = Set.of("招标人代码", "招标代理机构代码", "投标人代码", "中标候选人代码", "中标投标人代码",
			"中标人代码", "转让方代码", "受让方代码", "交易机构代码", "联合体代码", "联合体组织机构代码证（联合体招标时填写）", "监督部门代码",
			"审核部门代码", "第一中标候选人统一社会信用代码", "第二中标候选人统一社会信用代码", "第三中标候选人统一社会信用代码", "采购人代码", "采购代理机构代码",
			"中标（成交）供应商代码");

	/** Fields holding an administrative division code (GB/T 2260, six digits). */
	static final Set<String> DIVISION_CODES = Set.of("项目所在行政区域代码", "招标项目所在行政区域代码", "标段（包）所在行政区域代码",
			"交易发生行政区域代码", "标的所在行政区域代码", "采购项目子包所在行政区域代码");

	/**
	 * Fields holding the trading category: the platform's own category code (catalog, e.g. {@code ENG_BUILDING}); the
	 * specification files give no list for them (docs/open-data.md).
	 */
	static final Set<String> CATEGORY_CODES = Set.of("项目类别关联代码", "标段（包）分类代码", "项目分类代码");

	/** The national investment project code (投资项目统一代码): year-division-industry-kind-number. */
	private static final Pattern INVESTMENT_PROJECT_CODE = Pattern.compile("\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}");

	private static final Pattern DIVISION = Pattern.compile("\\d{6}");

	private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	/**
	 * Fields whose names sound like codes but hold text the platform writes (a method described, a phone, a price
	 * in another form): no code list applies.
	 */
	static final Set<String> TEXT = Set.of("开标方式/文件开启方式", "提出异议的渠道和方式", "联系方式", "投标操作人联系方式",
			"其它形式合同报价", "其它形式挂牌报价", "费率或其它类型报价", "费率或其它类型结果", "其它类型成交结果", "项目审批单位",
			"优惠率或其它类型项目预算", "中标优惠率或其它类型价格");

	/** The 公告类型 / 公示类型 code of a record, as its dataset's list has it. */
	static String noticeType(RecordType type) {
		return switch (type) {
			case PREQUALIFICATION -> "2";
			default -> "1";
		};
	}

	/**
	 * The 公告性质 code: a clarification or an amendment changes a notice (2); a termination, a failure or an opening
	 * record is none of a first notice and a change (9, the title says which); every other record is a first notice.
	 */
	static String nature(RecordType type) {
		return switch (type) {
			case CLARIFICATION, AMENDMENT -> "2";
			case CANCELLED, FAILED, OPENING_RECORD -> "9";
			default -> "1";
		};
	}

	/** Whether the field is one of the code fields listed here. */
	public static boolean isCodeField(NationalDataset dataset, String field) {
		return list(dataset, field) != null || CREDIT_CODES.contains(field) || DIVISION_CODES.contains(field)
				|| CATEGORY_CODES.contains(field) || field.equals("投资项目统一代码") || TEXT.contains(field);
	}

	/** The code list of the field in that dataset; null when it has none. */
	public static Map<String, String> list(NationalDataset dataset, String field) {
		Map<String, String> own = LISTS_BY_DATASET.get(dataset + "/" + field);
		return own != null ? own : LISTS.get(field);
	}

	/** What is wrong with a value of a code field (empty for any value of a field that takes no code). */
	public static Optional<String> problem(NationalDataset dataset, String field, Object value) {
		if (value == null || value.toString().isBlank()) {
			return Optional.empty();
		}
		String text = value.toString();
		Map<String, String> list = list(dataset, field);
		if (list != null) {
			return list.containsKey(text) ? Optional.empty()
					: Optional.of(field + " = " + text + ": not in its code list " + list.keySet());
		}
		if (CREDIT_CODES.contains(field)) {
			return CreditCode.problem(text).map(p -> field + " = " + text + ": no unified social credit code (" + p + ")");
		}
		if (DIVISION_CODES.contains(field)) {
			return DIVISION.matcher(text).matches() ? Optional.empty()
					: Optional.of(field + " = " + text + ": no six-digit division code");
		}
		if (CATEGORY_CODES.contains(field)) {
			return CATEGORY.matcher(text).matches() ? Optional.empty()
					: Optional.of(field + " = " + text + ": no trading category code");
		}
		if (field.equals("投资项目统一代码")) {
			return INVESTMENT_PROJECT_CODE.matcher(text).matches() ? Optional.empty()
					: Optional.of(field + " = " + text + ": no investment project code");
		}
		return Optional.empty();
	}

	/** Every code field of a row whose value is outside its list. */
	public static List<String> problems(NationalDataset dataset, Map<String, ?> fields) {
		List<String> problems = new ArrayList<>();
		fields.forEach((field, value) -> problem(dataset, field, value).ifPresent(problems::add));
		return problems;
	}

	private static Map<String, String> ordered(String... codesAndMeanings) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < codesAndMeanings.length; i += 2) {
			map.put(codesAndMeanings[i], codesAndMeanings[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}
}
