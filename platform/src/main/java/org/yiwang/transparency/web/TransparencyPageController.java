package org.yiwang.transparency.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.system.Refusal;
import org.yiwang.transparency.InclusionProof;
import org.yiwang.transparency.LogLeaf;
import org.yiwang.transparency.SignedTreeHead;
import org.yiwang.transparency.TransparencyLog;

import tools.jackson.databind.json.JsonMapper;

/**
 * 透明日志: the log for people, beside the JSON API for programs. The newest signed tree head, how the tree grew, the
 * newest leaves, and a lookup by hash that shows the leaf's inclusion proof; the page's script recomputes the root from
 * the proof in the reader's browser (WebCrypto), so the check does not rest on the platform's word.
 */
@Controller
class TransparencyPageController {

	static final int NEWEST_LEAVES = 20;

	static final int HEADS_CHARTED = 60;

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

	private final TransparencyLog log;

	private final MessageSource messages;

	private final JsonMapper json;

	TransparencyPageController(TransparencyLog log, MessageSource messages, JsonMapper json) {
		this.log = log;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/open/transparency")
	String page(@RequestParam(required = false) String hash, Model model, Locale locale) {
		SignedTreeHead head = log.latest().orElse(null);
		model.addAttribute("head", head);
		model.addAttribute("mergeDelay", log.mergeDelaySeconds());
		long size = head == null ? 0 : head.treeSize();
		List<LogLeaf> newest = new ArrayList<>(size == 0 ? List.of() : log.leaves(Math.max(0, size - NEWEST_LEAVES), size));
		Collections.reverse(newest);
		model.addAttribute("leaves", newest);
		List<SignedTreeHead> heads = new ArrayList<>(log.recentTreeHeads(HEADS_CHARTED));
		Collections.reverse(heads);
		model.addAttribute("chart", json.writeValueAsString(Map.of(
				"title", messages.getMessage("transparency.page.chart", null, locale),
				"labels", heads.stream().map(h -> TIME.format(h.signedAt().atZone(BEIJING))).toList(),
				"values", heads.stream().map(SignedTreeHead::treeSize).toList())));
		if (hash != null && !hash.isBlank()) {
			model.addAttribute("hash", hash.strip());
			lookUp(hash, head, model, locale);
		}
		return "transparency/log";
	}

	private void lookUp(String hash, SignedTreeHead head, Model model, Locale locale) {
		try {
			if (head == null) {
				throw Refusal.notFound("transparency.sth.none");
			}
			InclusionProof proof = log.inclusionByHash(hash, head.treeSize());
			model.addAttribute("proof", proof);
			model.addAttribute("proofJson", json.writeValueAsString(Map.of("leafIndex", proof.leaf().index(),
					"treeSize", proof.treeSize(), "leafHash", proof.leaf().leafHash(), "auditPath", proof.auditPath(),
					"root", head.root())));
		}
		catch (Refusal refused) {
			// a leaf merged after the newest signed head has no proof yet: say when it will, not that it is out of range
			String key = "index".equals(refused.field()) ? "transparency.page.notYetSigned" : refused.messageKey();
			Object[] arguments = "index".equals(refused.field()) ? new Object[] { log.mergeDelaySeconds() }
					: refused.arguments();
			model.addAttribute("hashError", messages.getMessage(key, arguments, locale));
		}
	}
}
