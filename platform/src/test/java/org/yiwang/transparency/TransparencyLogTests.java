package org.yiwang.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.kernel.Sha256;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.Receipts;
import org.yiwang.portal.RecordPublished;
import org.yiwang.portal.RecordType;
import org.yiwang.system.RegionScopes;

/**
 * The log as the platform runs it: facts from events merged within the maximum merge delay, tree heads signed (SM2)
 * and time-stamped, proofs that the RFC's algorithms accept, and the public API with its cache headers and its
 * refusals of bad parameters in both languages.
 */
@PlatformTest
class TransparencyLogTests {

	private static final HexFormat HEX = HexFormat.of();

	@Autowired
	TransparencyLog log;

	@Autowired
	PlatformKeys keys;

	@Autowired
	Receipts receipts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	private String take(String kind, String id, String content) {
		String hash = Sha256.hex(content);
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> log.take(kind, id, hash)));
		return hash;
	}

	private void assertIncluded(LogLeaf leaf, SignedTreeHead head) {
		InclusionProof proof = log.inclusion(leaf.index(), head.treeSize());
		assertThat(proof.leaf()).isEqualTo(leaf);
		byte[] leafHash = Rfc9162.leaf(LogLeaf.canonical(leaf.kind(), leaf.identifier(), leaf.contentHash(),
				leaf.enteredAt()));
		assertThat(HEX.formatHex(leafHash)).isEqualTo(leaf.leafHash());
		assertThat(Rfc9162.inclusion(leafHash, leaf.index(), head.treeSize(),
				proof.auditPath().stream().map(HEX::parseHex).toList(), HEX.parseHex(head.root()))).isTrue();
	}

	@Test
	void facts_are_merged_into_a_signed_time_stamped_head_and_proved_included_and_consistent() throws Exception {
		SignedTreeHead before = log.signTreeHead(true);
		String suffix = UUID.randomUUID().toString();
		for (int i = 0; i < 37; i++) {
			take("record", "test-" + suffix + "-" + i, "content " + i);
		}
		take("record", "test-" + suffix + "-0", "delivered twice"); // the second delivery changes nothing
		SignedTreeHead head = log.signTreeHead(false);
		assertThat(head.treeSize()).isGreaterThanOrEqualTo(before.treeSize() + 37);
		assertThat(head.mergeDelaySeconds()).isEqualTo(60);
		assertThat(LogCheck.verifies(head, LogCheck.publicKey(keys.certificatePem()))).isTrue();
		TimeStampToken token = new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(head.timestampToken())));
		assertThat(token.getTimeStampInfo().getMessageImprintDigest())
			.isEqualTo(Rfc9162.digestOf(head.treeHead().getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < 37; i++) {
			LogLeaf leaf = log.leaf("record", "test-" + suffix + "-" + i).orElseThrow();
			assertThat(leaf.contentHash()).isEqualTo(Sha256.hex("content " + i));
			assertIncluded(leaf, head);
		}
		ConsistencyProof consistency = log.consistency(before.treeSize(), head.treeSize());
		assertThat(Rfc9162.consistency(before.treeSize(), head.treeSize(), HEX.parseHex(before.root()),
				HEX.parseHex(head.root()), consistency.path().stream().map(HEX::parseHex).toList())).isTrue();
		assertThat(log.mergeDelayExceeded()).isFalse();
		assertThat(log.verify().intact()).as(log.verify().toString()).isTrue();
	}

	@Test
	void a_receipt_signed_in_a_batch_keeps_its_receipt_and_gains_an_inclusion_proof() throws Exception {
		byte[] statement = ("bidder test, trade code T-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
		var receipt = receipts.issue(statement);
		String sha = Sha256.hex(statement);
		LogLeaf leaf = awaitLeaf(sha);
		assertThat(leaf.kind()).isEqualTo("receipt");
		assertThat(leaf.identifier()).startsWith("batch:");
		SignedTreeHead head = log.signTreeHead(false);
		assertIncluded(leaf, head);
		assertThat(receipts.verify(receipt)).isTrue();
		assertThat(log.inclusionByHash(sha, null).leaf()).isEqualTo(leaf);
	}

	@Test
	void a_published_record_is_logged_with_the_hash_of_its_signed_text() throws Exception {
		UUID id = UUID.randomUUID();
		String sha = Sha256.hex("signed text " + id);
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events
			.publishEvent(new RecordPublished(id, RecordType.TENDER, "T-" + id, sha, Instant.now()))));
		LogLeaf leaf = awaitLeaf(sha);
		assertThat(leaf.kind()).isEqualTo("record");
		assertThat(leaf.identifier()).isEqualTo(id.toString());
	}

	/** Events arrive after their transaction commits: the leaf is there within the merge delay. */
	private LogLeaf awaitLeaf(String contentSha) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(log.mergeDelaySeconds()));
		while (Instant.now().isBefore(until)) {
			log.signTreeHead(false);
			if (log.size() == 0) {
				continue;
			}
			var found = log.leaves(Math.max(0, log.size() - TransparencyLog.MAX_LEAVES), log.size()).stream()
				.filter(l -> l.contentHash().equals(contentSha))
				.findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("no leaf for " + contentSha + " within the maximum merge delay");
	}

	@Test
	void the_public_api_answers_without_sign_in_with_cache_headers_and_etags() throws Exception {
		take("record", "api-" + UUID.randomUUID(), "api");
		SignedTreeHead head = log.signTreeHead(true);
		String etag = mvc.perform(get("/api/transparency/log/sth"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
			.andExpect(jsonPath("$.treeSize").isNumber())
			.andExpect(jsonPath("$.treeHead").value(org.hamcrest.Matchers.startsWith("yiwang-log-tree-head v1\n")))
			.andExpect(jsonPath("$.mergeDelaySeconds").value(60))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		mvc.perform(get("/api/transparency/log/sth").header("If-None-Match", etag)).andExpect(status().isNotModified());
		mvc.perform(get("/api/transparency/log/proof-by-index").param("index", "0").param("tree_size",
				Long.toString(head.treeSize())))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("immutable")))
			.andExpect(jsonPath("$.leaf.index").value(0))
			.andExpect(jsonPath("$.treeSize").value(head.treeSize()));
		mvc.perform(get("/api/transparency/log/consistency").param("first", "1").param("second",
				Long.toString(head.treeSize())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.path").isArray());
		mvc.perform(get("/api/transparency/log/entries").param("start", "0").param("end", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[0].index").value(0))
			.andExpect(jsonPath("$.entries[0].leafHash").isString());
		// the portal's home page and the OCDS feed carry the newest head: copies outside the operator's hands
		SignedTreeHead newest = log.latest().orElseThrow();
		mvc.perform(get("/opendata/releases"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.transparencyLog.treeSize").value(newest.treeSize()))
			.andExpect(jsonPath("$.transparencyLog.root").value(newest.root()));
		mvc.perform(get("/portal"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString(newest.root())));
		String leafHash = log.leaves(0, 1).get(0).leafHash();
		mvc.perform(get("/api/transparency/log/proof-by-hash").param("hash", leafHash))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.leaf.leafHash").value(leafHash));
	}

	@Test
	void bad_parameters_are_refused_naming_the_field_in_chinese_and_english() throws Exception {
		log.signTreeHead(true);
		refused("/api/transparency/log/proof-by-index?index=abc", "index", "整数", "whole number");
		refused("/api/transparency/log/proof-by-index", "index", "请填写", "Give the parameter");
		refused("/api/transparency/log/proof-by-index?index=-1", "index", "叶子序号", "leaf index");
		refused("/api/transparency/log/proof-by-index?index=0&tree_size=999999999999", "tree_size", "树大小", "tree size");
		refused("/api/transparency/log/proof-by-hash?hash=xyz", "hash", "十六进制", "hex digits");
		refused("/api/transparency/log/consistency?first=5&second=2", "first", "first", "first must");
		refused("/api/transparency/log/consistency?first=1&second=0", "second", "树大小", "tree size");
		refused("/api/transparency/log/entries?start=0&end=0", "end", "end", "end must");
		refused("/api/transparency/log/entries?start=-3&end=2", "start", "start", "start must");
		mvc.perform(get("/api/transparency/log/proof-by-hash").param("hash", "ab".repeat(32)).header("Accept-Language", "en"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("merge delay")));
	}

	private void refused(String url, String field, String chinese, String english) throws Exception {
		mvc.perform(get(url).header("Accept-Language", "zh-CN"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(chinese)));
		mvc.perform(get(url).header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(english)));
	}

	@Test
	void an_empty_range_of_work_signs_no_new_head_until_forced() {
		SignedTreeHead first = log.signTreeHead(true);
		SignedTreeHead again = log.signTreeHead(false);
		assertThat(again.treeSize()).isEqualTo(first.treeSize());
		assertThat(log.recentTreeHeads(5)).isNotEmpty();
		List<SignedTreeHead> recent = log.recentTreeHeads(2);
		assertThat(recent.get(0).signedAt()).isAfterOrEqualTo(recent.get(recent.size() - 1).signedAt());
	}
}
