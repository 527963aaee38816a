package org.yiwang.demo.security;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.yiwang.demo.DemoOn;
import org.yiwang.system.Refusal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The demo settlement bank (示范结算银行): its online-banking page takes a bidder's transfer to a deposit sub-account
 * (the bank looks the sub-account up through the platform's API first), and its system reports the arrival to the
 * platform's API under the transfer's own reference as idempotency key, and executes the refund instructions from the
 * platform's refunds feed, confirming each. All with the {@code bank.api} token. Its ledger is kept in memory: the
 * demo bank is a stand-in for a bank's own systems, not a record the platform keeps.
 */
@Component
@DemoOn
class DemoBank {

	private static final Logger log = LoggerFactory.getLogger(DemoBank.class);

	private static final Pattern SUB_ACCOUNT = Pattern.compile("[0-9]{20}");

	private static final Pattern PAYER_ACCOUNT = Pattern.compile("[0-9]{8,30}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int KEPT = 200;

	private final Clock clock;

	private volatile RestClient api;

	/** By reference, oldest first; the newest {@value #KEPT} only. */
	private final Map<String, Transfer> ledger = Collections.synchronizedMap(new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Transfer> eldest) {
			return size() > KEPT;
		}
	});

	DemoBank(Clock clock) {
		this.clock = clock;
	}

	void connect(RestClient api) {
		this.api = api;
	}

	boolean online() {
		return api != null;
	}

	enum Kind {
		DEPOSIT, REFUND
	}

	/**
	 * A line of the demo bank's ledger.
	 *
	 * @param status PENDING until the platform answered; then the arrival's outcome (MATCHED, WRONG_PAYER, SHORT,
	 *        UNKNOWN_ACCOUNT), REFUSED with the platform's reason, or EXECUTED for a refund
	 */
	record Transfer(Kind kind, String reference, String accountNumber, BigDecimal amount, String payerAccount,
			String payerName, Instant at, String status, String detail, UUID holder) {

		Transfer answered(String status, String detail) {
			return new Transfer(kind, reference, accountNumber, amount, payerAccount, payerName, at, status, detail,
					holder);
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SubAccount(String accountNumber, String tradeCode, String bidderName, BigDecimal amountRequired) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Arrival(String outcome) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Problem(String detail) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RefundInstruction(String id, String accountNumber, UUID bidder, String payerAccount, String payerName,
			BigDecimal total) {
	}

	/**
	 * The account holder's own lines, newest first: its transfers and the refunds to it. A bank shows a customer its
	 * own account only; with no holder (signed in without an entity) nothing.
	 */
	List<Transfer> ledgerOf(UUID holder) {
		if (holder == null) {
			return List.of();
		}
		return ledger().stream().filter(t -> holder.equals(t.holder())).toList();
	}

	/** The ledger, newest first. */
	private List<Transfer> ledger() {
		synchronized (ledger) {
			List<Transfer> lines = new ArrayList<>(ledger.values());
			Collections.reverse(lines);
			return lines;
		}
	}

	/**
	 * A bidder transfers money to a deposit sub-account. Refused with a reason: a sub-account the platform does not
	 * know, an amount that is not a number, has more than two decimals or is not more than zero, a payer account that is
	 * not 8 to 30 digits, a missing payer name. Accepted, the arrival is reported at once (or at the next tick).
	 */
	Transfer transfer(UUID holder, String accountNumber, String amountText, String payerAccount, String payerName) {
		RestClient client = api;
		if (client == null) {
			throw Refusal.conflict(null, "demoBank.offline");
		}
		String number = accountNumber == null ? "" : accountNumber.strip();
		if (!SUB_ACCOUNT.matcher(number).matches()) {
			throw Refusal.invalid("accountNumber", "demoBank.accountForm");
		}
		BigDecimal amount = amount(amountText);
		String payer = payerAccount == null ? "" : payerAccount.strip();
		if (!PAYER_ACCOUNT.matcher(payer).matches()) {
			throw Refusal.invalid("payerAccount", "demoBank.payerAccount");
		}
		if (payerName == null || payerName.isBlank() || payerName.strip().length() > 100) {
			throw Refusal.invalid("payerName", "demoBank.payerName");
		}
		try {
			client.get().uri("/api/guarantees/bank/accounts/{number}", number).retrieve().body(SubAccount.class);
		}
		catch (RestClientResponseException e) {
			if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
				throw Refusal.invalid("accountNumber", "demoBank.accountUnknown", number);
			}
			throw e;
		}
		Transfer transfer = new Transfer(Kind.DEPOSIT, "DEMOBANK-" + digits(12), number, amount, payer, payerName.strip(),
				clock.instant(), "PENDING", null, holder);
		ledger.put(transfer.reference(), transfer);
		try {
			report();
		}
		catch (RuntimeException unreachable) {
			// The money left the payer's account; the arrival is reported at the next tick.
			log.info("Demo bank could not report {} yet: {}", transfer.reference(), unreachable.getMessage());
		}
		return ledger.getOrDefault(transfer.reference(), transfer);
	}

	void work() {
		if (api == null) {
			return;
		}
		report();
		List<RefundInstruction> instructions = api.get().uri("/api/guarantees/bank/refunds").retrieve()
			.body(new ParameterizedTypeReference<List<RefundInstruction>>() {
			});
		for (RefundInstruction refund : instructions == null ? List.<RefundInstruction>of() : instructions) {
			String reference = "DEMOBANK-RF-" + refund.id().replace("-", "").substring(0, 16).toUpperCase();
			Instant now = clock.instant();
			api.post().uri("/api/guarantees/bank/refunds/{id}/execution", refund.id())
				.header("Idempotency-Key", "demo-refund-" + refund.id()).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("bankReference", reference, "executedAt", now.toString())).retrieve().toBodilessEntity();
			ledger.put(reference, new Transfer(Kind.REFUND, reference, refund.accountNumber(), refund.total(),
					refund.payerAccount(), refund.payerName(), now, "EXECUTED", null, refund.bidder()));
			log.info("Demo bank refunded {} yuan from sub-account {} to {}", refund.total(), refund.accountNumber(),
					refund.payerAccount());
		}
	}

	/** Reports every transfer the platform has not answered yet; the reference is the idempotency key. */
	private synchronized void report() {
		for (Transfer transfer : ledger()) {
			if (transfer.kind() != Kind.DEPOSIT || !transfer.status().equals("PENDING")) {
				continue;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("accountNumber", transfer.accountNumber());
			body.put("amount", transfer.amount());
			body.put("payerAccount", transfer.payerAccount());
			body.put("payerName", transfer.payerName());
			body.put("paidAt", transfer.at().toString());
			body.put("bankReference", transfer.reference());
			try {
				Arrival arrival = api.post().uri("/api/guarantees/bank/arrivals").header("Idempotency-Key", transfer.reference())
					.contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Arrival.class);
				ledger.put(transfer.reference(), transfer.answered(arrival.outcome(), null));
				log.info("Demo bank reported arrival {} on {}: {}", transfer.reference(), transfer.accountNumber(),
					arrival.outcome());
			}
			catch (RestClientResponseException refused) {
				if (refused.getStatusCode().is4xxClientError()) {
					Problem problem = refused.getResponseBodyAs(Problem.class);
					ledger.put(transfer.reference(), transfer.answered("REFUSED",
							problem == null ? refused.getStatusText() : problem.detail()));
				}
				else {
					throw refused;
				}
			}
		}
	}

	private static BigDecimal amount(String text) {
		BigDecimal amount;
		try {
			amount = new BigDecimal(text == null ? "" : text.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid("amount", "demoBank.amountForm");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw Refusal.invalid("amount", "demoBank.amountDecimals", amount.toPlainString());
		}
		if (amount.signum() <= 0) {
			throw Refusal.invalid("amount", "demoBank.amountPositive");
		}
		if (amount.compareTo(new BigDecimal("1000000000")) >= 0) {
			throw Refusal.invalid("amount", "demoBank.amountForm");
		}
		return amount.setScale(2);
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		return digits.toString();
	}
}
