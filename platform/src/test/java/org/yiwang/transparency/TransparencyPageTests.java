package org.yiwang.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.kernel.Sha256;
import org.yiwang.system.RegionScopes;

/**
 * The 透明日志 page: open to everyone, the newest signed head, the newest leaves, and a lookup whose answer carries the
 * inclusion proof the reader's browser checks; a malformed, unknown or not yet signed hash gets its own message in the
 * reader's language, and the form keeps what was typed.
 */
@PlatformTest
class TransparencyPageTests {

	@Autowired
	TransparencyLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	private String take(String id) {
		String hash = Sha256.hex("page test " + id);
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> log.take("record", id, hash)));
		return hash;
	}

	private String page(String query, Locale locale) throws Exception {
		return mvc.perform(get("/open/transparency" + query).param("lang", locale.getLanguage()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	@Test
	void anyone_reads_the_newest_head_and_leaves_and_checks_a_record_by_its_hash() throws Exception {
		String id = UUID.randomUUID().toString();
		String content = take(id);
		SignedTreeHead head = log.signTreeHead(true);
		LogLeaf leaf = log.leaf("record", id).orElseThrow();

		String page = page("", Locale.SIMPLIFIED_CHINESE);
		assertThat(page).contains("<dd id=\"head-size\">" + head.treeSize() + "</dd>",
				"<code id=\"head-root\">" + head.root() + "</code>", "tree-size: " + head.treeSize(),
				"href=\"/notices/" + id + "\"", "公开信息", "id=\"growth-chart\"", "&quot;values&quot;");
		assertThat(page.split("<tr>", -1).length - 2).isBetween(1, 20);

		// by the content hash a reader computes from the record's signed text, and by the leaf hash
		InclusionProof proof = log.inclusion(leaf.index(), head.treeSize());
		for (String hash : new String[] { content, leaf.leafHash() }) {
			String found = page("?hash=" + hash, Locale.SIMPLIFIED_CHINESE);
			assertThat(found).contains("<dd id=\"proof-index\">" + leaf.index() + "</dd>", "value=\"" + hash + "\"",
					"&quot;root&quot;:&quot;" + head.root() + "&quot;",
					"&quot;leafHash&quot;:&quot;" + leaf.leafHash() + "&quot;",
					"&quot;treeSize&quot;:" + head.treeSize(), "&quot;leafIndex&quot;:" + leaf.index())
				.doesNotContain("id=\"hash-error\"");
			for (String sibling : proof.auditPath()) {
				assertThat(found).contains("<li><code>" + sibling + "</code></li>");
			}
		}
	}

	@Test
	void a_bad_unknown_or_unsigned_hash_is_explained_in_the_readers_language_and_the_input_kept() throws Exception {
		log.signTreeHead(true);
		String malformed = page("?hash=not-a-hash", Locale.SIMPLIFIED_CHINESE);
		assertThat(malformed).contains("64 位十六进制", "value=\"not-a-hash\"", "aria-invalid=\"true\"")
			.doesNotContain("id=\"proof\"");
		assertThat(page("?hash=not-a-hash", Locale.ENGLISH)).contains("64 hex");

		String unknown = Sha256.hex("never logged " + UUID.randomUUID());
		assertThat(page("?hash=" + unknown, Locale.SIMPLIFIED_CHINESE)).contains("日志中没有哈希为 " + unknown);

		// merged into the log after the newest signed head: it will be signed within the merge delay
		String id = UUID.randomUUID().toString();
		String pending = take(id);
		SignedTreeHead signed = log.latest().orElseThrow();
		log.mergePending();
		assertThat(log.size()).isGreaterThan(signed.treeSize());
		assertThat(page("?hash=" + pending, Locale.SIMPLIFIED_CHINESE)).contains("还不在最新的签名树头里",
				log.mergeDelaySeconds() + " 秒内");
		assertThat(page("?hash=" + pending, Locale.ENGLISH)).contains("not yet in the newest signed tree head");
	}
}
