package org.yiwang.portal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.Refusal;

/**
 * The public service platform's open data in OCDS 1.1.5: a release package per section (trade code) holding one
 * release per public record, and a release feed paged by a {@code since} cursor. The feed holds back records younger
 * than a watermark, so a record whose transaction committed after a younger one's is still served after the cursor
 * that passed the younger one: readers never skip a record.
 */
@Service
public class OpenData {

	public static final int MAX_FEED_PAGE = 500;

	/**
	 * The org-id.guide list code of the Unified Social Credit Code (统一社会信用代码, GB 32100-2015), the identifier scheme
	 * of every party with a credit code (docs/open-data.md).
	 */
	public static final String USCC_SCHEME = "CN-USCC";

	private final PublishedRecords records;

	private final TransactionTemplate transactions;

	private final PortalSettings settings;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<LogHeads> logHeads;

	/** Without the transparency log's head (tests of the feed alone). */
	OpenData(PublishedRecords records, TransactionTemplate transactions, PortalSettings settings, Clock clock) {
		this(records, transactions, settings, clock, null);
	}

	@org.springframework.beans.factory.annotation.Autowired
	OpenData(PublishedRecords records, TransactionTemplate transactions, PortalSettings settings, Clock clock,
			org.springframework.beans.factory.ObjectProvider<LogHeads> logHeads) {
		this.logHeads = logHeads;
		this.records = records;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/** The OCDS release package of one section: every public record of its trade code; not found when none. */
	public Map<String, Object> sectionPackage(String tradeCode) {
		List<PublicRecord> history = tradeCode == null || tradeCode.length() > 40 ? List.of()
				: transactions.execute(s -> records.byTradeCode(tradeCode));
		if (history.isEmpty()) {
			throw Refusal.notFound("portal.opendata.sectionNotFound", tradeCode);
		}
		Map<UUID, String> sources = transactions.execute(s -> records.sources(history.stream().map(PublicRecord::id).toList()));
		Extras extras = extras(history);
		return releasePackage(settings.baseUrl() + "/opendata/sections/" + tradeCode + "/releases",
				history.stream().map(r -> release(r, sources.get(r.id()), extras)).toList(), null);
	}

	/**
	 * A page of the release feed: records received after {@code since} (a cursor from a previous page's
	 * {@code next}, or null from the start) and older than the watermark.
	 */
	public FeedPage feed(String since, int limit) {
		Instant afterReceived = Instant.EPOCH;
		UUID afterId = new UUID(0, 0);
		if (since != null && !since.isBlank()) {
			String[] parts = since.strip().split("_", 2);
			try {
				afterReceived = Instant.parse(parts[0]);
				afterId = parts.length > 1 ? UUID.fromString(parts[1]) : new UUID(0, 0);
			}
			catch (DateTimeParseException | IllegalArgumentException e) {
				throw Refusal.invalid("since", "portal.opendata.badCursor");
			}
		}
		int size = Math.max(1, Math.min(limit, MAX_FEED_PAGE));
		Instant until = clock.instant().minus(settings.feedWatermark());
		Instant after = afterReceived;
		UUID afterKey = afterId;
		List<PublicRecord> page = transactions.execute(s -> records.receivedBetween(after, afterKey, until, size));
		String next = page.isEmpty() ? (since == null ? "" : since.strip())
				: page.get(page.size() - 1).receivedAt() + "_" + page.get(page.size() - 1).id();
		String uri = settings.baseUrl() + "/opendata/releases"
				+ (since == null || since.isBlank() ? "" : "?since=" + java.net.URLEncoder.encode(since.strip(), java.nio.charset.StandardCharsets.UTF_8));
		Map<UUID, String> sources = transactions.execute(s -> records.sources(page.stream().map(PublicRecord::id).toList()));
		Extras extras = extras(page);
		return new FeedPage(releasePackage(uri, page.stream().map(r -> release(r, sources.get(r.id()), extras)).toList(), next),
				next, page.size());
	}

	/**
	 * @param next the cursor to pass as {@code since} for the following page (the same when nothing new was found)
	 * @param count the number of releases in this page
	 */
	public record FeedPage(Map<String, Object> releasePackage, String next, int count) {
	}

	private Map<String, Object> releasePackage(String uri, List<Map<String, Object>> releases, String next) {
		Map<String, Object> pkg = new LinkedHashMap<>();
		pkg.put("uri", uri);
		pkg.put("version", "1.1");
		pkg.put("publishedDate", date(clock.instant()));
		pkg.put("publisher", Map.of("name", "一网公共资源交易平台 Yiwang public resource trading platform", "uri", settings.baseUrl()));
		pkg.put("license", "https://creativecommons.org/licenses/by/4.0/");
		pkg.put("releases", releases);
		// issue 24: every copy of the feed carries the transparency log's newest signed head (a witness copy)
		(logHeads == null ? java.util.stream.Stream.<LogHeads>empty() : logHeads.stream())
			.flatMap(h -> h.latest().stream()).findFirst().ifPresent(head -> {
			Map<String, Object> log = new LinkedHashMap<>();
			log.put("treeSize", head.treeSize());
			log.put("root", head.root());
			log.put("signedAt", head.signedAt().toString());
			log.put("uri", settings.baseUrl() + "/api/transparency/log/sth");
			pkg.put("transparencyLog", log);
		});
		return pkg;
	}

	/** One OCDS release for one public record: tag and stage follow the record type. */
	Map<String, Object> release(PublicRecord r) {
		return release(r, null);
	}

	/**
	 * The same, knowing the record's source: a government procurement case ({@code procurement:<method>}, from
	 * {@link ProcurementListener}) states its procurement method (OCDS {@code limited} for a single source,
	 * {@code selective} for methods inviting chosen suppliers) and the method's Chinese name as its details.
	 */
	Map<String, Object> release(PublicRecord r, String source) {
		return release(r, source, new Extras(Map.of(), Map.of()));
	}

	/** What the records' national datasets captured beyond the records: the bids and the tender notices' terms. */
	private record Extras(Map<UUID, List<PublishedRecords.BidRow>> bids, Map<UUID, String[]> terms) {
	}

	private Extras extras(List<PublicRecord> rs) {
		List<UUID> ids = rs.stream().map(PublicRecord::id).toList();
		return transactions.execute(s -> new Extras(records.bids(ids), records.tenderTerms(ids)));
	}

	private Map<String, Object> release(PublicRecord r, String source, Extras extras) {
		Map<String, Object> release = new LinkedHashMap<>();
		String ocid = settings.ocidPrefix() + "-" + r.tradeCode();
		release.put("ocid", ocid);
		release.put("id", r.id().toString());
		release.put("date", date(r.publishedAt()));
		release.put("tag", List.of(tag(r.type())));
		release.put("initiationType", "tender");
		release.put("language", "zh");
		Map<String, Map<String, Object>> parties = new LinkedHashMap<>();
		for (Party party : r.parties()) {
			Map<String, Object> p = parties.computeIfAbsent(partyId(party), id -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("id", id);
				entry.put("name", party.name());
				if (party.creditCode() != null) {
					entry.put("identifier", Map.of("scheme", USCC_SCHEME, "id", party.creditCode(), "legalName", party.name()));
				}
				entry.put("roles", new ArrayList<String>());
				return entry;
			});
			List<String> roles = cast(p.get("roles"));
			for (String role : roles(party.role(), r)) {
				if (!roles.contains(role)) {
					roles.add(role);
				}
			}
		}
		List<PublishedRecords.BidRow> bids = extras.bids().getOrDefault(r.id(), List.of());
		for (PublishedRecords.BidRow bid : bids) {
			Map<String, Object> p = parties.computeIfAbsent(bidderId(bid), id -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("id", id);
				entry.put("name", bid.name());
				if (bid.creditCode() != null) {
					entry.put("identifier", Map.of("scheme", USCC_SCHEME, "id", bid.creditCode(), "legalName", bid.name()));
				}
				entry.put("roles", new ArrayList<String>());
				return entry;
			});
			List<String> roles = cast(p.get("roles"));
			if (!roles.contains("tenderer")) {
				roles.add("tenderer");
			}
		}
		release.put("parties", List.copyOf(parties.values()));
		Map<String, Object> buyer = reference(parties, r, "tenderer");
		if (buyer != null) {
			release.put("buyer", buyer);
		}
		ProcurementListener.Method method = ProcurementListener.method(source);
		Map<String, Object> tender = new LinkedHashMap<>();
		tender.put("id", r.tradeCode());
		tender.put("title", r.sectionName());
		tender.put("description", r.projectName());
		tender.put("status", tenderStatus(r.type()));
		if (r.estimatedPrice() != null) {
			tender.put("value", value(r.estimatedPrice()));
		}
		String[] terms = extras.terms().get(r.id());
		if (r.bidDeadline() != null) {
			// the period bidders have to prepare a bid runs from when the documents can be obtained (招标投标法 第二十四条)
			Instant from = terms == null ? null : shanghaiTime(terms[0]);
			tender.put("tenderPeriod", from == null ? Map.of("endDate", date(r.bidDeadline()))
					: Map.of("startDate", date(from), "endDate", date(r.bidDeadline())));
		}
		if (terms != null && terms[1] != null && method == null) {
			// 招标投标法 第十条: 公开招标 is open to all, 邀请招标 invites chosen bidders
			if (terms[1].equals("公开招标")) {
				tender.put("procurementMethod", "open");
			}
			else if (terms[1].equals("邀请招标")) {
				tender.put("procurementMethod", "selective");
			}
		}
		// the entity managing the procedure: the agency where one runs it, else the tenderer itself (自行招标, 招标投标法
		// 第十二条); for a listing, the transferor, who sells through the trading center
		Map<String, Object> procuringEntity = reference(parties, r, "agency");
		if (procuringEntity == null) {
			procuringEntity = buyer != null ? buyer : reference(parties, r, "transferor");
		}
		if (procuringEntity != null) {
			tender.put("procuringEntity", procuringEntity);
		}
		if (method != null) {
			tender.put("procurementMethod", method.ocds());
			tender.put("procurementMethodDetails", method.details());
		}
		tender.put("documents", List.of(document(r)));
		if (!bids.isEmpty() && r.type() == RecordType.OPENING_RECORD) {
			// OCDS counts the tenderers of submitted bids; a bid taken as withdrawn was not submitted
			tender.put("numberOfTenderers", bids.stream().filter(b -> !"withdrawn".equals(b.status()))
				.map(OpenData::bidderId).distinct().count());
		}
		release.put("tender", tender);
		if (!bids.isEmpty()) {
			// the OCDS bids extension: the opening record reads every bid out; the candidates' publicity marks valid
			// the bids the committee ranked
			List<Map<String, Object>> details = new ArrayList<>();
			for (PublishedRecords.BidRow bid : bids) {
				Map<String, Object> d = new LinkedHashMap<>();
				d.put("id", bid.bid());
				Instant submitted = shanghaiTime(bid.submittedAt());
				if (submitted != null) {
					d.put("date", date(submitted));
				}
				d.put("status", bid.status());
				d.put("tenderers", List.of(Map.of("id", bidderId(bid), "name", bid.name())));
				if (bid.amount() != null) {
					d.put("value", value(bid.amount()));
				}
				details.add(d);
			}
			release.put("bids", Map.of("details", details));
		}
		String awardId = r.tradeCode() + "-award";
		switch (r.type()) {
			case CANDIDATES, AWARD_RESULT, AUCTION_RESULT, INTERMEDIARY_RESULT -> {
				Map<String, Object> award = new LinkedHashMap<>();
				award.put("id", awardId);
				award.put("title", r.title());
				award.put("status", r.type() == RecordType.CANDIDATES ? "pending" : "active");
				award.put("date", date(r.publishedAt()));
				if (r.amount() != null) {
					award.put("value", value(r.amount()));
				}
				// the winner supplies the works, goods or services; a transferee buys, so it is no supplier
				Map<String, Object> supplier = r.type() == RecordType.AUCTION_RESULT ? null : reference(parties, r, "winner");
				if (supplier != null) {
					award.put("suppliers", List.of(supplier));
				}
				release.put("awards", List.of(award));
			}
			case CONTRACT, INTERMEDIARY_CONTRACT -> {
				Map<String, Object> contract = new LinkedHashMap<>();
				contract.put("id", r.tradeCode() + "-contract");
				contract.put("awardID", awardId);
				contract.put("title", r.title());
				contract.put("status", "active");
				contract.put("dateSigned", date(r.publishedAt()));
				if (r.amount() != null) {
					contract.put("value", value(r.amount()));
				}
				release.put("contracts", List.of(contract));
			}
			default -> {
			}
		}
		return release;
	}

	private Map<String, Object> document(PublicRecord r) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("id", r.id().toString());
		doc.put("documentType", documentType(r.type()));
		doc.put("title", r.title());
		doc.put("url", settings.baseUrl() + "/notices/" + r.id());
		doc.put("datePublished", date(r.publishedAt()));
		doc.put("format", "text/html");
		doc.put("language", "zh");
		return doc;
	}

	static String tag(RecordType type) {
		return switch (type) {
			case TENDER, PREQUALIFICATION, LISTING_DISCLOSURE, INTERMEDIARY_REQUEST -> "tender";
			case CLARIFICATION, AMENDMENT -> "tenderAmendment";
			case OPENING_RECORD, FAILED -> "tenderUpdate";
			case CANCELLED -> "tenderCancellation";
			case CANDIDATES, AWARD_RESULT, AUCTION_RESULT, INTERMEDIARY_RESULT -> "award";
			case CONTRACT, INTERMEDIARY_CONTRACT -> "contract";
		};
	}

	static String tenderStatus(RecordType type) {
		return switch (type) {
			case TENDER, PREQUALIFICATION, CLARIFICATION, AMENDMENT, LISTING_DISCLOSURE, INTERMEDIARY_REQUEST -> "active";
			case FAILED -> "unsuccessful";
			case CANCELLED -> "cancelled";
			case OPENING_RECORD, CANDIDATES, AWARD_RESULT, CONTRACT, AUCTION_RESULT, INTERMEDIARY_RESULT,
					INTERMEDIARY_CONTRACT -> "complete";
		};
	}

	private static String documentType(RecordType type) {
		return switch (type) {
			case TENDER, PREQUALIFICATION, LISTING_DISCLOSURE, INTERMEDIARY_REQUEST -> "tenderNotice";
			case CLARIFICATION, AMENDMENT -> "clarifications";
			case CANCELLED, FAILED -> "cancellationDetails";
			case OPENING_RECORD -> "biddingDocuments";
			case CANDIDATES -> "evaluationReports";
			case AWARD_RESULT, AUCTION_RESULT, INTERMEDIARY_RESULT -> "awardNotice";
			case CONTRACT, INTERMEDIARY_CONTRACT -> "contractNotice";
		};
	}

	/**
	 * The OCDS party roles (codelist partyRole) of a party of the record. The tenderer pays for what is procured: buyer;
	 * it manages the procedure itself too (procuringEntity) when no agency runs it. The agency manages it:
	 * procuringEntity. The winner submitted a tender and, once awarded, supplies: tenderer and supplier. A listing is a
	 * sale, for which OCDS has no seller role: the transferor runs the disposal through the trading center (the entity
	 * managing the contracting process, procuringEntity) and receives the price (payee); it buys nothing (no buyer) and
	 * supplies nothing to a public body (no supplier). The transferee submitted the winning bid (tenderer) and pays the
	 * price (payer).
	 */
	static List<String> roles(String partyRole, PublicRecord r) {
		return switch (partyRole) {
			case "tenderer" -> r.party("agency") == null ? List.of("buyer", "procuringEntity") : List.of("buyer");
			case "agency" -> List.of("procuringEntity");
			case "winner" -> List.of("tenderer", "supplier");
			case "transferor" -> List.of("procuringEntity", "payee");
			case "transferee" -> List.of("tenderer", "payer");
			default -> List.of("tenderer");
		};
	}

	/** The organization reference (id and name) of the record's party of that role, or null. */
	private static Map<String, Object> reference(Map<String, Map<String, Object>> parties, PublicRecord r, String role) {
		Party party = r.party(role);
		if (party == null) {
			return null;
		}
		Map<String, Object> p = parties.get(partyId(party));
		return Map.of("id", p.get("id"), "name", p.get("name"));
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

	private static String bidderId(PublishedRecords.BidRow bid) {
		return bid.creditCode() != null ? USCC_SCHEME + "-" + bid.creditCode()
				: "tenderer-" + UUID.nameUUIDFromBytes(String.valueOf(bid.name() == null ? bid.bid() : bid.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** A time as the national datasets hold it (yyyy-MM-dd HH:mm:ss, Beijing time); null when absent or unreadable. */
	private static Instant shanghaiTime(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return java.time.LocalDateTime.parse(text.strip().replace(' ', 'T')).atZone(SearchIndex.SHANGHAI).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String partyId(Party party) {
		return party.creditCode() != null ? USCC_SCHEME + "-" + party.creditCode()
				: party.role() + "-" + UUID.nameUUIDFromBytes(party.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static Map<String, Object> value(BigDecimal amount) {
		return Map.of("amount", amount, "currency", "CNY");
	}

	private static String date(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
