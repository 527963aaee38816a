package org.yiwang.demo.security;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.demo.DemoOn;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The demo bank's online-banking page, clearly not the platform's: only with the demo issuer and bank on (else not
 * found). A signed-in bidder transfers its deposit to its sub-account; the payer name starts as its entity's name. Each
 * account holder (the signed-in member's entity) sees only its own transfers and the refunds to it.
 */
@Controller
@DemoOn
class DemoBankController {

	private final DemoSettings settings;

	private final DemoBank bank;

	private final EntityRegistry registry;

	DemoBankController(DemoSettings settings, DemoBank bank, EntityRegistry registry) {
		this.settings = settings;
		this.bank = bank;
		this.registry = registry;
	}

	@GetMapping("/demo-bank")
	String page(Model model) {
		requireDemo();
		model.addAttribute("ledger", bank.ledgerOf(registry.myEntity().map(e -> e.id().value()).orElse(null)));
		model.addAttribute("online", bank.online());
		model.addAttribute("payerName", registry.myEntity().map(EntityView::name).orElse(""));
		return "demo/demo-bank";
	}

	@PostMapping("/demo-bank/transfers")
	String transfer(@RequestParam(required = false) String accountNumber, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String payerAccount, @RequestParam(required = false) String payerName,
			RedirectAttributes redirect) {
		requireDemo();
		UUID holder = registry.myEntity().map(e -> e.id().value()).orElse(null);
		Forms.attempt(redirect, "demoBank.saved",
				() -> bank.transfer(holder, accountNumber, amount, payerAccount, payerName));
		return "redirect:/demo-bank";
	}

	private void requireDemo() {
		if (!settings.enabled()) {
			throw Refusal.notFound("demoBank.off");
		}
	}
}
