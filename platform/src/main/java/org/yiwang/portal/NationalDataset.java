package org.yiwang.portal;

import java.util.List;

/**
 * The key datasets of the national public resource trading data specification (v4) that the portal's records map to,
 * with their fields as the specification names them; a trailing {@code *} marks a required field.
 */
public enum NationalDataset {

	/** 503 招标公告与资格预审公告 */
	TENDER_ANN_QUA_INQUERY_ANN(503, "招标公告与资格预审公告", "招标项目编号*", "公告标段（包）数量*", "相关标段（包）编号*", "交易中心名称", "统一交易标识码*", "招标编号*", "公告标题*", "公告内容*", "公告发布时间*", "公告发布媒体*", "公告源URL*", "公告性质*", "公告类型*", "招标文件/资格预审文件获取时间*", "招标文件/资格预审文件获取截至时间*", "招标文件/资格预审文件获取方法*", "投标文件/资格预审申请文件递交截止时间*", "是否延期开标", "开标时间/开启时间*", "开标方式/文件开启方式", "评审办法", "文件售价", "文件售价币种", "文件售价单位", "投标文件/资格预审申请文件递交方法*", "是否允许联合体投标*", "招标人代码*", "招标人名称*", "招标人地址*", "招标人联系人*", "招标人联系电话*", "招标人电子邮箱*", "招标代理机构代码", "招标代理机构名称", "招标代理机构地址", "招标代理机构联系人", "招标代理机构联系电话", "招标代理机构电子邮箱", "其他内容", "公告发布责任人*", "交易平台验证责任人*"),

	/** 511 中标候选人公示 */
	TENDER_CANDIDATE_ANNOUNCE(511, "中标候选人公示", "招标项目编号*", "相关标段（包）编号*", "相关统一交易标识码*", "公示标题*", "公示内容*", "公示提交时间*", "公示发布媒体*", "公示源URL*", "公示类型*", "公示开始时间*", "公示结束时间*", "提出异议的渠道和方式*", "其他内容", "公示发布责任人*", "交易平台数据验证责任人姓名*", "第一中标候选人名称", "第一中标候选人统一社会信用代码", "第二中标候选人名称", "第二中标候选人统一社会信用代码", "第三中标候选人名称", "第三中标候选人统一社会信用代码"),

	/** 513 中标结果公告 */
	WIN_RESULT_ANNO(513, "中标结果公告", "招标项目编号*", "标段（包）编号*", "统一交易标识码*", "标段（包）所在行政区域代码*", "交易发生行政区域代码*", "招标代理机构名称", "招标代理机构代码*", "公告标题*", "公告内容*", "公告发布时间*", "公告发布媒体*", "公告源URL*", "公告性质*", "公告类型*", "中标投标人名称*", "中标投标人类别*", "中标投标人代码*", "中标投标人角色*", "联合体代码", "联合体名称", "价款形式代码*", "中标金额", "价格币种代码", "价格单位", "费率或其它类型结果", "其他内容", "公示发布责任人*", "交易平台数据验证责任人姓名*", "中标投标人企业注册所在地*", "中标投标人企业性质*", "项目负责人*", "项目负责人身份证号码*"),

	/** 512 合同 */
	CONTRACT_PERFORMANCE(512, "合同", "招标项目编号*", "标段（包）编号*", "统一交易标识码*", "合同名称*", "招标人名称*", "招标人代码*", "中标人名称*", "中标人代码*", "合同金额", "金额币种代码", "金额单位*", "价款形式代码*", "其它形式合同报价", "合同主要内容*", "合同期限", "质量要求", "递交时间", "合同签署时间*", "合同编号*"),

	/** 700 挂牌披露信息 */
	LISTING_PUB_INFO(700, "挂牌披露信息", "项目名称*", "项目编号*", "标的编号", "标的名称", "统一交易标识码*", "项目分类代码", "资产类别（实物）*", "标的所在行政区域代码*", "交易发生行政区域代码*", "交易机构名称*", "交易机构代码*", "转让方名称*", "转让方代码*", "转让方类别*", "转让方角色*", "价款形式代码*", "挂牌价格", "价格币种代码", "价格单位", "其它形式挂牌报价", "挂牌期间*", "挂牌日期*", "是否自动延期*", "交易方式*", "转让说明事项*", "在交易机构网站进行挂牌信息披露的链接*"),

	/** 701 交易结果信息 */
	TRADE_RESULT_INFO(701, "交易结果信息", "项目名称*", "项目编号*", "标的编号", "标的名称", "统一交易标识码*", "标的所在行政区域代码*", "交易发生行政区域代码*", "交易机构名称*", "交易机构代码*", "交易方式*", "受让方名称*", "受让方代码*", "受让方类别*", "受让方角色*", "转让标的评估值或账面净值*", "价款形式代码*", "成交金额", "成交金额币种代码", "成交金额单位", "其它类型成交结果", "成交日期*", "在交易机构网站进行挂牌信息披露的链接*");

	private final int number;

	private final String nameZh;

	private final List<String> fields;

	NationalDataset(int number, String nameZh, String... fields) {
		this.number = number;
		this.nameZh = nameZh;
		this.fields = List.of(fields);
	}

	public int number() {
		return number;
	}

	public String nameZh() {
		return nameZh;
	}

	/** Field names without the required mark, in the specification's order. */
	public List<String> fieldNames() {
		return fields.stream().map(f -> f.endsWith("*") ? f.substring(0, f.length() - 1) : f).distinct().toList();
	}

	public List<String> requiredFields() {
		return fields.stream().filter(f -> f.endsWith("*")).map(f -> f.substring(0, f.length() - 1)).distinct().toList();
	}

	/** The dataset a record of this type is exported as. */
	static NationalDataset of(RecordType type) {
		return switch (type) {
			case TENDER, PREQUALIFICATION, CLARIFICATION, AMENDMENT, FAILED, CANCELLED, OPENING_RECORD ->
				TENDER_ANN_QUA_INQUERY_ANN;
			case CANDIDATES -> TENDER_CANDIDATE_ANNOUNCE;
			case AWARD_RESULT -> WIN_RESULT_ANNO;
			case CONTRACT -> CONTRACT_PERFORMANCE;
			case LISTING_DISCLOSURE -> LISTING_PUB_INFO;
			case AUCTION_RESULT -> TRADE_RESULT_INFO;
		};
	}
}
