package org.yiwang.transparency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.audit.AuditLog;
import org.yiwang.audit.ChainHead;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.TimestampAuthority;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;
import org.yiwang.transparency.Leaves.Pending;
import org.yiwang.transparency.LogTree.Node;

/**
 * The transparency log's entry point. Facts arrive from events ({@link #take}) and wait; the one sequencer
 * ({@link #signTreeHead}, every few seconds and on demand) merges them in arrival order under a lock on the log's size
 * row, stores each newly complete subtree, checkpoints the audit chain's head, and signs the new tree head with the
 * platform SM2 key and an RFC 3161 timestamp. Proofs read O(log n) stored subtrees.
 */
@Service
@EnableConfigurationProperties(TransparencySettings.class)
public class TransparencyLog {

	/** At most this many leaves are returned by one {@link #leaves} call. */
	public static final int MAX_LEAVES = 1000;

	static final String CHECKPOINT = "audit-checkpoint";

	private static final int MERGE_BATCH = 5_000;

	private static final HexFormat HEX = HexFormat.of();

	private final Leaves leaves;

	private final TreeHeads heads;

	private final PlatformKeys keys;

	private final TimestampAuthority timestamps;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final TransparencySettings settings;

	private final Clock clock;

	TransparencyLog(Leaves leaves, TreeHeads heads, PlatformKeys keys, TimestampAuthority timestamps, AuditLog audit,
			TransactionTemplate transactions, TransparencySettings settings, Clock clock) {
		this.leaves = leaves;
		this.heads = heads;
		this.keys = keys;
		this.timestamps = timestamps;
		this.audit = audit;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/** Takes a fact in, in the caller's transaction; it is in a signed tree head within the maximum merge delay. */
	void take(String kind, String identifier, String contentSha256) {
		if (identifier.contains("\n") || kind.contains("\n")) {
			throw new IllegalArgumentException("A log identifier is one line");
		}
		leaves.queue(kind, identifier, HEX.parseHex(contentSha256), clock.instant());
	}

	public long mergeDelaySeconds() {
		return settings.mergeDelaySeconds();
	}

	/**
	 * Merges every fact waiting, checkpoints the audit chain when its head moved, and signs a tree head when the tree
	 * grew, when the newest head is older than the tree-head interval, or when {@code force} asks for one. Answers the
	 * newest signed tree head.
	 */
	public SignedTreeHead signTreeHead(boolean force) {
		// the platform keys are loaded (created on a fresh database) outside the writer's transaction: a ticker may run
		// before the start-up that creates them, and the key vault opens its own transaction
		keys.certificatePem();
		return RegionScopes.callAsPlatform(() -> {
			mergePending();
			ChainHead chain = audit.head();
			return transactions.execute(s -> {
				long size = leaves.lockSize();
				boolean grew = false;
				if (chain.seq() > 0 && leaves.latestCheckpoint()
					.map(c -> Long.parseLong(c.identifier().substring("audit:".length())) < chain.seq())
					.orElse(true)) {
					leaves.queue(CHECKPOINT, "audit:" + chain.seq(), HEX.parseHex(chain.hash()), clock.instant());
					merge();
					size = leaves.size();
				}
				Optional<SignedTreeHead> latest = heads.latest();
				grew = latest.map(h -> h.treeSize() != leaves.size()).orElse(true);
				Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
				boolean stale = latest
					.map(h -> !h.signedAt().plusSeconds(settings.treeHeadSeconds()).isAfter(now))
					.orElse(true);
				if (!grew && !stale && !force) {
					return latest.get();
				}
				return sign(size, now);
			});
		});
	}

	/** Merges every fact waiting into the log, a batch at a time, each batch in its own transaction. */
	void mergePending() {
		RegionScopes.runAsPlatform(() -> {
			while (Boolean.TRUE.equals(transactions.execute(s -> merge()))) {
				// until none waits
			}
		});
	}

	private SignedTreeHead sign(long size, Instant now) {
		byte[] root = LogTree.compute(nodes -> LogTree.root(size, nodes), leaves::nodes);
		String text = SignedTreeHead.text(size, HEX.formatHex(root), now);
		SignedTreeHead unsigned = new SignedTreeHead(size, HEX.formatHex(root), now, text, null, null,
				settings.mergeDelaySeconds());
		byte[] signature = keys.sign(unsigned.bytes());
		byte[] token = timestamps.timestamp(LogTree.sha256().digest(unsigned.bytes()));
		SignedTreeHead head = new SignedTreeHead(size, unsigned.root(), now, text,
				Base64.getEncoder().encodeToString(signature), Base64.getEncoder().encodeToString(token),
				settings.mergeDelaySeconds());
		heads.add(head, root, signature, token);
		return head;
	}

	/** One batch of waiting facts into the log, under the writer's lock; true when some were waiting. */
	private boolean merge() {
		long size = leaves.lockSize();
		List<Pending> facts = leaves.pending(MERGE_BATCH);
		if (facts.isEmpty()) {
			return false;
		}
		Set<String> logged = leaves.alreadyLogged(facts);
		Map<Integer, byte[]> frontier = frontier(size);
		List<LogLeaf> added = new ArrayList<>();
		Map<Node, byte[]> completed = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>(logged);
		for (Pending fact : facts) {
			if (!seen.add(fact.kind() + " " + fact.identifier())) {
				continue;
			}
			String content = HEX.formatHex(fact.contentHash());
			String time = LogLeaf.time(fact.receivedAt());
			byte[] leafHash = LogTree.leafHash(LogLeaf.canonical(fact.kind(), fact.identifier(), content, time));
			added.add(new LogLeaf(size, fact.kind(), fact.identifier(), content, time, HEX.formatHex(leafHash)));
			append(size, leafHash, frontier, completed);
			size++;
		}
		leaves.insertLeaves(added);
		leaves.insertNodes(completed);
		leaves.removePending(facts);
		leaves.setSize(size);
		return true;
	}

	/**
	 * Appends leaf {@code index}: each time it completes a subtree (the index is odd at that level), the subtree's hash
	 * is its left sibling's (the newest complete subtree of that level) and its own, one level up.
	 */
	static void append(long index, byte[] leafHash, Map<Integer, byte[]> frontier, Map<Node, byte[]> completed) {
		byte[] hash = leafHash;
		int level = 0;
		long at = index;
		while ((at & 1) == 1) {
			hash = LogTree.nodeHash(frontier.get(level), hash);
			level++;
			at >>= 1;
			completed.put(new Node(level, at), hash);
		}
		frontier.put(level, hash);
	}

	/** The newest complete subtree of each level that a tree of {@code size} leaves holds unpaired. */
	private Map<Integer, byte[]> frontier(long size) {
		Map<Integer, Node> wanted = new HashMap<>();
		for (int level = 0; level < 63; level++) {
			if ((size >> level & 1) == 1) {
				wanted.put(level, new Node(level, (size >> level) - 1));
			}
		}
		Map<Node, byte[]> stored = leaves.nodes(new HashSet<>(wanted.values()));
		Map<Integer, byte[]> frontier = new HashMap<>();
		wanted.forEach((level, node) -> {
			byte[] hash = stored.get(node);
			if (hash == null) {
				throw new IllegalStateException("The log misses its subtree " + node);
			}
			frontier.put(level, hash);
		});
		return frontier;
	}

	/** The newest signed tree head; empty before the first one. */
	public Optional<SignedTreeHead> latest() {
		return read(heads::latest);
	}

	public List<SignedTreeHead> recentTreeHeads(int limit) {
		return read(() -> heads.recent(Math.max(1, Math.min(limit, 100))));
	}

	/** The audit path of leaf {@code index} in the tree of {@code treeSize} leaves (the newest head's size when null). */
	public InclusionProof inclusion(long index, Long treeSize) {
		return read(() -> {
			long size = size(treeSize, "tree_size");
			if (index < 0 || index >= size) {
				throw Refusal.invalid("index", "transparency.index.range", index, size);
			}
			LogLeaf leaf = leaves.range(index, index + 1).get(0);
			return new InclusionProof(leaf, size, hex(LogTree.compute(n -> LogTree.inclusion(index, size, n),
					leaves::nodes)));
		});
	}

	/** The same, for the leaf whose leaf hash or content hash (64 hex) this is. */
	public InclusionProof inclusionByHash(String hash, Long treeSize) {
		byte[] wanted = hash(hash, "hash");
		LogLeaf leaf = read(() -> leaves.byHash(wanted))
			.orElseThrow(() -> Refusal.notFound("transparency.leaf.notFound", hash));
		return inclusion(leaf.index(), treeSize);
	}

	/** The leaf of a fact by its kind and public identifier (a record's id, {@code batch:7/leaf:3}). */
	public Optional<LogLeaf> leaf(String kind, String identifier) {
		return read(() -> leaves.byIdentifier(kind, identifier));
	}

	/** RFC 9162 consistency proof between the trees of {@code first} and {@code second} leaves. */
	public ConsistencyProof consistency(long first, long second) {
		return read(() -> {
			long size = leaves.size();
			if (second < 1 || second > size) {
				throw Refusal.invalid("second", "transparency.size.range", second, size);
			}
			if (first < 1 || first > second) {
				throw Refusal.invalid("first", "transparency.first.range", first, second);
			}
			return new ConsistencyProof(first, second, hex(LogTree.compute(n -> LogTree.consistency(first, second, n),
					leaves::nodes)));
		});
	}

	/** Leaves [start, end), at most {@link #MAX_LEAVES}. */
	public List<LogLeaf> leaves(long start, long end) {
		return read(() -> {
			long size = leaves.size();
			if (start < 0 || start >= size) {
				throw Refusal.invalid("start", "transparency.start.range", start, size);
			}
			if (end <= start) {
				throw Refusal.invalid("end", "transparency.end.range", end, start);
			}
			return leaves.range(start, Math.min(Math.min(end, size), start + MAX_LEAVES));
		});
	}

	/**
	 * Recomputes the whole log (issue 24's auditor): every signed tree head's signature, every leaf hash from the
	 * leaf's fields, no gap, each signed root rebuilt from the leaves, and every stored subtree from its children.
	 */
	public LogVerification verify() {
		String certificate = keys.certificatePem();
		return read(() -> {
			LogCheck check = new LogCheck(certificate);
			heads.forEach(check::head);
			leaves.forEachLeaf(check::leaf);
			LogVerification result = check.result();
			if (!result.intact()) {
				return result;
			}
			Node bad = leaves.firstBadNode(leaves.size());
			if (bad != null) {
				return new LogVerification(false, result.leavesChecked(), result.treeHeadsChecked(),
						bad.index() << bad.level(), "transparency.broken.node");
			}
			if (leaves.size() != result.leavesChecked()) {
				return new LogVerification(false, result.leavesChecked(), result.treeHeadsChecked(),
						result.leavesChecked(), "transparency.broken.gap");
			}
			return result;
		});
	}

	/** The newest checkpoint of the audit chain's head in the log: identifier {@code audit:<seq>}, content its hash. */
	public Optional<LogLeaf> latestCheckpoint() {
		return read(leaves::latestCheckpoint);
	}

	/** How many leaves the log holds (signed or not yet). */
	public long size() {
		return read(leaves::size);
	}

	/** Facts waiting longer than the maximum merge delay: the log is breaking its promise. */
	public boolean mergeDelayExceeded() {
		return read(() -> leaves.oldestPending()
			.map(oldest -> Duration.between(oldest, clock.instant()).getSeconds() > settings.mergeDelaySeconds())
			.orElse(false));
	}

	private long size(Long treeSize, String field) {
		long latest = heads.latest().map(SignedTreeHead::treeSize).orElse(0L);
		long size = treeSize == null ? latest : treeSize;
		if (size < 1 || size > leaves.size()) {
			throw Refusal.invalid(field, "transparency.size.range", size, leaves.size());
		}
		return size;
	}

	static byte[] hash(String text, String field) {
		if (text == null || !text.strip().matches("[0-9a-fA-F]{64}")) {
			throw Refusal.invalid(field, "transparency.hash.format");
		}
		return HEX.parseHex(text.strip().toLowerCase());
	}

	private static List<String> hex(List<byte[]> hashes) {
		return hashes.stream().map(HEX::formatHex).toList();
	}

	private <T> T read(java.util.function.Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> work.get()));
	}
}
