package org.yiwang.portal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.portal.NationalUplink;

import tools.jackson.databind.json.JsonMapper;

/**
 * Per-record status of the uplink to the national platform, for staff and regulators. (The stand-in for the national
 * platform's receiving endpoint, in demo and tests, is the demo module's.)
 */
@Controller
class UplinkController {

	private final NationalUplink uplink;

	private final MessageSource messages;

	private final JsonMapper json;

	UplinkController(NationalUplink uplink, MessageSource messages, JsonMapper json) {
		this.uplink = uplink;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/admin/portal/uplink")
	String status(Model model, Locale locale) {
		Map<String, Long> counts = uplink.countsByStatus();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", counts.keySet().stream().map(s -> messages.getMessage("portal.uplink.status." + s, null, locale)).toList());
		chart.put("values", counts.values());
		chart.put("title", messages.getMessage("portal.uplink.chart", null, locale));
		model.addAttribute("chart", json.writeValueAsString(chart));
		model.addAttribute("rows", uplink.recent(200));
		model.addAttribute("enabled", uplink.enabled());
		return "portal/uplink";
	}
}
