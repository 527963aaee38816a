package org.yiwang.portal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementNoticePublished;
import org.yiwang.procurement.ProcurementResultPublished;
import org.yiwang.procurement.ProcurementStatus;

/**
 * Takes the procurement module's notices (采购公告, 单一来源公示) and results (成交结果公告, 终止公告) into the portal, with
 * the national datasets 550 采购项目 and 553 中标(成交)结果公告 for the uplink; the record's source names the method, so
 * its OCDS release states it ({@link OpenData}).
 */
@Component
class ProcurementListener {

	/** A method's OCDS procurementMethod and its Chinese name as procurementMethodDetails. */
	record Method(String ocds, String details) {
	}

	private static final String SOURCE = "procurement:";

	private final Portal portal;

	private final NationalUplink uplink;

	ProcurementListener(Portal portal, NationalUplink uplink) {
		this.portal = portal;
		this.uplink = uplink;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ProcurementNoticePublished n) {
		PublicRecord record = record(n);
		portal.receive(record, SOURCE + n.method().name(), null);
		uplink.prepare(record, NationalDataset.PURCHASE_PROJECT, n.tradeCode().value(), projectFields(n));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ProcurementResultPublished r) {
		PublicRecord record = record(r);
		portal.receive(record, SOURCE + r.method().name(), null);
		if (r.outcome() == ProcurementStatus.CONCLUDED) {
			uplink.prepare(record, NationalDataset.BID_DEAL_ANNOUNCE, r.tradeCode().value(), resultFields(r));
		}
	}

	/**
	 * The method a record's source names: a single source is {@code limited} (OCDS: the buyer contacts one supplier);
	 * negotiation, consultation and quotations invite chosen suppliers, {@code selective}. Null for other sources.
	 */
	static Method method(String source) {
		if (source == null || !source.startsWith(SOURCE)) {
			return null;
		}
		if (source.equals(FrameworkListener.SOURCE)) {
			// the first stage is an open call to every supplier (公开征集); OCDS has no method of its own for it
			return new Method("open", "框架协议采购");
		}
		ProcurementMethod method;
		try {
			method = ProcurementMethod.valueOf(source.substring(SOURCE.length()));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		return switch (method) {
			case SINGLE_SOURCE -> new Method("limited", "单一来源");
			case COMPETITIVE_NEGOTIATION -> new Method("selective", "竞争性谈判");
			case COMPETITIVE_CONSULTATION -> new Method("selective", "竞争性磋商");
			case REQUEST_FOR_QUOTATIONS -> new Method("selective", "询价");
		};
	}

	static PublicRecord record(ProcurementNoticePublished n) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("tenderer", n.purchaserName(), blankToNull(n.purchaserCreditCode())));
		return new PublicRecord(n.procurement(), RecordType.TENDER, n.tradeCode().value(), n.title(), n.title(),
				n.region().value(), n.category().value(), n.signedText().lines().findFirst().orElse(n.title()) + "：" + n.title(),
				n.signedText(), n.budget().yuan(), null, List.copyOf(parties), n.responseDeadline(), n.signedText(),
				n.signature(), n.occurredAt(), null);
	}

	/** The result's id is derived from the case's, so a redelivered event finds the record it already made. */
	static PublicRecord record(ProcurementResultPublished r) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("tenderer", r.purchaserName(), blankToNull(r.purchaserCreditCode())));
		boolean awarded = r.outcome() == ProcurementStatus.CONCLUDED;
		if (awarded) {
			parties.add(new Party("winner", r.winnerName(), blankToNull(r.winnerCreditCode())));
		}
		UUID id = UUID.nameUUIDFromBytes(("procurement-result:" + r.procurement()).getBytes(StandardCharsets.UTF_8));
		return new PublicRecord(id, awarded ? RecordType.AWARD_RESULT : RecordType.FAILED, r.tradeCode().value(), r.title(),
				r.title(), r.region().value(), r.category().value(),
				(awarded ? "成交结果公告：" : "采购终止公告：") + r.title(), r.signedText(), r.budget().yuan(),
				awarded ? r.price().yuan() : null, List.copyOf(parties), null, r.signedText(), r.signature(),
				r.occurredAt(), null);
	}

	/** 550 采购项目: what the notice states, by the specification's names. */
	static Map<String, Object> projectFields(ProcurementNoticePublished n) {
		Map<String, Object> f = new HashMap<>();
		String code = n.tradeCode().value();
		f.put("采购项目编号", code);
		f.put("采购项目子包编号", code);
		f.put("采购项目名称", n.title());
		f.put("采购项目子包名称", n.title());
		f.put("采购人名称", n.purchaserName());
		if (n.purchaserCreditCode() != null) {
			f.put("采购人代码", n.purchaserCreditCode());
		}
		f.put("采购人角色", "采购人");
		f.put("价款形式代码", NationalExport.PRICE_AS_AMOUNT);
		f.put("项目预算", n.budget().yuan());
		f.put("预算金额币种", "CNY");
		f.put("预算金额单位", "元");
		f.put("采购方式", method(SOURCE + n.method().name()).details());
		f.put("采购内容", n.requirements());
		// the purchaser registered the case on the platform itself (no agency in this module yet)
		f.put("采购组织形式", "自行组织采购");
		f.put("采购项目子包所在行政区域代码", n.region().value());
		f.put("交易发生行政区域代码", n.region().value());
		f.put("项目创建时间", NationalExport.time(n.occurredAt()));
		f.put("统一交易标识码", code);
		return f;
	}

	/** 553 中标(成交)结果公告. */
	static Map<String, Object> resultFields(ProcurementResultPublished r) {
		Map<String, Object> f = new HashMap<>();
		String code = r.tradeCode().value();
		f.put("采购项目编号", code);
		f.put("采购项目子包编号", code);
		f.put("采购项目名称", r.title());
		f.put("采购项目子包所在行政区域代码", r.region().value());
		f.put("中标（成交）供应商名称", r.winnerName());
		if (r.winnerCreditCode() != null) {
			f.put("中标（成交）供应商代码", r.winnerCreditCode());
		}
		f.put("价款形式代码", NationalExport.PRICE_AS_AMOUNT);
		f.put("中标（成交）价格", r.price().yuan());
		f.put("价格币种代码", "CNY");
		f.put("价格单位", "元");
		f.put("创建人", r.actor().username());
		return f;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
