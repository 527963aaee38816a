package org.yiwang.guarantee.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.ClaimGround;
import org.yiwang.guarantee.GuaranteeIssuance;
import org.yiwang.guarantee.NewClaim;
import org.yiwang.guarantee.NewRequirement;
import org.yiwang.guarantee.SecurityClaims;
import org.yiwang.guarantee.SecurityReleases;
import org.yiwang.system.Forms;
import org.yiwang.system.Refusal;

/**
 * The pages of bid security: staff set requirements and register issuers; a bidder applies and sees its guarantees;
 * anyone checks a guarantee by number and verification code.
 */
@Controller
class GuaranteePagesController {

	private final BidSecurity security;

	private final GuaranteeIssuance issuance;

	private final CashDeposits deposits;

	private final SecurityReleases releases;

	private final SecurityClaims claims;

	GuaranteePagesController(BidSecurity security, GuaranteeIssuance issuance, CashDeposits deposits,
			SecurityReleases releases, SecurityClaims claims) {
		this.claims = claims;
		this.releases = releases;
		this.security = security;
		this.issuance = issuance;
		this.deposits = deposits;
	}

	@GetMapping("/guarantees/requirements")
	String requirements(Model model) {
		model.addAttribute("requirements", security.requirements());
		model.addAttribute("issuers", issuance.issuers());
		model.addAttribute("overdue", releases.overdueRefunds());
		return "guarantee/requirements";
	}

	@GetMapping("/guarantees/trades/{code}")
	String trade(@PathVariable String code, Model model) {
		model.addAttribute("trade", releases.trade(code));
		model.addAttribute("annualRate", releases.annualRate());
		return "guarantee/trade";
	}

	@PostMapping("/guarantees/trades/{code}/end")
	String endTransaction(@PathVariable String code, @RequestParam(required = false) String winner,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.ended", () -> releases.endTransaction(code, winner));
		return "redirect:/guarantees/trades/{code}";
	}

	@PostMapping("/guarantees/trades/{code}/claims/{id}")
	String decideClaim(@PathVariable String code, @PathVariable String id,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.claimDecided", () -> {
			if (!"approve".equals(decision) && !"reject".equals(decision)) {
				throw Refusal.invalid("decision", "guarantee.claim.approveRequired");
			}
			claims.decide(id, "approve".equals(decision), reason);
		});
		return "redirect:/guarantees/trades/{code}";
	}

	@PostMapping("/guarantees/trades/{code}/signing")
	String signContract(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.signed", () -> releases.signContract(code, signedOn));
		return "redirect:/guarantees/trades/{code}";
	}

	@PostMapping("/guarantees/requirements")
	String require(@RequestParam(required = false) String tradeCode, @RequestParam(required = false) String sectionName,
			@RequestParam(required = false) String region, @RequestParam(required = false) String category,
			@RequestParam(required = false) String beneficiaryCreditCode, @RequestParam(required = false) String amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bidValidityEnd,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.requirement", () -> security.require(new NewRequirement(tradeCode,
				sectionName, region, category, null, beneficiaryCreditCode, decimal(amount), bidValidityEnd)));
		return "redirect:/guarantees/requirements";
	}

	@PostMapping("/guarantees/issuers")
	String registerIssuer(@RequestParam(required = false) String issuerCreditCode,
			@RequestParam(required = false) String clientUsername, RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.issuer", () -> issuance.registerIssuer(issuerCreditCode, clientUsername));
		return "redirect:/guarantees/requirements";
	}

	@PostMapping("/guarantees/banks")
	String registerBank(@RequestParam(required = false) String clientUsername, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.bank", () -> deposits.registerBank(clientUsername, name));
		return "redirect:/guarantees/requirements";
	}

	@PostMapping("/guarantees/my/deposits")
	String openDepositAccount(@RequestParam(required = false) String tradeCode, RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.depositAccount", () -> deposits.openAccount(tradeCode));
		return "redirect:/guarantees/my";
	}

	@GetMapping("/guarantees/my")
	String mine(Model model) {
		model.addAttribute("depositAccounts", deposits.myAccounts());
		model.addAttribute("arrivals", deposits.myArrivals());
		model.addAttribute("issuers", issuance.issuers());
		model.addAttribute("applications", issuance.myApplications());
		model.addAttribute("guarantees", issuance.myGuarantees());
		model.addAttribute("refunds", releases.myRefunds());
		return "guarantee/my";
	}

	@PostMapping("/guarantees/my/applications")
	String apply(@RequestParam(required = false) String tradeCode, @RequestParam(required = false) String issuer,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.application", () -> issuance.apply(tradeCode, issuer));
		return "redirect:/guarantees/my";
	}

	@GetMapping("/guarantees/claims")
	String claims(Model model) {
		model.addAttribute("trades", claims.beneficiaryTrades());
		model.addAttribute("grounds", ClaimGround.values());
		return "guarantee/claims";
	}

	@PostMapping("/guarantees/claims")
	String fileClaim(@RequestParam(required = false) String tradeCode, @RequestParam(required = false) String bidder,
			@RequestParam(required = false) String ground, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		Forms.attempt(redirect, "guarantee.saved.claimFiled", () -> claims.file(new NewClaim(tradeCode, bidder, ground, text)));
		return "redirect:/guarantees/claims";
	}

	@GetMapping("/guarantees/verify")
	String verify(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
			Model model) {
		model.addAttribute("number", number);
		model.addAttribute("code", code);
		if (number != null && code != null) {
			model.addAttribute("checked", true);
			model.addAttribute("guarantee", security.verify(number, code).orElse(null));
		}
		return "guarantee/verify";
	}

	/** A typed amount; what is not a number is refused, as more than two decimals are by the module. */
	private static BigDecimal decimal(String amount) {
		if (amount == null || amount.isBlank()) {
			return null;
		}
		try {
			return org.yiwang.kernel.InputRules.number(amount);
		}
		catch (org.yiwang.kernel.InputRefused e) {
			throw Refusal.input("amount", e);
		}
	}
}
