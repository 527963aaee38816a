package org.yiwang.portal.web;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.portal.OpenData;

/** Open data (public): OCDS 1.1.5 release packages per section and the release feed. */
@RestController
class OpenDataController {

	private final OpenData openData;

	OpenDataController(OpenData openData) {
		this.openData = openData;
	}

	/** The release feed: {@code since} is the {@code Link: rel=next} cursor of the previous page. */
	@GetMapping(value = "/opendata/releases", produces = "application/json")
	ResponseEntity<Map<String, Object>> releases(@RequestParam(required = false) String since,
			@RequestParam(defaultValue = "100") String limit) {
		int size;
		try {
			size = Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException e) {
			size = 100;
		}
		OpenData.FeedPage page = openData.feed(since, size);
		return ResponseEntity.ok()
			.header("Link", "</opendata/releases?since=" + java.net.URLEncoder.encode(page.next(),
					java.nio.charset.StandardCharsets.UTF_8) + ">; rel=\"next\"")
			.header("X-Next-Since", page.next())
			.body(page.releasePackage());
	}

	@GetMapping(value = "/opendata/sections/{tradeCode}/releases", produces = "application/json")
	Map<String, Object> section(@PathVariable String tradeCode) {
		return openData.sectionPackage(tradeCode);
	}
}
