package org.yiwang.portal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.lucene.search.Query;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.evaluation.ExpertDraws;
import org.yiwang.evaluation.RevealedDraw;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.RegionView;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

/**
 * The portal: every public record of every region and category, searched, faceted and shown at a stable address,
 * with a check of the platform's signature. Public; nobody needs to sign in.
 */
@Service
public class Portal {

	private final PublishedRecords records;

	private final SearchIndex index;

	private final SavedSearches savedSearches;

	private final IndexRebuild rebuild;

	private final Catalog catalog;

	private final PlatformKeys platformKeys;

	private final TransactionTemplate transactions;

	private final NationalUplink uplink;

	private final ExpertDraws expertDraws;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final org.springframework.beans.factory.ObjectProvider<LogHeads> logHeads;

	Portal(PublishedRecords records, SearchIndex index, SavedSearches savedSearches, IndexRebuild rebuild, Catalog catalog,
			PlatformKeys platformKeys, TransactionTemplate transactions, NationalUplink uplink, ExpertDraws expertDraws,
			org.springframework.context.ApplicationEventPublisher events,
			org.springframework.beans.factory.ObjectProvider<LogHeads> logHeads) {
		this.events = events;
		this.logHeads = logHeads;
		this.uplink = uplink;
		this.expertDraws = expertDraws;
		this.records = records;
		this.index = index;
		this.savedSearches = savedSearches;
		this.rebuild = rebuild;
		this.catalog = catalog;
		this.platformKeys = platformKeys;
		this.transactions = transactions;
	}

	/**
	 * Records a published record, makes it searchable at once and tells the saved searches it matches. Safe to call
	 * again with the same record (events come at least once).
	 */
	void receive(PublicRecord record, String source) {
		receive(record, source, java.util.Map.of());
	}

	/**
	 * The same, with the national data specification fields the publishing module captured beyond the record
	 * ({@code nationalFields}, by the specification's field names), for the record's uplink export; null when no
	 * national dataset applies to the record (it is then not exported).
	 */
	void receive(PublicRecord record, String source, Map<String, Object> nationalFields) {
		// A record new to the portal is announced in the transaction that stores it (issue 24: the transparency log).
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
			if (records.add(record, source)) {
				events.publishEvent(new RecordPublished(record.id(), record.type(), record.tradeCode(),
						org.yiwang.kernel.Sha256.hex(record.signedContent()), record.publishedAt()));
			}
		}));
		PublicRecord stored = RegionScopes.callAsPlatform(() -> transactions.execute(s -> records.find(record.id())))
			.orElseThrow();
		index.index(List.of(stored), true);
		savedSearches.notifyMatches(stored);
		uplink.prepare(stored, nationalFields);
	}

	/** The transparency log's newest signed tree head, shown on the portal's pages (issue 24); empty without one. */
	public java.util.Optional<LogHeads.LogHead> latestLogHead() {
		return logHeads.stream().flatMap(h -> h.latest().stream()).findFirst();
	}

	/** One page of results. Never fails on odd input: what it adjusted is in {@link SearchResult#notes()}. */
	public SearchResult search(SearchRequest raw) {
		List<String> notes = new ArrayList<>();
		SearchRequest request = checked(raw.normalized(), notes);
		Query query = index.query(request);
		if (query == null) {
			notes.add("portal.search.nothingSearchable");
			return new SearchResult(request, List.of(), 0, 1, 0, Map.of(), notes);
		}
		int page = request.page();
		int maxPage = SearchRequest.MAX_WINDOW / SearchRequest.PAGE_SIZE;
		if (page > maxPage) {
			notes.add("portal.search.pageTooDeep");
			page = maxPage;
		}
		SearchIndex.Page found = index.search(query, request.sort(), page);
		int pages = (int) Math.min(maxPage, (found.total() + SearchRequest.PAGE_SIZE - 1) / SearchRequest.PAGE_SIZE);
		if (found.total() > 0 && page > pages) {
			notes.add("portal.search.pagePastEnd");
			page = pages;
			found = index.search(query, request.sort(), page);
		}
		List<String> terms = SearchIndex.terms(request.query());
		List<SearchResult.Hit> hits = readable(found.ids()).stream()
			.map(r -> new SearchResult.Hit(r, Highlights.mark(r.title(), terms), Highlights.snippet(r.body(), terms)))
			.toList();
		return new SearchResult(request.withPage(page), hits, found.total(), page, pages, found.facets(), notes);
	}

	/** Reversed ranges are swapped (and said so); unknown regions, categories stay as asked and simply match nothing. */
	private static SearchRequest checked(SearchRequest r, List<String> notes) {
		var from = r.from();
		var to = r.to();
		if (from != null && to != null && from.isAfter(to)) {
			notes.add("portal.search.datesSwapped");
			var swap = from;
			from = to;
			to = swap;
		}
		var min = r.minAmount();
		var max = r.maxAmount();
		if (min != null && max != null && min.compareTo(max) > 0) {
			notes.add("portal.search.amountsSwapped");
			var swap = min;
			min = max;
			max = swap;
		}
		return new SearchRequest(r.query(), r.region(), r.category(), r.type(), from, to, min, max, r.sort(), r.page());
	}

	private List<PublicRecord> readable(List<UUID> ids) {
		return transactions.execute(s -> records.byIds(ids));
	}

	public Optional<PublicRecord> record(UUID id) {
		return transactions.execute(s -> records.find(id));
	}

	public List<PublicRecord> latest(int limit) {
		return transactions.execute(s -> records.latest(Math.max(1, Math.min(limit, 100))));
	}

	/**
	 * The expert draws of one section (trade code) whose verification records are public, for its public page: anyone
	 * can recompute the committee from them. None before evaluation begins.
	 */
	public List<RevealedDraw> draws(String tradeCode) {
		return expertDraws.revealedOf(tradeCode);
	}

	/** Every record of one section (trade code), oldest first: the section's public history. */
	public List<PublicRecord> history(String tradeCode) {
		return transactions.execute(s -> records.byTradeCode(tradeCode));
	}

	public long recordCount() {
		return transactions.execute(s -> records.count());
	}

	/**
	 * Checks the record's signature with the public key of the platform's SM2 certificate (published at
	 * {@code /pki/platform-certificate.pem}; it is self-signed, the anchor one trusts for the platform's own signatures).
	 */
	public SignatureCheck verifySignature(UUID id) {
		PublicRecord record = record(id).orElseThrow(() -> Refusal.notFound("portal.record.notFound"));
		var certificate = platformKeys.certificate();
		String key;
		try {
			byte[] signature = Base64.getDecoder().decode(record.signature());
			PublicKey platform = CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
				.generateCertificate(new ByteArrayInputStream(platformKeys.certificatePem().getBytes(StandardCharsets.US_ASCII)))
				.getPublicKey();
			key = SignatureAlgorithm.SM3_WITH_SM2.verify(platform,
					record.signedContent().getBytes(StandardCharsets.UTF_8), signature) ? "portal.signature.valid"
							: "portal.signature.mismatch";
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			key = "portal.signature.malformed";
		}
		return new SignatureCheck(key.equals("portal.signature.valid"), key, certificate.subject(),
				certificate.fingerprint());
	}

	public String platformCertificatePem() {
		return platformKeys.certificatePem();
	}

	/** Region codes to names in the locale, the city first; for facets and pages. */
	public Map<String, String> regionNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (RegionView region : reference().regions()) {
			names.put(region.code().value(), region.name(locale));
		}
		return names;
	}

	public Map<String, String> categoryNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (CategoryView category : reference().categories()) {
			names.put(category.code().value(), category.name(locale));
		}
		return names;
	}

	public String regionName(String code, Locale locale) {
		return regionNames(locale).getOrDefault(code, code);
	}

	public String categoryName(String code, Locale locale) {
		return categoryNames(locale).getOrDefault(code, code);
	}

	/**
	 * The catalogue's regions and categories, asked again when the catalogue changed and at most a minute later:
	 * every portal page names them, and they change rarely.
	 */
	private Reference reference() {
		Reference current = reference;
		if (current == null || current.loadedAt() < System.nanoTime() - REFERENCE_TTL_NANOS) {
			current = new Reference(catalog.regions(), catalog.categories(), System.nanoTime());
			reference = current;
		}
		return current;
	}

	private record Reference(List<RegionView> regions, List<CategoryView> categories, long loadedAt) {
	}

	private static final long REFERENCE_TTL_NANOS = 60_000_000_000L;

	private volatile Reference reference;

	@org.springframework.context.event.EventListener(org.yiwang.catalog.CatalogChanged.class)
	void catalogChanged() {
		reference = null;
	}

	/**
	 * Counts of all records per region and per category, from the index (kept a second: the home page under load
	 * asks for them at every request).
	 */
	public HomeFigures homeFigures() {
		HomeFigures current = figures;
		if (current == null || current.takenAt() < System.nanoTime() - 1_000_000_000L) {
			SearchIndex.Page all = index.search(index.query(SearchRequest.of("").normalized()), SearchRequest.Sort.NEWEST, 1);
			current = new HomeFigures(all.total(), all.facets().getOrDefault("region", Map.of()),
					all.facets().getOrDefault("category", Map.of()), System.nanoTime());
			figures = current;
		}
		return current;
	}

	private volatile HomeFigures figures;

	/** Moves whenever the index changed what it shows (for caches of pages drawn from it). */
	public long indexVersion() {
		return index.commits();
	}

	/** @param takenAt {@link System#nanoTime()} when counted */
	public record HomeFigures(long total, Map<String, Long> byRegion, Map<String, Long> byCategory, long takenAt) {
	}

	public RebuildProgress rebuildProgress() {
		return rebuild.progress();
	}

	/** Starts rebuilding the index from the database; false when a rebuild is already running. */
	public boolean rebuildIndex() {
		Actors.requireAnyRole("portal.index.forbidden", Role.PLATFORM_ADMIN);
		return rebuild.start();
	}
}
