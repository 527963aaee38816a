package org.yiwang.catalog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarDayKind;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.NewCalendarDay;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.system.Actors;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The working calendar page: a year's holidays and make-up workdays, a visible warning for a year without a
 * schedule; city-wide staff add and remove exceptions.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

	private final WorkingCalendar calendar;

	CalendarAdminController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping
	String year(@RequestParam(required = false) String year, Model model) {
		CalendarYear shown;
		try {
			shown = calendar.year(year == null || year.isBlank() ? calendar.currentYear() : parseYear(year));
		}
		catch (Refusal refusal) {
			model.addAttribute("refused", refusal.messageKey());
			model.addAttribute("refusedArguments", refusal.arguments());
			shown = calendar.year(calendar.currentYear());
		}
		model.addAttribute("calendar", shown);
		model.addAttribute("kinds", CalendarDayKind.values());
		model.addAttribute("canEdit", Actors.current().map(a -> a.actsCityWide()).orElse(false));
		return "catalog/calendar";
	}

	@PostMapping("/days")
	String add(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, @RequestParam(required = false) String year,
			RedirectAttributes redirect) {
		CalendarDay[] added = new CalendarDay[1];
		Forms.attempt(redirect, "calendar.saved.added", () -> added[0] = calendar.add(new NewCalendarDay(date, kind, name)));
		if (added[0] == null) {
			redirect.addFlashAttribute("typedDate", date);
			redirect.addFlashAttribute("typedKind", kind);
			redirect.addFlashAttribute("typedName", name);
		}
		return redirectTo(added[0] != null ? String.valueOf(added[0].day().getYear()) : year);
	}

	@PostMapping("/days/{date}/remove")
	String remove(@PathVariable String date, @RequestParam(required = false) String year, RedirectAttributes redirect) {
		Forms.attempt(redirect, "calendar.saved.removed", () -> calendar.remove(date));
		return redirectTo(year);
	}

	private static String redirectTo(String year) {
		return year != null && year.strip().matches("\\d{4}") ? "redirect:/admin/calendar?year=" + year.strip()
				: "redirect:/admin/calendar";
	}

	private static int parseYear(String year) {
		if (!year.strip().matches("\\d{4}")) {
			throw Refusal.invalid("year", "calendar.year.form");
		}
		return Integer.parseInt(year.strip());
	}
}
