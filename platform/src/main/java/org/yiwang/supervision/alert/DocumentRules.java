package org.yiwang.supervision.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidFilesRecorded;
import org.yiwang.tendering.OpenedBidContents;
import org.yiwang.tendering.OpenedBidFiles;

/**
 * Bid documents of different bidders made by the same hand (招标投标法实施条例 第四十条: 不同投标人的投标文件由同一单位或者
 * 个人编制; 不同投标人的投标文件异常一致): the same author or last editor in the files' metadata
 * ({@code SAME_DOCUMENT_AUTHOR}), or texts whose MinHash estimate of Jaccard similarity reaches a threshold, or equal
 * files ({@code NEAR_DUPLICATE_BIDS}). Only opened bids: tendering tells when an opened bid's files are recorded (the
 * committee's first read), and only then does the platform read them. Each file's metadata and signature are kept
 * ({@code supervision.bid_documents}), never its text.
 */
@Component
class DocumentRules {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Files larger than this are not screened (a scanned annex says nothing about its text). */
	static final int MAX_BYTES = 50 * 1024 * 1024;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	private final Alerts alerts;

	private final TransactionRules trades;

	private final OpenedBidFiles files;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final double threshold;

	private final Set<String> ignoredAuthors;

	DocumentRules(Alerts alerts, TransactionRules trades, OpenedBidFiles files, JdbcClient jdbc,
			TransactionTemplate transactions,
			@Value("${yiwang.supervision.near-duplicate-similarity:0.8}") double threshold,
			@Value("${yiwang.supervision.document-author-ignored:administrator,admin,user,microsoft office user,微软用户,作者}") Set<String> ignoredAuthors) {
		this.alerts = alerts;
		this.trades = trades;
		this.files = files;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.threshold = threshold;
		this.ignoredAuthors = ignoredAuthors.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
	}

	/** One opened bid document, as the screen needs it. */
	record BidDocument(UUID bid, String bidder, String bidderName, int position, String name, String sha256,
			byte[] content) {
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BidFilesRecorded recorded) {
		List<BidDocument> documents = new ArrayList<>();
		for (OpenedBidContents.File f : recorded.files()) {
			if (f.priceSheet() || f.size() == 0 || f.size() > MAX_BYTES) {
				continue;
			}
			Optional<InputStream> content = RegionScopes.callAsPlatform(() -> files.recordedContent(recorded.bid(),
					f.position()));
			if (content.isEmpty()) {
				continue;
			}
			try (InputStream in = content.get()) {
				documents.add(new BidDocument(recorded.bid(), recorded.bidder(), recorded.bidderName(), f.position(),
						f.name(), f.sha256(), in.readNBytes(MAX_BYTES)));
			}
			catch (IOException e) {
				throw new UncheckedIOException("Opened file " + f.position() + " of bid " + recorded.bid(), e);
			}
		}
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(
				s -> screen(recorded.section().value(), recorded.round(), recorded.region().value(), documents)));
	}

	/** Records each document's fingerprint, then compares the section round's documents across bidders. */
	void screen(UUID section, int round, String region, List<BidDocument> documents) {
		for (BidDocument d : documents) {
			DocumentFingerprint f = DocumentFingerprint.of(d.name(), d.content());
			jdbc.sql("""
					INSERT INTO supervision.bid_documents (bid_id, position, section_id, round, region_code, bidder,
					  bidder_name, file_name, sha256, author, last_modified_by, creator, producer, created_at, modified_at,
					  shingles, min_hash)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(d.bid(), d.position(), section, round, region, d.bidder(), d.bidderName(), d.name(), d.sha256(),
						f.author(), f.lastModifiedBy(), f.creator(), f.producer(), ts(f.created()), ts(f.modified()),
						f.shingles(), DocumentFingerprint.bytes(f.minHash()))
				.update();
		}
		List<Stored> all = jdbc.sql("""
				SELECT bid_id, bidder, bidder_name, file_name, sha256, author, last_modified_by, creator, created_at,
				  shingles, min_hash FROM supervision.bid_documents WHERE section_id = ? AND round = ?
				ORDER BY bidder, position""").params(section, round)
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
					rs.getInt(10), DocumentFingerprint.signature(rs.getBytes(11))))
			.list();
		sameAuthor(section, round, all);
		nearDuplicates(section, round, all);
	}

	private record Stored(UUID bid, String bidder, String bidderName, String file, String sha256, String author,
			String lastModifiedBy, String creator, Instant created, int shingles, long[] minHash) {

		String describe() {
			return "%s「%s」（作者 author %s，最后修改 last modified by %s，生成工具 tool %s，创建 created %s）".formatted(
					bidderName, file, or(author), or(lastModifiedBy), or(creator),
					created == null ? "—" : TIME.format(created) + "（北京时间）");
		}

		private static String or(String value) {
			return value == null ? "—" : value;
		}
	}

	/** Per person named as author or last editor: the files of two or more bidders naming them. */
	private void sameAuthor(UUID section, int round, List<Stored> all) {
		Map<String, List<Stored>> byPerson = new TreeMap<>();
		for (Stored s : all) {
			for (String person : new String[] { s.author(), s.lastModifiedBy() }) {
				if (person != null && !ignoredAuthors.contains(person.strip().toLowerCase(Locale.ROOT))) {
					List<Stored> list = byPerson.computeIfAbsent(person.strip(), p -> new ArrayList<>());
					if (!list.contains(s)) {
						list.add(s);
					}
				}
			}
		}
		byPerson.forEach((person, files) -> {
			long bidders = files.stream().map(Stored::bidder).distinct().count();
			if (bidders < 2) {
				return;
			}
			raise("SAME_DOCUMENT_AUTHOR", section + ":" + round + ":" + person.toLowerCase(Locale.ROOT), section,
					String.format(Locale.ROOT, "%d 个投标人的投标文件署名同一作者或最后修改人「%s」（实施条例第四十条） "
							+ "files of %d bidders name the same author or last editor:%n%s", bidders, person, bidders,
							files.stream().map(Stored::describe).collect(Collectors.joining("\n"))));
		});
	}

	/** Pairs of files of different bidders: equal, or estimated alike at or above the threshold. */
	private void nearDuplicates(UUID section, int round, List<Stored> all) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (int i = 0; i < all.size(); i++) {
			for (int j = i + 1; j < all.size(); j++) {
				Stored a = all.get(i);
				Stored b = all.get(j);
				if (a.bidder().equals(b.bidder()) || a.shingles() < 20 || b.shingles() < 20) {
					continue;
				}
				boolean identical = a.sha256().equals(b.sha256());
				double similarity = identical ? 1.0 : DocumentFingerprint.similarity(a.minHash(), b.minHash());
				if (!identical && (!DocumentFingerprint.shareBand(a.minHash(), b.minHash()) || similarity < threshold)) {
					continue;
				}
				String key = a.bidder().compareTo(b.bidder()) < 0 ? a.bidder() + "|" + b.bidder()
						: b.bidder() + "|" + a.bidder();
				pairs.merge(key, line(a, b, similarity, identical), (x, y) -> x + "\n" + y);
			}
		}
		pairs.forEach((key, lines) -> raise("NEAR_DUPLICATE_BIDS", section + ":" + round + ":" + key, section,
				String.format(Locale.ROOT, "不同投标人的投标文件异常一致（实施条例第四十条），相似度阈值 %.0f%% "
						+ "bid documents of different bidders are near-identical (threshold %.0f%%):%n%s", threshold * 100,
						threshold * 100, lines)));
	}

	private static String line(Stored a, Stored b, double similarity, boolean identical) {
		return String.format(Locale.ROOT, "%s ↔ %s：%s similarity %.0f%%", a.describe(), b.describe(),
				identical ? "文件完全相同 identical files," : "文本相似度（MinHash 估计的 Jaccard）", similarity * 100);
	}

	private void raise(String rule, String key, UUID section, String evidence) {
		trades.tradeOfSection(section).ifPresent(t -> alerts.raise(new Alerts.Finding(rule, rule + ":" + key, section,
				t.tradeCode(), t.subject(), t.region(), t.category(), evidence.length() > Alerts.MAX_TEXT * 4
						? evidence.substring(0, Alerts.MAX_TEXT * 4) : evidence)));
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
