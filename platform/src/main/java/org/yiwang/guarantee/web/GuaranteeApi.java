package org.yiwang.guarantee.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.guarantee.ApplicationView;
import org.yiwang.guarantee.ArrivalReport;
import org.yiwang.guarantee.ArrivalView;
import org.yiwang.guarantee.BankView;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.DepositAccountView;
import org.yiwang.guarantee.GuaranteeIssuance;
import org.yiwang.guarantee.GuaranteeView;
import org.yiwang.guarantee.IssuerView;
import org.yiwang.guarantee.LetterReceipt;
import org.yiwang.guarantee.LetterSubmission;
import org.yiwang.guarantee.NewRequirement;
import org.yiwang.guarantee.PublicGuaranteeView;
import org.yiwang.guarantee.RefundExecution;
import org.yiwang.guarantee.RefundReceipt;
import org.yiwang.guarantee.RefundView;
import org.yiwang.guarantee.ReleaseView;
import org.yiwang.guarantee.RequirementView;
import org.yiwang.guarantee.SecurityReleases;
import org.yiwang.guarantee.ClaimPayment;
import org.yiwang.guarantee.ClaimView;
import org.yiwang.guarantee.NewClaim;
import org.yiwang.guarantee.SecurityClaims;
import org.yiwang.guarantee.SecurityFigure;
import org.yiwang.guarantee.SecurityFigures;
import org.yiwang.guarantee.TradeSecurityView;
import org.yiwang.system.Refusal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** Bid security as JSON: staff set requirements and register issuers, bidders apply, issuers post letters. */
@RestController
@RequestMapping("/api/guarantees")
@Tag(name = "guarantee", description = "Bid security: requirements, e-guarantee applications and letters, public check")
class GuaranteeApi {

	private final BidSecurity security;

	private final GuaranteeIssuance issuance;

	private final CashDeposits deposits;

	private final SecurityReleases releases;

	private final SecurityClaims claims;

	private final SecurityFigures figures;

	GuaranteeApi(BidSecurity security, GuaranteeIssuance issuance, CashDeposits deposits, SecurityReleases releases,
			SecurityClaims claims, SecurityFigures figures) {
		this.figures = figures;
		this.claims = claims;
		this.releases = releases;
		this.security = security;
		this.issuance = issuance;
		this.deposits = deposits;
	}

	@PostMapping("/requirements")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Set the bid security a trade code asks for (staff of its region)")
	RequirementView require(@Valid @RequestBody NewRequirement requirement) {
		return security.require(requirement);
	}

	@GetMapping("/requirements")
	@Operation(summary = "The requirements of the caller's regions")
	List<RequirementView> requirements() {
		return security.requirements();
	}

	@GetMapping("/requirements/{code}")
	RequirementView requirement(@PathVariable String code) {
		return security.requirement(code);
	}

	record NewIssuer(@NotBlank(message = "{guarantee.issuer.unknown}") String issuerCreditCode,
			@NotBlank(message = "{guarantee.issuer.clientForm}") String clientUsername) {
	}

	@PostMapping("/issuers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a guarantee issuer and the machine account that acts for it (city-wide staff)")
	IssuerView registerIssuer(@Valid @RequestBody NewIssuer issuer) {
		return issuance.registerIssuer(issuer.issuerCreditCode(), issuer.clientUsername());
	}

	@GetMapping("/issuers")
	List<IssuerView> issuers() {
		return issuance.issuers();
	}

	record NewApplication(@NotBlank(message = "{guarantee.tradeCode.form}") String tradeCode,
			@NotBlank(message = "{guarantee.issuer.unknown}") String issuer) {
	}

	@PostMapping("/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The caller's entity (a bidder) applies for an e-guarantee on a trade code from an issuer")
	ApplicationView apply(@Valid @RequestBody NewApplication application) {
		return issuance.apply(application.tradeCode(), application.issuer());
	}

	@GetMapping("/applications/mine")
	List<ApplicationView> myApplications() {
		return issuance.myApplications();
	}

	@GetMapping("/mine")
	@Operation(summary = "The caller's entity's recorded guarantees, with their verification codes")
	List<GuaranteeView> myGuarantees() {
		return issuance.myGuarantees();
	}

	@GetMapping("/issuer/applications")
	@Operation(summary = "Applications waiting for the issuer the calling machine account acts for")
	List<ApplicationView> pending() {
		return issuance.pendingApplications();
	}

	@PostMapping("/issuer/applications/{id}/letter")
	@Operation(summary = "Post the signed guarantee letter for an application; needs an Idempotency-Key header",
			description = "The signature covers the canonical form (docs/bid-security.md): UTF-8 lines "
					+ "YIWANG-GUARANTEE-LETTER-V1, letterNumber=, tradeCode=, beneficiaryCreditCode=, applicantCreditCode=, "
					+ "amount= (two decimals), validFrom=, validUntil= (yyyy-MM-dd), pdfSha256= (lower-case hex), each ended by LF. "
					+ "A retry with the same key and body returns the first answer; another body under the key is 409.")
	ResponseEntity<GuaranteeView> letter(@PathVariable String id, @RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody LetterSubmission letter) {
		LetterReceipt receipt = issuance.submitLetter(parse(id, "guarantee.application.notFound"), idempotencyKey, letter);
		return ResponseEntity.status(HttpStatus.CREATED).header("Idempotent-Replayed", String.valueOf(receipt.replayed()))
			.body(receipt.guarantee());
	}

	record NewBank(@NotBlank(message = "{guarantee.issuer.clientForm}") String clientUsername,
			@NotBlank(message = "{guarantee.bank.name}") String name) {
	}

	@PostMapping("/banks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register the settlement bank's machine account that reports deposit arrivals (city-wide staff)")
	BankView registerBank(@Valid @RequestBody NewBank bank) {
		return deposits.registerBank(bank.clientUsername(), bank.name());
	}

	record NewDepositAccount(@NotBlank(message = "{guarantee.tradeCode.form}") String tradeCode) {
	}

	@PostMapping("/deposits")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The caller's entity (a bidder) gets its own deposit sub-account for a trade code")
	DepositAccountView openDepositAccount(@Valid @RequestBody NewDepositAccount request) {
		return deposits.openAccount(request.tradeCode());
	}

	@GetMapping("/deposits/mine")
	List<DepositAccountView> myDepositAccounts() {
		return deposits.myAccounts();
	}

	@GetMapping("/bank/accounts/{id}")
	@Operation(summary = "The settlement bank looks up a deposit sub-account before accepting a transfer to it",
			description = "The trade, the bidder (whose name the payer must bear) and the amount required; 404 when unknown.")
	DepositAccountView bankAccount(@PathVariable("id") String accountNumber) {
		return deposits.accountForBank(accountNumber);
	}

	@PostMapping("/bank/arrivals")
	@Operation(summary = "The settlement bank reports a deposit arrival; needs an Idempotency-Key header",
			description = "Matched to bidder and trade by sub-account, or recorded with a flag: WRONG_PAYER (payer name "
					+ "is not the bidder's), SHORT (less than required), UNKNOWN_ACCOUNT. A bank reference is reported once.")
	ResponseEntity<ArrivalView> arrival(@RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody ArrivalReport report) {
		ArrivalView arrival = deposits.report(idempotencyKey, report);
		return ResponseEntity.status(HttpStatus.CREATED).header("Idempotent-Replayed", String.valueOf(arrival.replayed()))
			.body(arrival);
	}

	@GetMapping("/requirements/{code}/security")
	@Operation(summary = "Who holds which security for a trade, whether it ended, and what was released and refunded (staff)")
	TradeSecurityView tradeSecurity(@PathVariable String code) {
		return releases.trade(code);
	}

	record TransactionEnd(String winner) {
	}

	@PostMapping("/requirements/{code}/transaction-end")
	@Operation(summary = "The trade's transaction ended: the unsuccessful bidders' securities are released at once (staff)",
			description = "winner: the winning bidder's entity id, or empty when the trade failed. Calling again with the "
					+ "same winner answers the same; another winner is 409.")
	TradeSecurityView transactionEnd(@PathVariable String code, @RequestBody(required = false) TransactionEnd end) {
		return releases.endTransaction(code, end == null ? null : end.winner());
	}

	record ContractSigning(LocalDate signedOn) {
	}

	@PostMapping("/requirements/{code}/contract-signing")
	@Operation(summary = "The winner signed the contract: its security is released, cash refunds due within 5 days (staff)")
	TradeSecurityView contractSigning(@PathVariable String code, @RequestBody(required = false) ContractSigning signing) {
		return releases.signContract(code, signing == null ? null : signing.signedOn());
	}

	@GetMapping("/refunds/overdue")
	@Operation(summary = "Cash refunds of the caller's regions not executed by their due day (staff)")
	List<RefundView> overdueRefunds() {
		return releases.overdueRefunds();
	}

	@GetMapping("/refunds/mine")
	@Operation(summary = "The caller's entity's cash refunds, with interest and status")
	List<RefundView> myRefunds() {
		return releases.myRefunds();
	}

	@GetMapping("/issuer/releases")
	@Operation(summary = "Guarantees released and not yet acknowledged by the issuer the calling machine account acts for")
	List<ReleaseView> releases() {
		return releases.pendingReleases();
	}

	@PostMapping("/issuer/releases/{id}/acknowledgement")
	@Operation(summary = "The issuer acknowledges a release; acknowledging again answers the same")
	ReleaseView acknowledge(@PathVariable String id) {
		return releases.acknowledge(parse(id, "guarantee.release.notFound"));
	}

	@GetMapping("/bank/refunds")
	@Operation(summary = "Refund instructions the calling bank has not confirmed yet, earliest due first")
	List<RefundView> refundInstructions() {
		return releases.refundInstructions();
	}

	@PostMapping("/bank/refunds/{id}/execution")
	@Operation(summary = "The bank confirms it executed a refund; needs an Idempotency-Key header",
			description = "A retry with the same key and body returns the first answer (Idempotent-Replayed: true); "
					+ "a second confirmation under another key, another body under the key or a used bank reference is 409.")
	ResponseEntity<RefundView> executed(@PathVariable String id, @RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody(required = false) RefundExecution execution) {
		RefundReceipt receipt = releases.confirmRefund(parse(id, "guarantee.refund.notFound"), idempotencyKey, execution);
		return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(receipt.replayed())).body(receipt.refund());
	}

	@PostMapping("/claims")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The tenderer (the trade's beneficiary) claims on a bidder's security",
			description = "ground: WITHDREW_AFTER_DEADLINE, REFUSED_TO_SIGN or OTHER (text required). The security is "
					+ "the bidder's guarantee in force, else its cash; it is not released while the claim is undecided.")
	ClaimView fileClaim(@RequestBody(required = false) NewClaim claim) {
		return claims.file(claim);
	}

	@GetMapping("/claims/mine")
	@Operation(summary = "The claims the caller's entity filed, with their decisions and payments")
	List<ClaimView> myClaims() {
		return claims.myClaims();
	}

	record ClaimDecision(Boolean approve, String reason) {
	}

	@PostMapping("/claims/{id}/decision")
	@Operation(summary = "Staff of the trade's region approve or reject a filed claim, with a reason",
			description = "Approved on a guarantee: the issuer is told on its claims feed. Approved on cash: the deposit is "
					+ "forfeited, not refunded. Rejected: the security is released as the trade's end would have.")
	ClaimView decide(@PathVariable String id, @RequestBody(required = false) ClaimDecision decision) {
		if (decision == null || decision.approve() == null) {
			throw Refusal.invalid("approve", "guarantee.claim.approveRequired");
		}
		return claims.decide(id, decision.approve(), decision.reason());
	}

	@GetMapping("/issuer/claims")
	@Operation(summary = "Approved claims the issuer the calling machine account acts for has not paid yet")
	List<ClaimView> approvedClaims() {
		return claims.approvedClaims();
	}

	@PostMapping("/issuer/claims/{id}/payment")
	@Operation(summary = "The issuer records what it paid on an approved claim; needs an Idempotency-Key header",
			description = "paidAmount: more than zero, at most the guarantee amount, at most two decimals. The same key and "
					+ "body answer the same (Idempotent-Replayed: true); any other payment of a paid claim is 409.")
	ResponseEntity<ClaimView> payment(@PathVariable String id, @RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody(required = false) ClaimPayment payment) {
		ClaimView paid = claims.recordPayment(parse(id, "guarantee.claim.notFound"), idempotencyKey, payment);
		return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(paid.replayed())).body(paid);
	}

	@GetMapping("/figures")
	@Operation(summary = "Security amount by form and capital held (yuan·days) per month, category and region (staff)",
			description = "months: the last 1 to 60 calendar months, this one included (default 12). Staff see their own "
					+ "districts' trades only.")
	List<SecurityFigure> figures(@RequestParam(defaultValue = "12") int months) {
		return figures.figures(months);
	}

	@GetMapping("/verify")
	@Operation(summary = "Check a guarantee by letter number and verification code (public)")
	PublicGuaranteeView verify(@RequestParam(required = false) String number, @RequestParam(required = false) String code) {
		return security.verify(number, code).orElseThrow(() -> Refusal.notFound("guarantee.verify.notFound"));
	}

	private static UUID parse(String id, String notFoundKey) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound(notFoundKey);
		}
	}
}
