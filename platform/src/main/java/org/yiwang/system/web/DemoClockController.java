package org.yiwang.system.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.system.Actors;
import org.yiwang.system.DemoClock;
import org.yiwang.system.DemoClockMoved;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The demo clock page: the administrator moves the platform's time forward by days, hours and minutes, so a demo tender
 * reaches its deadline, its publicity's end or its contract period without waiting. Not found without demo data.
 */
@Controller
class DemoClockController {

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Deployment deployment;

	private final MessageSource messages;

	DemoClockController(Clock clock, ApplicationEventPublisher events, TransactionTemplate transactions,
			Deployment deployment, MessageSource messages) {
		this.clock = clock;
		this.events = events;
		this.transactions = transactions;
		this.deployment = deployment;
		this.messages = messages;
	}

	@GetMapping("/admin/demo-clock")
	String page(Model model) {
		model.addAttribute("clock", demoClock());
		model.addAttribute("now", clock.instant());
		return "system/demo-clock";
	}

	@PostMapping("/admin/demo-clock")
	String advance(@RequestParam(defaultValue = "0") String days, @RequestParam(defaultValue = "0") String hours,
			@RequestParam(defaultValue = "0") String minutes, Model model, Locale locale) {
		DemoClock demo = demoClock();
		Duration step;
		try {
			step = Duration.ofDays(Long.parseLong(days.strip())).plusHours(Long.parseLong(hours.strip()))
				.plusMinutes(Long.parseLong(minutes.strip()));
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw Refusal.invalid("days", "system.demoClock.numbers");
		}
		if (step.isNegative() || step.isZero() || step.compareTo(DemoClock.MAX_STEP) > 0) {
			throw Refusal.invalid("days", "system.demoClock.step", DemoClock.MAX_STEP.toDays());
		}
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> {
			demo.advance(step);
			events.publishEvent(new DemoClockMoved(Actors.actor(), step, demo.offset(), deployment.cityCode(),
					clock.instant()));
		}));
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
