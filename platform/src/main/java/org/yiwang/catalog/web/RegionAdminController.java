package org.yiwang.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/** The regions page: staff see the city and its districts; the administrator renames and (de)activates them. */
@Controller
@RequestMapping("/admin/regions")
class RegionAdminController {

	private final Catalog catalog;

	RegionAdminController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	String regions(Model model) {
		model.addAttribute("regions", catalog.regions());
		model.addAttribute("canEdit", Actors.current().map(a -> a.hasRole(Role.PLATFORM_ADMIN)).orElse(false));
		return "catalog/regions";
	}

	@PostMapping("/{code}/name")
	String rename(@PathVariable String code, @ModelAttribute NameForm form, RedirectAttributes redirect) {
		RegionCode region = parse(code);
		Forms.attempt(redirect, "catalog.saved.renamed", () -> catalog.renameRegion(region, form.command()));
		return "redirect:/admin/regions";
	}

	@PostMapping("/{code}/active")
	String setActive(@PathVariable String code, @RequestParam boolean active, RedirectAttributes redirect) {
		catalog.setRegionActive(parse(code), active);
		redirect.addFlashAttribute("saved", active ? "catalog.saved.activated" : "catalog.saved.deactivated");
		return "redirect:/admin/regions";
	}

	private static RegionCode parse(String code) {
		if (!RegionCode.isValid(code)) {
			throw Refusal.notFound("catalog.region.notFound", code.length() > 12 ? code.substring(0, 12) : code);
		}
		return RegionCode.of(code);
	}
}
