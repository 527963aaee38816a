package org.yiwang.portal;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.yiwang.auction.AuctionClosed;
import org.yiwang.auction.AuctionStatus;
import org.yiwang.auction.ListingParticulars;
import org.yiwang.auction.ListingPublished;
import org.yiwang.catalog.AuctionKind;

/**
 * Takes the auction module's listing disclosures (挂牌披露) and auction results (竞价结果) into the portal, after their
 * transaction committed, like {@link NoticeListener} does for tender notices.
 */
@Component
class AuctionListener {

	private final Portal portal;

	AuctionListener(Portal portal) {
		this.portal = portal;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ListingPublished listing) {
		portal.receive(record(listing), "auction", nationalFields(listing));
	}

	/** A sold auction is a trade result (701); one that failed is published, but no dataset applies to it. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AuctionClosed result) {
		portal.receive(record(result), "auction", result.outcome() == AuctionStatus.SOLD ? nationalFields(result) : null);
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(SearchIndex.SHANGHAI);

	/** 700 挂牌披露信息: the fields the listing's event states beyond its public record, by the specification's names. */
	static Map<String, Object> nationalFields(ListingPublished l) {
		Map<String, Object> f = new HashMap<>();
		put(f, l.title(), "项目名称", "标的名称");
		// the listing price is an amount in yuan
		put(f, NationalExport.PRICE_AS_AMOUNT, "价款形式代码");
		put(f, l.startingPrice().yuan(), "挂牌价格");
		put(f, "CNY", "价格币种代码");
		put(f, "元", "价格单位");
		put(f, l.transferorName(), "转让方名称");
		put(f, "转让方", "转让方角色");
		// what the transferor states about the transfer: the listing's text and its conditions for transferees
		put(f, l.conditions() == null || l.conditions().isBlank() ? l.text() : l.text() + "\n" + l.conditions(),
				"转让说明事项");
		ListingParticulars p = l.particulars();
		if (p != null) {
			common(f, p);
			put(f, p.assetClass(), "资产类别（实物）");
			if (p.transferor() != null) {
				put(f, p.transferor().creditCode(), "转让方代码");
				put(f, NoticeListener.category(p.transferor().kind()), "转让方类别");
			}
			if (p.publishedAt() != null && p.periodEnd() != null) {
				put(f, DAY.format(p.publishedAt()) + " 至 " + DAY.format(p.periodEnd()) + "（" + p.listingDays()
						+ (p.workingDays() ? "个工作日" : "日") + "）", "挂牌期间");
				put(f, DAY.format(p.publishedAt()), "挂牌日期");
			}
			put(f, p.autoExtend() ? "是" : "否", "是否自动延期");
		}
		return f;
	}

	/** 701 交易结果信息 of a sold auction. */
	static Map<String, Object> nationalFields(AuctionClosed a) {
		Map<String, Object> f = new HashMap<>();
		put(f, a.title(), "项目名称", "标的名称");
		put(f, a.winnerName(), "受让方名称");
		put(f, "受让方", "受让方角色");
		put(f, a.closedAt() == null ? null : DAY.format(a.closedAt()), "成交日期");
		ListingParticulars p = a.particulars();
		if (p != null) {
			common(f, p);
			put(f, p.appraisedValue() == null ? null : p.appraisedValue().yuan(), "转让标的评估值或账面净值");
			if (p.transferee() != null) {
				put(f, p.transferee().creditCode(), "受让方代码");
				put(f, NoticeListener.category(p.transferee().kind()), "受让方类别");
			}
		}
		return f;
	}

	private static void common(Map<String, Object> f, ListingParticulars p) {
		put(f, p.projectCode(), "项目编号");
		put(f, tradingMethod(p.auctionKind()), "交易方式");
	}

	/**
	 * 交易方式 (no code list in the specification files; docs/open-data.md): a listing whose period brings two or more qualified
	 * transferees goes to the online auction of its template's kind.
	 */
	static String tradingMethod(AuctionKind kind) {
		if (kind == null) {
			return null;
		}
		return switch (kind) {
			case ENGLISH -> "挂牌，网络竞价（增价）";
			case DUTCH -> "挂牌，网络竞价（降价）";
			case SEALED -> "挂牌，网络竞价（一次报价）";
		};
	}

	private static void put(Map<String, Object> fields, Object value, String... names) {
		if (value != null) {
			for (String name : names) {
				fields.put(name, value);
			}
		}
	}

	static PublicRecord record(ListingPublished l) {
		String body = l.conditions() == null || l.conditions().isBlank() ? l.text() : l.text() + "\n\n" + l.conditions();
		return new PublicRecord(l.listing(), RecordType.LISTING_DISCLOSURE, l.tradeCode().value(), l.title(), l.title(),
				l.region().value(), l.category().value(), l.title(), body, l.startingPrice().yuan(), null,
				List.of(new Party("transferor", l.transferorName(), code(l.particulars(), true))), l.periodEnd(), l.signedText(),
				l.platformSignature(), l.occurredAt(), null);
	}

	/** The result's id is derived from the listing's, so a redelivered event finds the record it already made. */
	static PublicRecord record(AuctionClosed a) {
		List<Party> parties = new ArrayList<>();
		parties.add(new Party("transferor", a.transferorName(), code(a.particulars(), true)));
		if (a.outcome() == AuctionStatus.SOLD && a.winnerName() != null) {
			parties.add(new Party("transferee", a.winnerName(), code(a.particulars(), false)));
		}
		UUID id = UUID.nameUUIDFromBytes(("auction-result:" + a.listing()).getBytes(StandardCharsets.UTF_8));
		return new PublicRecord(id, RecordType.AUCTION_RESULT, a.tradeCode().value(), a.title(), a.title(),
				a.region().value(), a.category().value(), a.title(), resultSummary(a), a.startingPrice().yuan(),
				a.finalPrice() == null ? null : a.finalPrice().yuan(), List.copyOf(parties), null, a.recordText(),
				a.platformSignature(), a.occurredAt(), null);
	}

	/**
	 * What a reader of the result sees in search snippets and on the record: sentences, not the signed record's
	 * {@code key=value} lines (which stay the record's signed content, shown and verifiable on its page).
	 */
	static String resultSummary(AuctionClosed a) {
		StringBuilder text = new StringBuilder(a.title().strip()).append("：");
		if (a.outcome() == AuctionStatus.SOLD && a.finalPrice() != null) {
			text.append("成交。起始价 ").append(a.startingPrice().yuan().toPlainString()).append(" 元，成交价 ")
				.append(a.finalPrice().yuan().toPlainString()).append(" 元");
			if (a.winnerName() != null) {
				text.append("，竞得人 ").append(a.winnerName());
			}
		}
		else {
			text.append("流拍（未成交）。起始价 ").append(a.startingPrice().yuan().toPlainString()).append(" 元");
		}
		text.append("；共 ").append(a.bids()).append(" 次有效报价；转让方 ").append(a.transferorName()).append("。");
		return text.toString();
	}

	/** The transferor's (or the buyer's) credit code from the particulars; null for a person or an older event. */
	private static String code(ListingParticulars p, boolean transferor) {
		ListingParticulars.Party party = p == null ? null : transferor ? p.transferor() : p.transferee();
		return party == null || party.creditCode() == null || party.creditCode().isBlank() ? null : party.creditCode();
	}
}
