package org.yiwang.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.evaluation.CommitteeMember;
import org.yiwang.evaluation.EvaluationDesk;
import org.yiwang.tendering.AwardDesk;
import org.yiwang.tendering.FundingSource;
import org.yiwang.tendering.IndustryDivision;
import org.yiwang.tendering.NoticeParticulars;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;
import org.yiwang.tendering.BidderPersonalData;
import org.yiwang.tendering.ProjectFacts;
import org.yiwang.tendering.TenderParticulars;
import org.yiwang.tendering.TenderType;

/**
 * Takes each notice the tendering module publishes into the portal, after the publishing transaction committed (the
 * JDBC publication registry redelivers it after a crash). No transaction is opened here: the portal's writes run in
 * the platform's scope, which must be set before their transaction starts.
 */
@Component
class NoticeListener {

	private final Portal portal;

	private final AwardDesk awards;

	private final NationalUplink uplink;

	private final BidderPersonalData openings;

	private final EvaluationDesk evaluation;

	NoticeListener(Portal portal, AwardDesk awards, NationalUplink uplink, BidderPersonalData openings,
			EvaluationDesk evaluation) {
		this.portal = portal;
		this.awards = awards;
		this.uplink = uplink;
		this.openings = openings;
		this.evaluation = evaluation;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NoticePublished notice) {
		Map<String, Object> fields = nationalFields(notice.particulars());
		// the event carries the project manager's ID number masked; the national platform asks it whole (513)
		if (notice.type() == NoticeType.AWARD_RESULT && fields.containsKey("项目负责人")) {
			awards.winnerProjectManagerIdNumber(notice.noticeId()).ifPresent(id -> fields.put("项目负责人身份证号码", id));
		}
		PublicRecord record = record(notice);
		portal.receive(record, "tendering", fields);
		// the tender notice is where the project, its tender project and the section become public (500, 501, 502)
		NoticeParticulars p = notice.particulars();
		if (notice.type() == NoticeType.TENDER && p != null && p.tender() != null) {
			TenderParticulars t = p.tender();
			uplink.prepare(record, NationalDataset.PROJECT, t.tenderProjectId(), project(notice, p));
			uplink.prepare(record, NationalDataset.TENDER_PROJECT, t.tenderProjectId(), tenderProject(p));
			uplink.prepare(record, NationalDataset.SECTION, notice.tradeCode().value() + "#" + t.round(),
					section(notice, p));
		}
		// the opening record names every bidder of the round (507), one row each
		if (notice.type() == NoticeType.OPENING_RECORD && p != null) {
			for (NoticeParticulars.Bidder b : p.bidders()) {
				Map<String, Object> bidder = bidder(p, b);
				// the event carries the project manager's ID number masked; the national platform asks it whole
				if (b.projectManager() != null) {
					openings.bidderProjectManagerIdNumber(notice.noticeId(), b.bid())
						.ifPresent(id -> bidder.put("项目负责人证件号码", id));
				}
				// so does the submitting member's own phone
				openings.bidderSubmitterPhone(notice.noticeId(), b.bid())
					.ifPresent(phone -> bidder.put("投标操作人联系方式", phone));
				uplink.prepare(record, NationalDataset.TENDER_LIST, notice.tradeCode().value() + "#" + b.bid(), bidder);
			}
		}
		// the candidates' publicity publishes the evaluation report: its candidates (510) and committee (508)
		if (notice.type() == NoticeType.CANDIDATES && p != null && p.evaluation() != null) {
			NoticeParticulars.Evaluation e = p.evaluation();
			String round = evaluationItem(notice.tradeCode().value(), e);
			for (NoticeParticulars.Candidate c : e.candidates()) {
				uplink.prepare(record, NationalDataset.TENDER_CANDIDATE, round + "#" + c.rank(), candidate(p, e, c));
			}
			// personal data (names, ID numbers): fetched here, never carried by an event, and sent only in the uplink;
			// the item names the seat, not the person
			for (CommitteeMember m : evaluation.reportedCommittee(e.report())) {
				uplink.prepare(record, NationalDataset.BID_EVALUATION_EXPERT,
						round + "#" + m.kind() + "-" + m.position(), expert(p, m));
			}
		}
	}

	/**
	 * What a round's evaluation is keyed by in the uplink: the trade and round, and the attempt from the second on (a
	 * re-evaluation ordered by a regulator publishes a new report for the same round; keyed by the round alone, its
	 * candidates and committee would be taken for the first attempt's and never sent).
	 */
	static String evaluationItem(String tradeCode, NoticeParticulars.Evaluation e) {
		return tradeCode + "#" + e.round() + (e.attempt() > 1 ? "-attempt" + e.attempt() : "");
	}

	/**
	 * 510 中标候选人. 中标候选人响应招标文件的资格能力条件 is what the tendering module states from the section's required
	 * qualification types and the candidate's certificates in the registry; 评分结果 is the committee's total score, or
	 * under the lowest evaluated price (no score) the evaluated price the candidate was ranked by (docs/open-data.md).
	 */
	static Map<String, Object> candidate(NoticeParticulars p, NoticeParticulars.Evaluation e,
			NoticeParticulars.Candidate c) {
		Map<String, Object> f = new HashMap<>();
		put(f, p.tenderProjectCode(), "招标项目编号");
		put(f, p.sectionCode(), "标段（包）编号");
		put(f, c.name(), "中标候选人名称");
		put(f, category(c.kind()), "中标候选人类别");
		put(f, c.creditCode(), "中标候选人代码");
		put(f, "中标候选人", "中标候选人角色");
		put(f, c.rank(), "中标候选人排名");
		// the platform takes prices as amounts in yuan, never as a rate below a reference (下浮率)
		put(f, "否", "是否采用下浮率");
		put(f, result(e, c), "评分结果");
		put(f, NationalExport.PRICE_AS_AMOUNT, "价款形式代码");
		if (c.price() != null) {
			put(f, c.price().yuan(), "投标价格");
			put(f, "CNY", "价格币种代码");
			put(f, "元", "价格单位");
		}
		put(f, c.quality(), "质量");
		put(f, evaluationSummary(e, c), "评标情况");
		put(f, c.registeredRegion(), "中标候选人人企业注册所在地");
		put(f, c.enterpriseNature(), "中标候选人企业性质");
		put(f, c.qualifications(), "中标候选人响应招标文件的资格能力条件");
		return f;
	}

	/**
	 * 评分结果: the total score under weighted scoring; under the lowest evaluated price, which scores nothing, the
	 * evaluated price that ranked the candidate; null when the report says neither.
	 */
	static String result(NoticeParticulars.Evaluation e, NoticeParticulars.Candidate c) {
		if (c.score() != null) {
			return c.score().toPlainString();
		}
		if ("LOWEST_EVALUATED_PRICE".equals(e.method()) && c.price() != null) {
			return "经评审的投标价 " + c.price().yuan().toPlainString() + " 元（经评审的最低投标价法，不计分）";
		}
		return null;
	}

	/** 评标情况: what the signed report says of the candidate, from its recorded facts only. */
	static String evaluationSummary(NoticeParticulars.Evaluation e, NoticeParticulars.Candidate c) {
		String method = switch (e.method()) {
			case "WEIGHTED_SCORING" -> "综合评分法";
			case "LOWEST_EVALUATED_PRICE" -> "经评审的最低投标价法";
			default -> e.method();
		};
		return "评标办法：" + method + "；评标委员会推荐排名第" + c.rank() + "名"
				+ (c.score() == null ? "" : "，总得分 " + c.score().toPlainString())
				+ (c.price() == null ? "" : "，投标价格 " + c.price().yuan().toPlainString() + " 元")
				+ "；评标报告 SHA-256 " + e.reportSha256();
	}

	/** 508 评标专家, one member of the committee that signed the report. 专家签到时间 (optional) is not recorded. */
	static Map<String, Object> expert(NoticeParticulars p, CommitteeMember m) {
		Map<String, Object> f = new HashMap<>();
		put(f, p.tenderProjectCode(), "招标项目编号");
		put(f, p.sectionCode(), "标段（包）编号");
		put(f, "EXPERT".equals(m.kind()) ? "评标专家库专家" : "REPRESENTATIVE".equals(m.kind()) ? "招标人代表" : null,
				"专家类别");
		put(f, m.name(), "专家姓名");
		put(f, m.idNumber(), "专家身份证件号");
		// the pool takes 18-character resident ID numbers only (checked when an expert is added)
		put(f, m.idNumber() == null ? null : "居民身份证", "专家身份证件类型");
		put(f, m.leader() ? "是" : "否", "是否为评标组长");
		return f;
	}

	/**
	 * 507 投标人名单, one bidder of the round: the project manager's certificate as the bidder stated it with the
	 * manager and when the guarantee module received its security (the manager's whole ID number and the submitting
	 * member's phone are asked by the listener, never carried by the event). A section asking no security has no
	 * 保证金递交方式 or 保证金递交时间 to send ({@link NationalExport#missing}).
	 */
	static Map<String, Object> bidder(NoticeParticulars p, NoticeParticulars.Bidder b) {
		Map<String, Object> f = new HashMap<>();
		put(f, p.tenderProjectCode(), "招标项目编号");
		put(f, p.sectionCode(), "标段（包）编号");
		put(f, b.name(), "投标人名称");
		put(f, b.barred() ? "是" : "否", "是否失信人");
		put(f, category(b.kind()), "投标人类别");
		put(f, b.creditCode(), "投标人代码");
		put(f, "投标人", "投标人角色");
		put(f, b.projectManager(), "投标单位项目负责人");
		put(f, b.projectManagerCertificate(), "项目负责人相关证书和编号");
		put(f, b.securityLodgedAt() == null ? null : NationalExport.time(b.securityLodgedAt()), "保证金递交时间");
		// a section asking no security: none was lodged; one asking it admits only bids holding it (BidBox), so a
		// security the guarantee module no longer finds at the opening leaves the answer open rather than a false 否
		put(f, !b.securityRequired() ? "否" : b.securityForm() != null ? "是" : null, "是否提交保证金");
		put(f, securityForm(b.securityForm()), "保证金递交方式");
		// the platform takes prices as amounts in yuan only, a bid not decrypted too
		put(f, NationalExport.PRICE_AS_AMOUNT, "价款形式代码");
		if (b.price() != null) {
			put(f, b.price().yuan(), "投标报价金额");
			put(f, "CNY", "投标报价币种");
			put(f, "元", "投标报价单位");
		}
		put(f, b.durationDays(), "投标工期");
		put(f, b.submittedAt() == null ? null : NationalExport.time(b.submittedAt()), "投标文件递交时间");
		put(f, b.registeredRegion(), "投标人企业注册所在地");
		put(f, b.enterpriseNature(), "投标人企业性质");
		put(f, b.submittedBy(), "投标操作人员");
		return f;
	}

	/** 保证金递交方式 (no code list in the specification files; docs/open-data.md): the guarantee module's forms of security. */
	static String securityForm(String form) {
		if (form == null) {
			return null;
		}
		return switch (form) {
			case "GUARANTEE" -> "电子保函";
			case "CASH_DEPOSIT" -> "现金保证金";
			default -> null;
		};
	}

	/**
	 * 500 项目. The platform registers the project and its tender project as one row, and gives each its own code. The
	 * category code (项目类别关联代码) is the trading category the project is tendered in; the industry is a GB/T
	 * 4754-2017 section (门类) code. The contact is the tenderer's registered contact, who registered the project.
	 * Projects registered before these facts were asked have none (docs/open-data.md).
	 */
	static Map<String, Object> project(NoticePublished n, NoticeParticulars p) {
		TenderParticulars t = p.tender();
		Map<String, Object> f = new HashMap<>();
		put(f, t.projectCode(), "项目编号");
		put(f, t.category(), "项目类别关联代码");
		ProjectFacts facts = t.facts();
		if (facts != null) {
			put(f, facts.address(), "项目地址");
			put(f, facts.legalPerson(), "项目法人");
			IndustryDivision.of(facts.industry()).ifPresent(d -> {
				put(f, IndustryDivision.VERSION, "分类版本代码");
				put(f, d.code(), "项目行业分类");
			});
			FundingSource.of(facts.fundingSource()).ifPresent(s -> put(f,
					facts.fundingRemark() == null ? s.nameZh() : s.nameZh() + "（" + facts.fundingRemark() + "）",
					"资金来源"));
			put(f, facts.scale(), "项目规模");
			put(f, facts.approvalDocument(), "项目审批文件名称");
		}
		put(f, n.projectName(), "项目名称");
		put(f, t.projectRegion(), "项目所在行政区域代码");
		if (p.tenderer() != null) {
			put(f, p.tenderer().contactName(), "联系人");
			put(f, p.tenderer().contactPhone(), "联系方式");
		}
		put(f, blankToNull(t.projectApproval()), "项目审批文号");
		put(f, t.registeredAt() == null ? null : NationalExport.time(t.registeredAt()), "项目建立时间");
		put(f, t.registeredBy(), "信息录入人员");
		return f;
	}

	/** 501 招标项目. Codes the specification names but gives no list for are documented in docs/open-data.md. */
	static Map<String, Object> tenderProject(NoticeParticulars p) {
		TenderParticulars t = p.tender();
		Map<String, Object> f = new HashMap<>();
		put(f, t.projectCode(), "项目编号");
		put(f, p.tenderProjectCode(), "招标项目编号");
		put(f, t.tenderProjectName(), "招标项目名称");
		ProjectFacts facts = t.facts();
		if (facts != null) {
			put(f, facts.mustTender() == null ? null : facts.mustTender() ? "是" : "否", "是否依法必须招标");
			TenderType.of(facts.tenderType()).ifPresent(type -> put(f, type.nameZh(), "招标项目类型"));
			put(f, facts.scope(), "招标内容与范围及招标方案说明");
			put(f, facts.supervisor(), "监督部门名称");
			put(f, facts.approver(), "审核部门名称");
		}
		put(f, t.projectRegion(), "招标项目所在行政区域代码");
		if (t.tenderer() != null) {
			put(f, t.tenderer().name(), "招标人名称");
			put(f, t.tenderer().creditCode(), "招标人代码");
			put(f, category(t.tenderer().kind()), "招标人类别");
			put(f, t.tenderer().registeredRegion(), "招标人企业注册所在地");
			put(f, t.tenderer().enterpriseNature(), "招标人企业性质");
		}
		// a tender project is registered for one tenderer: the platform has no joint tendering (联合招标)
		put(f, "否", "是否联合招标");
		put(f, "招标人", "招标人角色");
		if (t.agency() != null) {
			put(f, t.agency().name(), "招标代理机构名称");
			put(f, t.agency().creditCode(), "招标代理机构代码");
			put(f, category(t.agency().kind()), "招标代理机构类别");
			put(f, "招标代理机构", "招标代理机构角色");
			put(f, t.agency().registeredRegion(), "招标代理机构企业注册所在地");
			put(f, t.agency().enterpriseNature(), "招标代理机构企业性质");
		}
		else if (t.tenderer() != null) {
			// 自行招标 (招标投标法 第十二条): the tenderer organises the tender itself, so the organiser the agency fields
			// describe is the tenderer, as the code of 513 (docs/open-data.md)
			put(f, t.tenderer().name(), "招标代理机构名称");
			put(f, t.tenderer().creditCode(), "招标代理机构代码");
			put(f, category(t.tenderer().kind()), "招标代理机构类别");
			put(f, SELF_ORGANISED, "招标代理机构角色");
			put(f, t.tenderer().registeredRegion(), "招标代理机构企业注册所在地");
			put(f, t.tenderer().enterpriseNature(), "招标代理机构企业性质");
		}
		put(f, tenderingMethod(t.procedure()), "招标方式");
		put(f, t.agency() != null ? "委托招标" : "自行招标", "招标组织形式");
		put(f, t.registeredAt() == null ? null : NationalExport.time(t.registeredAt()), "招标项目建立时间");
		put(f, t.registeredBy(), "申报责任人", "信息录入人员");
		return f;
	}

	/** 招标代理机构角色 of a tender the tenderer organises itself (自行招标): the tenderer in the organiser's place. */
	static final String SELF_ORGANISED = "招标人（自行招标）";

	/**
	 * 502 标段（包）: the section's content is the notice its tenderer drafted for it (one notice per section); a
	 * section requiring no qualification type states the statutory condition as its bidders' conditions.
	 */
	static Map<String, Object> section(NoticePublished n, NoticeParticulars p) {
		TenderParticulars t = p.tender();
		Map<String, Object> f = new HashMap<>();
		put(f, p.tenderProjectCode(), "招标项目编号");
		put(f, p.sectionCode(), "标段（包）编号");
		put(f, n.sectionName(), "标段（包）名称");
		put(f, t.round(), "标段（包）招标次数");
		put(f, tenderingMethod(t.procedure()), "标段（包）招标方式");
		put(f, blankToNull(n.body()), "标段（包）内容");
		put(f, n.category().value(), "标段（包）分类代码");
		if (n.estimatedPrice() != null) {
			put(f, n.estimatedPrice().yuan(), "标段合同估算价");
			put(f, "CNY", "标段合同估算价币种代码");
			put(f, "元", "标段合同估算价单位");
		}
		put(f, t.bidderConditions(), "投标人资格条件");
		put(f, t.sectionCreatedAt() == null ? null : NationalExport.time(t.sectionCreatedAt()), "标段(包)建立时间");
		return f;
	}

	/** 招标方式 from the section's procedure (招标投标法 第十条: 公开招标, 邀请招标); other procedures have none. */
	static String tenderingMethod(String procedure) {
		if (procedure == null) {
			return null;
		}
		return switch (procedure) {
			case "OPEN_TENDER" -> "公开招标";
			case "INVITED_TENDER" -> "邀请招标";
			default -> null;
		};
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/**
	 * The national data specification fields the notice's particulars give, by the specification's names; a value the
	 * tendering module did not capture stays out (and the uplink reports the field missing).
	 */
	static Map<String, Object> nationalFields(NoticeParticulars p) {
		Map<String, Object> f = new HashMap<>();
		if (p == null) {
			return f;
		}
		put(f, p.tenderProjectCode(), "招标项目编号", "招标编号");
		put(f, p.sectionCode(), "标段（包）编号", "相关标段（包）编号");
		// each notice of the platform is published for one section
		put(f, p.sectionCode() == null ? null : 1, "公告标段（包）数量");
		put(f, p.documentsFrom() == null ? null : NationalExport.time(p.documentsFrom()), "招标文件/资格预审文件获取时间");
		put(f, p.documentsUntil() == null ? null : NationalExport.time(p.documentsUntil()),
				"招标文件/资格预审文件获取截至时间");
		put(f, p.documentsFrom() == null ? null : DOCUMENTS_METHOD, "招标文件/资格预审文件获取方法");
		put(f, p.consortiumAllowed() == null ? null : p.consortiumAllowed() ? "是" : "否", "是否允许联合体投标");
		if (p.tenderer() != null) {
			put(f, p.tenderer().address(), "招标人地址");
			put(f, p.tenderer().contactName(), "招标人联系人");
			put(f, p.tenderer().contactPhone(), "招标人联系电话");
			put(f, p.tenderer().email(), "招标人电子邮箱");
		}
		if (p.agency() != null) {
			put(f, p.agency().creditCode(), "招标代理机构代码");
			put(f, p.agency().address(), "招标代理机构地址");
			put(f, p.agency().contactName(), "招标代理机构联系人");
			put(f, p.agency().contactPhone(), "招标代理机构联系电话");
			put(f, p.agency().email(), "招标代理机构电子邮箱");
		}
		put(f, p.publisher(), "公告发布责任人", "公示发布责任人");
		put(f, p.publicityEnds() == null ? null : NationalExport.time(p.publicityEnds()), "公示结束时间");
		if (p.winner() != null) {
			put(f, category(p.winner().kind()), "中标投标人类别");
			put(f, p.winner().registeredRegion(), "中标投标人企业注册所在地");
			put(f, p.winner().enterpriseNature(), "中标投标人企业性质");
			// the ID number only masked here: the listener asks the tendering module for it whole (award results only)
			put(f, p.winner().projectManager(), "项目负责人");
		}
		put(f, p.contractNumber(), "合同编号");
		put(f, p.contractSummary(), "合同主要内容");
		put(f, p.contractSignedAt() == null ? null : NationalExport.time(p.contractSignedAt()), "合同签署时间");
		return f;
	}

	/** Tender documents are issued only on the platform: a bidder downloads them after registering interest. */
	static final String DOCUMENTS_METHOD = "登录一网公共资源交易平台，在本标段页面登记参与后在线下载电子招标文件";

	/** 投标人类别 from the registry's entity kind (the spec file gives no code list; documented in docs/open-data.md). */
	static String category(String kind) {
		return switch (kind) {
			case "ORGANIZATION" -> "法人或其他组织";
			case "PERSON" -> "自然人";
			case "CONSORTIUM" -> "联合体";
			default -> null;
		};
	}

	private static void put(Map<String, Object> fields, Object value, String... names) {
		if (value != null) {
			for (String name : names) {
				fields.put(name, value);
			}
		}
	}

	static PublicRecord record(NoticePublished n) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("tenderer", n.tendererName(),
				n.tendererCreditCode() == null ? null : n.tendererCreditCode().value()));
		if (n.agencyName() != null && !n.agencyName().isBlank()) {
			// the agency's code travels in the particulars (records published before them name it without one)
			NoticeParticulars.Contact agency = n.particulars() == null ? null : n.particulars().agency();
			parties.add(new Party("agency", n.agencyName(), agency == null ? null : blankToNull(agency.creditCode())));
		}
		if (n.winnerName() != null && !n.winnerName().isBlank()) {
			parties.add(new Party("winner", n.winnerName(),
					n.winnerCreditCode() == null ? null : n.winnerCreditCode().value()));
		}
		return new PublicRecord(n.noticeId(), RecordType.of(n.type()), n.tradeCode().value(), n.projectName(),
				n.sectionName(), n.region().value(), n.category().value(), n.title(), n.body(),
				n.estimatedPrice() == null ? null : n.estimatedPrice().yuan(), n.amount() == null ? null : n.amount().yuan(),
				List.copyOf(parties), n.bidDeadline(), n.signedContent(), n.signature(), n.occurredAt(), null);
	}
}
