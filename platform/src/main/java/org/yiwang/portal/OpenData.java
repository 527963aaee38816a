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

	private final PublishedRecords records;

	private final TransactionTemplate transactions;

	private final PortalSettings settings;

	private final Clock clock;

	OpenData(PublishedRecords records, TransactionTemplate transactions, PortalSettings settings, Clock clock) {
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
		return releasePackage(settings.baseUrl() + "/opendata/sections/" + tradeCode + "/releases",
				history.stream().map(this::release).toList(), null);
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
		return new FeedPage(releasePackage(uri, page.stream().map(this::release).toList(), next), next, page.size());
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
		return pkg;
	}

	/** One OCDS release for one public record: tag and stage follow the record type. */
	Map<String, Object> release(PublicRecord r) {
		Map<String, Object> release = new LinkedHashMap<>();
		String ocid = settings.ocidPrefix() + "-" + r.tradeCode();
		release.put("ocid", ocid);
		release.put("id", r.id().toString());
		release.put("date", date(r.publishedAt()));
		release.put("tag", List.of(tag(r.type())));
		release.put("initiationType", "tender");
		release.put("language", "zh");
		List<Map<String, Object>> parties = new ArrayList<>();
		Map<String, Object> buyer = null;
		for (Party party : r.parties()) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("id", partyId(party));
			p.put("name", party.name());
			if (party.creditCode() != null) {
				p.put("identifier", Map.of("scheme", "CN-USCC", "id", party.creditCode(), "legalName", party.name()));
			}
			p.put("roles", List.of(role(party.role())));
			parties.add(p);
			if (party.role().equals("tenderer")) {
				buyer = Map.of("id", p.get("id"), "name", party.name());
			}
		}
		release.put("parties", parties);
		if (buyer != null) {
			release.put("buyer", buyer);
		}
		Map<String, Object> tender = new LinkedHashMap<>();
		tender.put("id", r.tradeCode());
		tender.put("title", r.sectionName());
		tender.put("description", r.projectName());
		tender.put("status", tenderStatus(r.type()));
		if (r.estimatedPrice() != null) {
			tender.put("value", value(r.estimatedPrice()));
		}
		if (r.bidDeadline() != null) {
			tender.put("tenderPeriod", Map.of("endDate", date(r.bidDeadline())));
		}
		if (buyer != null) {
			tender.put("procuringEntity", buyer);
		}
		tender.put("documents", List.of(document(r)));
		release.put("tender", tender);
		String awardId = r.tradeCode() + "-award";
		switch (r.type()) {
			case CANDIDATES, AWARD_RESULT, AUCTION_RESULT -> {
				Map<String, Object> award = new LinkedHashMap<>();
				award.put("id", awardId);
				award.put("title", r.title());
				award.put("status", r.type() == RecordType.CANDIDATES ? "pending" : "active");
				award.put("date", date(r.publishedAt()));
				if (r.amount() != null) {
					award.put("value", value(r.amount()));
				}
				release.put("awards", List.of(award));
			}
			case CONTRACT -> {
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
			case TENDER, PREQUALIFICATION, LISTING_DISCLOSURE -> "tender";
			case CLARIFICATION, AMENDMENT -> "tenderAmendment";
			case OPENING_RECORD, FAILED -> "tenderUpdate";
			case CANCELLED -> "tenderCancellation";
			case CANDIDATES, AWARD_RESULT, AUCTION_RESULT -> "award";
			case CONTRACT -> "contract";
		};
	}

	static String tenderStatus(RecordType type) {
		return switch (type) {
			case TENDER, PREQUALIFICATION, CLARIFICATION, AMENDMENT, LISTING_DISCLOSURE -> "active";
			case FAILED -> "unsuccessful";
			case CANCELLED -> "cancelled";
			case OPENING_RECORD, CANDIDATES, AWARD_RESULT, CONTRACT, AUCTION_RESULT -> "complete";
		};
	}

	private static String documentType(RecordType type) {
		return switch (type) {
			case TENDER, PREQUALIFICATION, LISTING_DISCLOSURE -> "tenderNotice";
			case CLARIFICATION, AMENDMENT -> "clarifications";
			case CANCELLED, FAILED -> "cancellationDetails";
			case OPENING_RECORD -> "biddingDocuments";
			case CANDIDATES -> "evaluationReports";
			case AWARD_RESULT, AUCTION_RESULT -> "awardNotice";
			case CONTRACT -> "contractNotice";
		};
	}

	private static String role(String partyRole) {
		return switch (partyRole) {
			case "tenderer" -> "buyer";
			case "agency" -> "procuringEntity";
			case "transferor", "winner" -> "supplier";
			default -> "tenderer";
		};
	}

	private static String partyId(Party party) {
		return party.creditCode() != null ? "CN-USCC-" + party.creditCode()
				: party.role() + "-" + UUID.nameUUIDFromBytes(party.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static Map<String, Object> value(BigDecimal amount) {
		return Map.of("amount", amount, "currency", "CNY");
	}

	private static String date(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}
}
