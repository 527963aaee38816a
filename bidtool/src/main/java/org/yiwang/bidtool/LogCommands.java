package org.yiwang.bidtool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.bidtool.BidTool.Arguments;
import org.yiwang.bidtool.BidTool.UsageException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transparency log's independent checks (docs/transparency-log.md): {@code verify-inclusion} and
 * {@code verify-consistency} offline from files downloaded from the log's API, and {@code monitor-log}, a monitor
 * and witness that follows the log over HTTP, keeps the last head it verified in a state file, and alerts on a fork
 * (a consistency proof that fails, a head of the same size with another root), a gap (leaves missing or out of order)
 * or a rollback (a head smaller than one already seen).
 */
final class LogCommands {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PrintStream out;

	private final PrintStream err;

	LogCommands(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int verifyInclusion(Arguments a) throws IOException, UsageException {
		PublicKey platform = platformKey(a);
		JsonNode sth = json(a.path("--sth"));
		JsonNode proof = json(a.path("--proof"));
		List<String> problems = new ArrayList<>();
		try {
			LogProofs.TreeHead head = LogProofs.treeHead(sth, platform, problems);
			JsonNode leaf = proof.path("leaf");
			byte[] leafHash = LogProofs.leafHash(leaf);
			if (!LogProofs.hex(leafHash).equals(LogProofs.text(leaf, "leafHash"))) {
				problems.add("the leaf's hash does not match its fields");
			}
			if (a.has("--content")) {
				String sha = LogProofs.hex(LogProofs.sha256(Files.readAllBytes(a.path("--content"))));
				if (!sha.equals(LogProofs.text(leaf, "contentHash"))) {
					problems.add("the content's SHA-256 " + sha + " is not the leaf's contentHash");
				}
			}
			if (a.has("--receipt")) {
				JsonNode receipt = json(a.path("--receipt"));
				byte[] statement = java.util.Base64.getDecoder().decode(LogProofs.text(receipt, "statement"));
				if (!LogProofs.hex(LogProofs.sha256(statement)).equals(LogProofs.text(leaf, "contentHash"))
						|| !"receipt".equals(LogProofs.text(leaf, "kind"))) {
					problems.add("the receipt's statement is not the content of this receipt leaf");
				}
			}
			if (head != null) {
				if (proof.path("treeSize").asLong(-1) != head.size()) {
					problems.add("the proof is for a tree of " + proof.path("treeSize").asLong(-1) + " leaves, the head has "
							+ head.size());
				}
				else if (!LogProofs.inclusion(leafHash, leaf.path("index").asLong(-1), head.size(),
						LogProofs.hashes(proof.path("auditPath")), head.root())) {
					problems.add("the audit path does not lead from the leaf to the signed root");
				}
			}
			out.println("leaf: #" + leaf.path("index").asLong() + " " + leaf.path("kind").asString() + " "
					+ leaf.path("identifier").asString());
		}
		catch (IllegalArgumentException e) {
			problems.add("unreadable: " + e.getMessage());
		}
		return report(problems, "included in the signed tree head");
	}

	int verifyConsistency(Arguments a) throws IOException, UsageException {
		PublicKey platform = platformKey(a);
		JsonNode older = json(a.path("--old"));
		JsonNode newer = json(a.path("--new"));
		JsonNode proof = json(a.path("--proof"));
		List<String> problems = new ArrayList<>();
		try {
			LogProofs.TreeHead first = LogProofs.treeHead(older, platform, problems);
			LogProofs.TreeHead second = LogProofs.treeHead(newer, platform, problems);
			if (first != null && second != null) {
				consistent(first, second, proof, problems);
				out.println("tree heads: " + first.size() + " -> " + second.size());
			}
		}
		catch (IllegalArgumentException e) {
			problems.add("unreadable: " + e.getMessage());
		}
		return report(problems, "the newer tree head extends the older one");
	}

	private static void consistent(LogProofs.TreeHead first, LogProofs.TreeHead second, JsonNode proof,
			List<String> problems) {
		if (second.size() < first.size()) {
			problems.add("ROLLBACK: the newer head has fewer leaves (" + second.size() + ") than the older (" + first.size()
					+ ")");
		}
		else if (first.size() == second.size() || first.size() == 0) {
			if (first.size() == second.size() && !java.util.Arrays.equals(first.root(), second.root())) {
				problems.add("FORK: two signed heads of " + first.size() + " leaves with different roots");
			}
		}
		else if (proof == null || proof.path("first").asLong(-1) != first.size()
				|| proof.path("second").asLong(-1) != second.size()) {
			problems.add("the consistency proof is not between " + first.size() + " and " + second.size());
		}
		else if (!LogProofs.consistency(first.size(), second.size(), first.root(), second.root(),
				LogProofs.hashes(proof.path("path")))) {
			problems.add("FORK: the consistency proof from " + first.size() + " to " + second.size() + " fails");
		}
	}

	/**
	 * {@code monitor-log --url BASE --platform-cert PEM --state STATE.json [--rounds N] [--interval SECONDS]}: each
	 * round fetches the newest head, checks its signature and its consistency with the last head in the state file,
	 * reads every new leaf and checks its hash and index; saves the head only when all holds.
	 */
	int monitor(Arguments a) throws IOException, UsageException {
		PublicKey platform = platformKey(a);
		String base = a.required("--url").replaceAll("/+$", "");
		Path state = a.path("--state");
		int rounds = a.has("--rounds") ? Integer.parseInt(a.required("--rounds")) : Integer.MAX_VALUE;
		long interval = a.has("--interval") ? Long.parseLong(a.required("--interval")) : 60;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		for (int round = 1; round <= rounds; round++) {
			List<String> problems = new ArrayList<>();
			try {
				JsonNode sth = fetch(http, base + "/api/transparency/log/sth");
				LogProofs.TreeHead head = LogProofs.treeHead(sth, platform, problems);
				JsonNode seen = Files.isRegularFile(state) ? json(state) : null;
				if (head != null && seen != null) {
					LogProofs.TreeHead previous = LogProofs.treeHead(seen, platform, problems);
					if (previous != null) {
						JsonNode proof = head.size() > previous.size() && previous.size() > 0
								? fetch(http, base + "/api/transparency/log/consistency?first=" + previous.size() + "&second="
										+ head.size())
								: null;
						consistent(previous, head, proof, problems);
						if (problems.isEmpty()) {
							checkLeaves(http, base, previous.size(), head.size(), problems);
						}
					}
				}
				else if (head != null && head.size() > 0) {
					checkLeaves(http, base, 0, head.size(), problems);
				}
				if (problems.isEmpty() && head != null) {
					Files.write(state, JSON.writeValueAsBytes(sth));
					out.println("round " + round + ": tree head " + head.size() + " " + LogProofs.hex(head.root())
							+ " verified");
				}
			}
			catch (IOException | IllegalArgumentException | JacksonException e) {
				problems.add("the log cannot be read: " + e.getMessage());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return BidTool.IO_FAILURE;
			}
			if (!problems.isEmpty()) {
				problems.forEach(p -> err.println("ALERT: " + p));
				return BidTool.LOG_ALERT;
			}
			if (round < rounds) {
				try {
					Thread.sleep(Duration.ofSeconds(interval).toMillis());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return BidTool.OK;
				}
			}
		}
		return BidTool.OK;
	}

	/** Leaves [from, to): each index in order, without gaps, each leaf hash recomputed from the leaf's fields. */
	private static void checkLeaves(HttpClient http, String base, long from, long to, List<String> problems)
			throws IOException, InterruptedException {
		long next = from;
		while (next < to && problems.isEmpty()) {
			JsonNode page = fetch(http, base + "/api/transparency/log/entries?start=" + next + "&end=" + to).path("entries");
			if (page.isEmpty()) {
				problems.add("GAP: the log serves no leaf #" + next + " below its signed size " + to);
				return;
			}
			for (JsonNode leaf : page) {
				if (leaf.path("index").asLong(-1) != next) {
					problems.add("GAP: leaf #" + next + " expected, #" + leaf.path("index").asLong(-1) + " served");
					return;
				}
				if (!LogProofs.hex(LogProofs.leafHash(leaf)).equals(LogProofs.text(leaf, "leafHash"))) {
					problems.add("leaf #" + next + " does not match its leaf hash");
					return;
				}
				next++;
			}
		}
	}

	private static JsonNode fetch(HttpClient http, String url) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IOException(url + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	private int report(List<String> problems, String verdict) {
		if (problems.isEmpty()) {
			out.println("valid: " + verdict);
			return BidTool.OK;
		}
		problems.forEach(p -> err.println("refused: " + p));
		return BidTool.LOG_ALERT;
	}

	private static PublicKey platformKey(Arguments a) throws IOException, UsageException {
		try {
			return LogProofs.platformKey(Files.readAllBytes(a.path("--platform-cert")));
		}
		catch (GeneralSecurityException e) {
			throw new UsageException("--platform-cert is not a PEM certificate: " + e.getMessage());
		}
	}

	private static JsonNode json(Path file) throws IOException, UsageException {
		try {
			JsonNode node = JSON.readTree(Files.readAllBytes(file));
			if (!(node instanceof ObjectNode)) {
				throw new UsageException(file + " is not a JSON object");
			}
			return node;
		}
		catch (JacksonException e) {
			throw new UsageException(file + " is not JSON: " + e.getOriginalMessage());
		}
	}
}
