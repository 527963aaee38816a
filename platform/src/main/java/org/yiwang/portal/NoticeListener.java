package org.yiwang.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.tendering.AwardDesk;
import org.yiwang.tendering.NoticeParticulars;
import org.yiwang.tendering.NoticeType;
import org.yiwang.tendering.NoticePublished;

/**
 * Takes each notice the tendering module publishes into the portal, after the publishing transaction committed (the
 * JDBC publication registry redelivers it after a crash). No transaction is opened here: the portal's writes run in
 * the platform's scope, which must be set before their transaction starts.
 */
@Component
class NoticeListener {

	private final Portal portal;

	private final AwardDesk awards;

	NoticeListener(Portal portal, AwardDesk awards) {
		this.portal = portal;
		this.awards = awards;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NoticePublished notice) {
		Map<String, Object> fields = nationalFields(notice.particulars());
		// the event carries the project manager's ID number masked; the national platform asks it whole (513)
		if (notice.type() == NoticeType.AWARD_RESULT && fields.containsKey("项目负责人")) {
			awards.winnerProjectManagerIdNumber(notice.noticeId()).ifPresent(id -> fields.put("项目负责人身份证号码", id));
		}
		portal.receive(record(notice), "tendering", fields);
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

	/** 投标人类别 from the registry's entity kind (the spec file gives no code list; documented in the README). */
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
			parties.add(new Party("agency", n.agencyName(), null));
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
