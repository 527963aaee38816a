package org.yiwang.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The portal's Lucene index on disk. Matching uses a CJK-bigram field, so any two-character term (重庆, 道路) finds
 * every record containing it; a term is matched as a phrase of its bigrams, i.e. as a substring. A lone character
 * goes to the unigram field. Ranking adds a boosted title field and the proximity of the terms. Queries are built
 * from the analysed words only, never parsed: no query syntax reaches Lucene.
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(PortalSettings.class)
class SearchIndex implements DisposableBean {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String ID = "id", TEXT_BIGRAM = "text_bi", TEXT_UNIGRAM = "text_uni", TITLE_BIGRAM = "title_bi",
			REGION = "region", CATEGORY = "category", TYPE = "type", PUBLISHED = "published", AMOUNT = "amount";

	private static final String[] FACETS = { REGION, CATEGORY, TYPE };

	private final Analyzer bigrams = new CJKAnalyzer(CharArraySet.EMPTY_SET);

	private final Analyzer unigrams = new StandardAnalyzer(CharArraySet.EMPTY_SET);

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** Batches index under the read lock, side by side; a commit or a wipe takes the write lock. */
	private final ReadWriteLock writing = new ReentrantReadWriteLock();

	/** Moves on every commit: what a reader saw is current while it has not moved. */
	private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

	private static final int INDEXERS = Math.max(1, Runtime.getRuntime().availableProcessors());

	/** Below this a batch is indexed on the caller's thread alone. */
	private static final int PARALLEL_FROM = 200;

	private final ExecutorService indexers = Executors
		.newFixedThreadPool(Math.max(1, INDEXERS - 1), runnable -> {
			Thread thread = new Thread(runnable, "portal-indexer");
			thread.setDaemon(true);
			return thread;
		});

	SearchIndex(PortalSettings settings) {
		try {
			Files.createDirectories(settings.indexDirectory());
			directory = FSDirectory.open(settings.indexDirectory());
			Analyzer perField = new PerFieldAnalyzerWrapper(bigrams, Map.of(TEXT_UNIGRAM, unigrams));
			writer = new IndexWriter(directory, new IndexWriterConfig(perField).setRAMBufferSizeMB(64));
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the portal index at " + settings.indexDirectory(), e);
		}
	}

	/**
	 * Adds or replaces the records; with {@code visibleNow}, commits and refreshes so the next search sees them. A large
	 * batch is cut in slices analysed on all cores at once (the writer takes documents from several threads); commits
	 * and {@link #deleteAll} wait for the batches in flight.
	 */
	void index(List<PublicRecord> records, boolean visibleNow) {
		writing.readLock().lock();
		try {
			int slices = records.size() < PARALLEL_FROM ? 1 : INDEXERS;
			if (slices == 1) {
				add(records);
			}
			else {
				int size = (records.size() + slices - 1) / slices;
				List<Future<?>> running = new ArrayList<>();
				for (int from = size; from < records.size(); from += size) {
					List<PublicRecord> slice = records.subList(from, Math.min(records.size(), from + size));
					running.add(indexers.submit(() -> add(slice)));
				}
				add(records.subList(0, size));
				for (Future<?> slice : running) {
					slice.get();
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while indexing", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		finally {
			writing.readLock().unlock();
		}
		if (visibleNow) {
			commit();
		}
	}

	private void add(List<PublicRecord> records) {
		try {
			for (PublicRecord record : records) {
				writer.updateDocument(new Term(ID, record.id().toString()), document(record));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void deleteAll() {
		writing.writeLock().lock();
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writing.writeLock().unlock();
		}
	}

	void commit() {
		writing.writeLock().lock();
		try {
			writer.commit();
			searchers.maybeRefreshBlocking();
			commits.incrementAndGet();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writing.writeLock().unlock();
		}
	}

	/** The number of commits so far (this process). */
	long commits() {
		return commits.get();
	}

	long size() {
		return withSearcher(s -> (long) s.getIndexReader().numDocs());
	}

	static Document document(PublicRecord r) {
		Document doc = new Document();
		doc.add(new StringField(ID, r.id().toString(), Field.Store.YES));
		String text = String.join("\n", r.title(), r.projectName(), r.sectionName(), r.tradeCode(),
				r.parties().stream().map(Party::name).collect(Collectors.joining(" ")), r.body());
		doc.add(new TextField(TEXT_BIGRAM, text, Field.Store.NO));
		doc.add(new TextField(TEXT_UNIGRAM, text, Field.Store.NO));
		doc.add(new TextField(TITLE_BIGRAM, r.title(), Field.Store.NO));
		keyword(doc, REGION, r.regionCode());
		keyword(doc, CATEGORY, r.categoryCode());
		keyword(doc, TYPE, r.type().name());
		long published = r.publishedAt().toEpochMilli();
		doc.add(new LongPoint(PUBLISHED, published));
		doc.add(new NumericDocValuesField(PUBLISHED, published));
		BigDecimal amount = r.effectiveAmount();
		if (amount != null) {
			long cents = cents(amount);
			doc.add(new LongPoint(AMOUNT, cents));
			doc.add(new NumericDocValuesField(AMOUNT, cents));
		}
		return doc;
	}

	private static void keyword(Document doc, String field, String value) {
		doc.add(new StringField(field, value, Field.Store.NO));
		doc.add(new SortedDocValuesField(field, new BytesRef(value)));
	}

	private static long cents(BigDecimal yuan) {
		return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
	}

	/** The words of a query: split at white space, at most {@link SearchRequest#MAX_TERMS}, duplicates once. */
	static List<String> terms(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(query.strip().split("[\\s\\u3000]+")).filter(t -> !t.isEmpty()).distinct()
			.limit(SearchRequest.MAX_TERMS).toList();
	}

	/**
	 * The Lucene query of a normalised request, or null when the request has words but none that can be searched
	 * (only punctuation, say).
	 */
	Query query(SearchRequest request) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		List<String> terms = terms(request.query());
		List<String> searchable = new ArrayList<>();
		for (String term : terms) {
			Query match = match(term);
			if (match == null) {
				continue;
			}
			searchable.add(term);
			query.add(match, Occur.MUST);
			Query title = new QueryBuilder(bigrams).createPhraseQuery(TITLE_BIGRAM, term);
			if (title != null) {
				query.add(new BoostQuery(title, 3f), Occur.SHOULD);
			}
		}
		if (!terms.isEmpty() && searchable.isEmpty()) {
			return null;
		}
		if (searchable.size() > 1) {
			Query near = new QueryBuilder(bigrams).createPhraseQuery(TEXT_BIGRAM, String.join(" ", searchable), 8);
			if (near != null) {
				query.add(new BoostQuery(near, 1.5f), Occur.SHOULD);
			}
		}
		if (searchable.isEmpty()) {
			query.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		filter(query, REGION, request.region());
		filter(query, CATEGORY, request.category());
		filter(query, TYPE, request.type() == null ? null : request.type().name());
		if (request.from() != null || request.to() != null) {
			long from = request.from() == null ? Long.MIN_VALUE
					: request.from().atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
			long to = request.to() == null ? Long.MAX_VALUE
					: request.to().plusDays(1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli() - 1;
			query.add(LongPoint.newRangeQuery(PUBLISHED, from, to), Occur.FILTER);
		}
		if (request.minAmount() != null || request.maxAmount() != null) {
			long min = request.minAmount() == null ? Long.MIN_VALUE : cents(request.minAmount());
			long max = request.maxAmount() == null ? Long.MAX_VALUE : cents(request.maxAmount());
			query.add(LongPoint.newRangeQuery(AMOUNT, min, max), Occur.FILTER);
		}
		return query.build();
	}

	/** One word as a substring: a phrase of its CJK bigrams, or of its characters when it has a lone one. */
	private Query match(String term) {
		boolean lone = false;
		boolean any = false;
		try (TokenStream tokens = bigrams.tokenStream(TEXT_BIGRAM, term)) {
			TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				any = true;
				lone |= CJKBigramFilter.SINGLE_TYPE.equals(type.type());
			}
			tokens.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!any) {
			return null;
		}
		return lone ? new QueryBuilder(unigrams).createPhraseQuery(TEXT_UNIGRAM, term)
				: new QueryBuilder(bigrams).createPhraseQuery(TEXT_BIGRAM, term);
	}

	private static void filter(BooleanQuery.Builder query, String field, String value) {
		if (value != null) {
			query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
		}
	}

	private static Sort sort(SearchRequest.Sort sort) {
		SortField newest = new SortField(PUBLISHED, SortField.Type.LONG, true);
		return switch (sort) {
			case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest);
			case NEWEST -> new Sort(newest);
			case OLDEST -> new Sort(new SortField(PUBLISHED, SortField.Type.LONG, false));
			case AMOUNT_DESC -> {
				SortField amount = new SortField(AMOUNT, SortField.Type.LONG, true);
				amount.setMissingValue(Long.MIN_VALUE);
				yield new Sort(amount, newest);
			}
			case AMOUNT_ASC -> {
				SortField amount = new SortField(AMOUNT, SortField.Type.LONG, false);
				amount.setMissingValue(Long.MAX_VALUE);
				yield new Sort(amount, newest);
			}
		};
	}

	/**
	 * The ids of the records on {@code page}, the exact total and the facet counts.
	 *
	 * @param query from {@link #query(SearchRequest)}
	 */
	Page search(Query query, SearchRequest.Sort sort, int page) {
		int wanted = Math.min(page * SearchRequest.PAGE_SIZE, SearchRequest.MAX_WINDOW);
		return withSearcher(searcher -> {
			var top = new TopFieldCollectorManager(sort(sort), wanted, null, Integer.MAX_VALUE, false);
			Object[] results = searcher.search(query, new MultiCollectorManager(top, new FacetCounter.Manager()));
			TopDocs docs = (TopDocs) results[0];
			FacetCounter counts = (FacetCounter) results[1];
			int start = (page - 1) * SearchRequest.PAGE_SIZE;
			List<UUID> ids = new ArrayList<>();
			var stored = searcher.storedFields();
			for (int i = start; i < docs.scoreDocs.length; i++) {
				ScoreDoc hit = docs.scoreDocs[i];
				ids.add(UUID.fromString(stored.document(hit.doc).get(ID)));
			}
			return new Page(ids, counts.hits, counts.counts());
		});
	}

	/** Whether the record matches the request (saved searches are checked against each new record). */
	boolean matches(SearchRequest request, UUID id) {
		Query query = query(request);
		if (query == null) {
			return false;
		}
		Query one = new BooleanQuery.Builder().add(query, Occur.MUST)
			.add(new TermQuery(new Term(ID, id.toString())), Occur.FILTER).build();
		return withSearcher(searcher -> searcher.count(one) > 0);
	}

	/** Exact number of matches, without collecting them. */
	long count(Query query) {
		return withSearcher(searcher -> (long) searcher.count(query));
	}

	record Page(List<UUID> ids, long total, Map<String, Map<String, Long>> facets) {
	}

	private interface SearcherWork<T> {
		T apply(IndexSearcher searcher) throws IOException;
	}

	private <T> T withSearcher(SearcherWork<T> work) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void destroy() throws IOException {
		indexers.shutdownNow();
		writing.writeLock().lock();
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		finally {
			writing.writeLock().unlock();
		}
	}

	/** Counts hits and, per facet field, hits per value (by ordinal per segment, resolved to values at the end). */
	static final class FacetCounter implements Collector {

		long hits;

		private final List<SortedDocValues[]> segmentValues = new ArrayList<>();

		private final List<long[][]> segmentCounts = new ArrayList<>();

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
			SortedDocValues[] values = new SortedDocValues[FACETS.length];
			long[][] counts = new long[FACETS.length][];
			for (int f = 0; f < FACETS.length; f++) {
				values[f] = DocValues.getSorted(context.reader(), FACETS[f]);
				counts[f] = new long[Math.max(0, values[f].getValueCount())];
			}
			segmentValues.add(values);
			segmentCounts.add(counts);
			return new LeafCollector() {
				@Override
				public void setScorer(Scorable scorer) {
				}

				@Override
				public void collect(int doc) throws IOException {
					hits++;
					for (int f = 0; f < FACETS.length; f++) {
						if (values[f].advanceExact(doc)) {
							counts[f][values[f].ordValue()]++;
						}
					}
				}
			};
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

		Map<String, Map<String, Long>> counts() throws IOException {
			Map<String, Map<String, Long>> result = new LinkedHashMap<>();
			for (int f = 0; f < FACETS.length; f++) {
				Map<String, Long> byValue = new java.util.HashMap<>();
				for (int s = 0; s < segmentValues.size(); s++) {
					long[] counts = segmentCounts.get(s)[f];
					for (int ord = 0; ord < counts.length; ord++) {
						if (counts[ord] > 0) {
							byValue.merge(segmentValues.get(s)[f].lookupOrd(ord).utf8ToString(), counts[ord], Long::sum);
						}
					}
				}
				Map<String, Long> sorted = new LinkedHashMap<>();
				byValue.entrySet().stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
					.forEach(e -> sorted.put(e.getKey(), e.getValue()));
				result.put(FACETS[f], sorted);
			}
			return result;
		}

		static final class Manager implements CollectorManager<FacetCounter, FacetCounter> {

			@Override
			public FacetCounter newCollector() {
				return new FacetCounter();
			}

			@Override
			public FacetCounter reduce(java.util.Collection<FacetCounter> collectors) {
				if (collectors.size() != 1) {
					throw new IllegalStateException("The portal searches one slice at a time");
				}
				return collectors.iterator().next();
			}
		}
	}
}
