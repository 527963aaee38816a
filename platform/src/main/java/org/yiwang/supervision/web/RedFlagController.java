package org.yiwang.supervision.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.supervision.redflag.Indicator;
import org.yiwang.supervision.redflag.RedFlagView;
import org.yiwang.supervision.redflag.RedFlags;

/**
 * The procedural red flags on the OCDS data of the regulator's industries and regions: each with its indicator's
 * code, name and published definition (with the source), the evidence and links to the transaction.
 */
@Controller
class RedFlagController {

	private final RedFlags redFlags;

	private final Catalog catalog;

	private final MessageSource messages;

	RedFlagController(RedFlags redFlags, Catalog catalog, MessageSource messages) {
		this.redFlags = redFlags;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** A flag with names and Beijing times for people. */
	record Shown(RedFlagView flag, String name, String definition, String regionName, String categoryName,
			String computedAt, String value) {
	}

	/** An indicator as the page explains it. */
	record Definition(Indicator indicator, String name, String definition) {
	}

	@GetMapping("/supervision/red-flags")
	String list(@RequestParam(required = false) String code, @RequestParam(required = false) String tradeCode,
			Model model, Locale locale) {
		List<RedFlagView> flags = redFlags.visible(code, tradeCode);
		model.addAttribute("flags", flags.stream().map(f -> shown(f, locale)).toList());
		model.addAttribute("definitions", java.util.Arrays.stream(Indicator.values())
			.map(i -> new Definition(i, name(i, locale), definition(i, locale))).toList());
		model.addAttribute("code", code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
		return "supervision/red-flags";
	}

	private Shown shown(RedFlagView f, Locale locale) {
		return new Shown(f, name(f.indicator(), locale), definition(f.indicator(), locale),
				catalog.region(new RegionCode(f.region())).map(r -> r.name(locale)).orElse(f.region()),
				catalog.findCategory(new CategoryCode(f.category())).map(c -> c.name(locale)).orElse(f.category()),
				AlertController.TIME.format(f.computedAt()),
				f.value().stripTrailingZeros().scale() <= 0 ? f.value().stripTrailingZeros().toPlainString()
						: f.value().setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
	}

	private String name(Indicator i, Locale locale) {
		return messages.getMessage("supervision.redflag." + i.name() + ".name", null, i.name(), locale);
	}

	private String definition(Indicator i, Locale locale) {
		return messages.getMessage("supervision.redflag." + i.name() + ".definition", null, i.definition(), locale);
	}
}
