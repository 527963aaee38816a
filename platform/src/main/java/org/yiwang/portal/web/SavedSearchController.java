package org.yiwang.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.portal.NewSavedSearch;
import org.yiwang.portal.Portal;
import org.yiwang.portal.RecordType;
import org.yiwang.portal.SavedSearchMatch;
import org.yiwang.portal.SavedSearchView;
import org.yiwang.portal.SavedSearches;
import org.yiwang.system.Forms;

/** A signed-in account's saved searches and what newly matched them: the workspace side of the portal. */
@Controller
class SavedSearchController {

	private final SavedSearches savedSearches;

	private final Portal portal;

	SavedSearchController(SavedSearches savedSearches, Portal portal) {
		this.savedSearches = savedSearches;
		this.portal = portal;
	}

	@GetMapping("/portal/saved-searches")
	String list(Model model, Locale locale) {
		List<SavedSearchView> mine = savedSearches.mine();
		Map<UUID, List<SavedSearchMatch>> matches = new LinkedHashMap<>();
		mine.forEach(s -> matches.put(s.id(), savedSearches.matches(s.id())));
		model.addAttribute("searches", mine);
		model.addAttribute("matches", matches);
		model.addAttribute("unseen", mine.stream().mapToLong(SavedSearchView::unseen).sum());
		model.addAttribute("regionNames", portal.regionNames(locale));
		model.addAttribute("categoryNames", portal.categoryNames(locale));
		return "portal/saved-searches";
	}

	@PostMapping("/portal/saved-searches")
	String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String type, @RequestParam(required = false) String email,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "portal.saved.saved",
				() -> savedSearches.save(new NewSavedSearch(name, q, region, category, RecordType.parse(type), email)));
		return "redirect:/portal/saved-searches";
	}

	@PostMapping("/portal/saved-searches/{id}/seen")
	String seen(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "portal.saved.markedSeen", () -> savedSearches.markSeen(id));
		return "redirect:/portal/saved-searches";
	}

	@PostMapping("/portal/saved-searches/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		Forms.attempt(redirect, "portal.saved.deleted", () -> savedSearches.delete(id));
		return "redirect:/portal/saved-searches";
	}
}
