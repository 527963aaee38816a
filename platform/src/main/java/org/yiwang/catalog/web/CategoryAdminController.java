package org.yiwang.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.EvaluationMethod;
import org.yiwang.catalog.Procedure;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;

/** Staff pages for the trading category catalogue and each category's procedure template. */
@Controller
@RequestMapping("/admin/categories")
class CategoryAdminController {

	private final Catalog catalog;

	private final Validator validator;

	CategoryAdminController(Catalog catalog, Validator validator) {
		this.catalog = catalog;
		this.validator = validator;
	}

	@GetMapping
	String list(Model model, HttpServletRequest request) {
		return listPage(model, new CategoryForm(), request);
	}

	@PostMapping
	String add(@ModelAttribute("form") CategoryForm form, BindingResult result, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (Forms.valid(validator, form.command(), result)) {
			try {
				CategoryView added = catalog.addCategory(form.command());
				model.addAttribute("added", added);
				if (!Forms.isFragmentRequest(request)) {
					redirect.addFlashAttribute("added", added);
					return "redirect:/admin/categories";
				}
				return listPage(model, new CategoryForm(), request);
			}
			catch (Refusal refusal) {
				rethrowUnlessFormError(refusal);
				Forms.reject(result, refusal);
			}
		}
		return listPage(model, form, request);
	}

	private String listPage(Model model, CategoryForm form, HttpServletRequest request) {
		model.addAttribute("form", form);
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("familyValues", ProcedureFamily.values());
		model.addAttribute("canEdit", Actors.current().map(a -> a.actsCityWide()).orElse(false));
		return Forms.isFragmentRequest(request) ? "catalog/categories :: panel" : "catalog/categories";
	}

	@GetMapping("/{code}")
	String category(@PathVariable String code, Model model) {
		CategoryView category = catalog.category(parse(code));
		return categoryPage(model, category, NameForm.of(category.nameZh(), category.nameEn(), category.version()),
				TemplateForm.of(catalog.currentTemplate(category.code())));
	}

	@PostMapping("/{code}/name")
	String rename(@PathVariable String code, @ModelAttribute("nameForm") NameForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		CategoryCode category = parse(code);
		if (Forms.valid(validator, form.command(), result)) {
			try {
				catalog.renameCategory(category, form.command());
				redirect.addFlashAttribute("saved", "catalog.saved.renamed");
				return "redirect:/admin/categories/" + category.value();
			}
			catch (Refusal refusal) {
				rethrowUnlessFormError(refusal);
				Forms.reject(result, refusal);
			}
		}
		CategoryView current = catalog.category(category);
		return categoryPage(model, current, form, TemplateForm.of(catalog.currentTemplate(category)));
	}

	@PostMapping("/{code}/enabled")
	String setEnabled(@PathVariable String code, @RequestParam boolean enabled, RedirectAttributes redirect) {
		catalog.setCategoryEnabled(parse(code), enabled);
		redirect.addFlashAttribute("saved", enabled ? "catalog.saved.enabled" : "catalog.saved.disabled");
		return "redirect:/admin/categories/" + code;
	}

	@PostMapping("/{code}/template")
	String revise(@PathVariable String code, @ModelAttribute("templateForm") TemplateForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CategoryCode category = parse(code);
		if (Forms.valid(validator, form.command(), result)) {
			try {
				var revised = catalog.reviseTemplate(category, form.command());
				redirect.addFlashAttribute("saved", "catalog.saved.template");
				redirect.addFlashAttribute("savedVersion", revised.version());
				return "redirect:/admin/categories/" + category.value();
			}
			catch (Refusal refusal) {
				rethrowUnlessFormError(refusal);
				Forms.reject(result, refusal);
			}
		}
		CategoryView current = catalog.category(category);
		return categoryPage(model, current, NameForm.of(current.nameZh(), current.nameEn(), current.version()), form);
	}

	private String categoryPage(Model model, CategoryView category, NameForm nameForm, TemplateForm templateForm) {
		model.addAttribute("category", category);
		model.addAttribute("nameForm", nameForm);
		model.addAttribute("templateForm", templateForm);
		model.addAttribute("history", catalog.templateHistory(category.code()));
		model.addAttribute("procedures", Procedure.values());
		model.addAttribute("methods", EvaluationMethod.values());
		model.addAttribute("auctionKinds", org.yiwang.catalog.AuctionKind.values());
		model.addAttribute("canEdit", Actors.current().map(a -> a.actsCityWide()).orElse(false));
		return "catalog/category";
	}

	private static void rethrowUnlessFormError(Refusal refusal) {
		if (refusal.status().value() != 400 && refusal.status().value() != 409) {
			throw refusal;
		}
	}

	static CategoryCode parse(String code) {
		if (!CategoryCode.isValid(code)) {
			throw Refusal.notFound("catalog.category.notFound", code.length() > 40 ? code.substring(0, 40) : code);
		}
		return CategoryCode.of(code);
	}
}
