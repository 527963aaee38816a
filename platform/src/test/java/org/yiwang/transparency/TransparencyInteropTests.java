package org.yiwang.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.kernel.Sha256;
import org.yiwang.system.RegionScopes;

import tools.jackson.databind.json.JsonMapper;

/**
 * Interop: the log's inclusion proofs are checked by an implementation that is not ours, Sigstore's RFC 6962 verifier
 * ({@code verifyMerkleInclusion} of the npm package {@code @sigstore/verify} 3.1.1, which verifies Rekor entries),
 * run by Node.js. Installed from the committed lock file ({@code src/test/interop}) into {@code target/} on first
 * use. Proofs of altered leaves must be refused by it too.
 */
@PlatformTest
class TransparencyInteropTests {

	@Autowired
	TransparencyLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Test
	void sigstores_rfc6962_verifier_accepts_the_logs_inclusion_proofs_and_refuses_altered_ones() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")) || Files.isExecutable(Path.of("/usr/local/bin/node")),
				"Node.js is not installed");
		Path work = Path.of("target", "interop-node");
		Path modules = install(work);
		String suffix = UUID.randomUUID().toString();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
			for (int i = 0; i < 21; i++) {
				log.take("record", "interop-" + suffix + "-" + i, Sha256.hex("interop " + i));
			}
		}));
		SignedTreeHead head = log.signTreeHead(true);
		List<Map<String, Object>> cases = new ArrayList<>();
		List<LogLeaf> leaves = log.leaves(Math.max(0, head.treeSize() - 40), head.treeSize());
		for (LogLeaf leaf : leaves) {
			cases.add(proofCase(leaf, head, false));
		}
		for (LogLeaf leaf : leaves.subList(0, 5)) {
			cases.add(proofCase(leaf, head, true));
		}
		Path input = work.resolve("cases-" + suffix + ".json");
		Files.write(input, json.writeValueAsBytes(cases));
		Process node = new ProcessBuilder("node", Path.of("src/test/interop/verify-inclusion.js").toString(),
				input.toString(), modules.toAbsolutePath().toString()).redirectErrorStream(true).start();
		List<String> lines = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(lines).hasSize(cases.size());
		assertThat(lines.subList(0, leaves.size())).as(String.join("\n", lines)).allMatch("ok"::equals);
		assertThat(lines.subList(leaves.size(), lines.size())).allMatch(l -> l.startsWith("refused"));
	}

	private Map<String, Object> proofCase(LogLeaf leaf, SignedTreeHead head, boolean altered) {
		InclusionProof proof = log.inclusion(leaf.index(), head.treeSize());
		String content = altered ? Sha256.hex("altered") : leaf.contentHash();
		byte[] body = LogLeaf.canonical(leaf.kind(), leaf.identifier(), content, leaf.enteredAt());
		return Map.of("canonicalizedBody", Base64.getEncoder().encodeToString(body), "logIndex", leaf.index(), "hashes",
				proof.auditPath(), "treeSize", head.treeSize(), "rootHash", head.root());
	}

	/** {@code npm ci} from the committed lock file, once per build directory. */
	private static Path install(Path work) throws Exception {
		Path modules = work.resolve("node_modules");
		if (!Files.exists(modules.resolve("@sigstore/verify/dist/tlog/merkle.js"))) {
			Files.createDirectories(work);
			Files.copy(Path.of("src/test/interop/package.json"), work.resolve("package.json"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Files.copy(Path.of("src/test/interop/package-lock.json"), work.resolve("package-lock.json"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(work.toFile())
				.redirectErrorStream(true).start();
			String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(npm.waitFor(180, TimeUnit.SECONDS)).isTrue();
			assertThat(npm.exitValue()).as(output).isZero();
		}
		return modules;
	}
}
