package org.yiwang.transparency.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.yiwang.system.Refusal;
import org.yiwang.transparency.ConsistencyProof;
import org.yiwang.transparency.InclusionProof;
import org.yiwang.transparency.LogLeaf;
import org.yiwang.transparency.SignedTreeHead;
import org.yiwang.transparency.TransparencyLog;

/**
 * The log's public HTTP API, in RFC 9162's shapes (docs/transparency-log.md): no sign-in, and cacheable. Everything
 * asked for a fixed tree size never changes, so it is cached for a day; the newest tree head for a few seconds.
 * Each answer carries a strong ETag, and a matching {@code If-None-Match} gets 304.
 */
@RestController
class TransparencyController {

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(1)).cachePublic().immutable();

	private static final CacheControl FRESH = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

	private final TransparencyLog log;

	TransparencyController(TransparencyLog log) {
		this.log = log;
	}

	@GetMapping(value = "/api/transparency/log/sth", produces = "application/json")
	ResponseEntity<SignedTreeHead> latest(WebRequest request) {
		SignedTreeHead head = log.latest().orElseThrow(() -> Refusal.notFound("transparency.sth.none"));
		return cached(request, "sth-" + head.treeSize() + "-" + head.root() + "-" + head.signedAt().toEpochMilli(), FRESH,
				head);
	}

	@GetMapping(value = "/api/transparency/log/proof-by-index", produces = "application/json")
	ResponseEntity<InclusionProof> byIndex(@RequestParam(required = false) String index,
			@RequestParam(name = "tree_size", required = false) String treeSize, WebRequest request) {
		InclusionProof proof = log.inclusion(number("index", index), optionalNumber("tree_size", treeSize));
		return cached(request, "inclusion-" + proof.leaf().index() + "-" + proof.treeSize(),
				treeSize == null ? FRESH : FOREVER, proof);
	}

	@GetMapping(value = "/api/transparency/log/proof-by-hash", produces = "application/json")
	ResponseEntity<InclusionProof> byHash(@RequestParam(required = false) String hash,
			@RequestParam(name = "tree_size", required = false) String treeSize, WebRequest request) {
		InclusionProof proof = log.inclusionByHash(hash, optionalNumber("tree_size", treeSize));
		return cached(request, "inclusion-" + proof.leaf().index() + "-" + proof.treeSize(),
				treeSize == null ? FRESH : FOREVER, proof);
	}

	@GetMapping(value = "/api/transparency/log/consistency", produces = "application/json")
	ResponseEntity<ConsistencyProof> consistency(@RequestParam(required = false) String first,
			@RequestParam(required = false) String second, WebRequest request) {
		ConsistencyProof proof = log.consistency(number("first", first), number("second", second));
		return cached(request, "consistency-" + proof.first() + "-" + proof.second(), FOREVER, proof);
	}

	@GetMapping(value = "/api/transparency/log/entries", produces = "application/json")
	ResponseEntity<Map<String, List<LogLeaf>>> entries(@RequestParam(required = false) String start,
			@RequestParam(required = false) String end, WebRequest request) {
		long from = number("start", start);
		List<LogLeaf> leaves = log.leaves(from, number("end", end));
		long to = from + leaves.size();
		// a full page never changes; the log's last page grows
		boolean complete = leaves.size() == TransparencyLog.MAX_LEAVES || to < log.size() || to == number("end", end);
		return cached(request, "entries-" + from + "-" + to, complete ? FOREVER : FRESH, Map.of("entries", leaves));
	}

	/** Spring MVC answers 304 itself when a GET's {@code If-None-Match} matches the entity's ETag. */
	private static <T> ResponseEntity<T> cached(WebRequest request, String tag, CacheControl cache, T body) {
		return ResponseEntity.ok().eTag("\"" + tag + "\"").cacheControl(cache).body(body);
	}

	private static long number(String field, String text) {
		if (text == null || text.isBlank()) {
			throw Refusal.invalid(field, "transparency.parameter.missing", field);
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid(field, "transparency.parameter.number", field);
		}
	}

	private static Long optionalNumber(String field, String text) {
		return text == null || text.isBlank() ? null : number(field, text);
	}
}
