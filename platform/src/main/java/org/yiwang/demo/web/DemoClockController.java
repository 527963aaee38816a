package org.yiwang.demo.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.demo.DemoOn;
import org.yiwang.demo.DemoSeeding;
import org.yiwang.system.DemoClock;
import org.yiwang.system.DemoTime;
import org.yiwang.system.Refusal;

/**
 * The demo clock page: the administrator moves the platform's time forward by days, hours and minutes, so a demo tender
 * reaches its deadline, its publicity's end or its contract period without waiting ({@link DemoTime}: audited, kept
 * across restarts, never backwards); below it, what each demo runner did at start ({@link DemoSeeding}). Not found
 * without demo data.
 */
@Controller
@DemoOn
class DemoClockController {

	private final Clock clock;

	private final DemoTime demoTime;

	private final MessageSource messages;

	private final DemoSeeding seeding;

	DemoClockController(Clock clock, DemoTime demoTime, MessageSource messages, DemoSeeding seeding) {
		this.clock = clock;
		this.demoTime = demoTime;
		this.messages = messages;
		this.seeding = seeding;
	}

	@GetMapping("/admin/demo-clock")
	String page(Model model) {
		model.addAttribute("clock", demoClock());
		model.addAttribute("now", clock.instant());
		// what each demo runner did at start, so a broken one shows here and not only in the log
		model.addAttribute("outcomes", seeding.outcomes());
		return "demo/demo-clock";
	}

	@PostMapping("/admin/demo-clock")
	String advance(@RequestParam(defaultValue = "0") String days, @RequestParam(defaultValue = "0") String hours,
			@RequestParam(defaultValue = "0") String minutes, Model model, Locale locale) {
		demoClock();
		Duration step;
		try {
			step = Duration.ofDays(Long.parseLong(days.strip())).plusHours(Long.parseLong(hours.strip()))
				.plusMinutes(Long.parseLong(minutes.strip()));
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw Refusal.invalid("days", "system.demoClock.numbers");
		}
		demoTime.advance(step);
		model.addAttribute("saved", messages.getMessage("system.demoClock.moved",
				new Object[] { step.toDays(), step.toHoursPart(), step.toMinutesPart() }, locale));
		return page(model);
	}

	private DemoClock demoClock() {
		if (clock instanceof DemoClock demo) {
			return demo;
		}
		throw Refusal.notFound("system.demoClock.off");
	}
}
