package org.yiwang.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import org.yiwang.kernel.Sha256;

/**
 * The uplink of the national data specification datasets: each public record is exported when it arrives, checked
 * for its dataset's required fields, and, when complete, sent to the national platform's receiving endpoint
 * ({@code yiwang.portal.uplink.endpoint}) by a scheduled sender, retried with growing pauses. A record is marked sent
 * only when the receiver answered 2xx with a receipt.
 */
@Service
public class NationalUplink {

	private static final Logger log = LoggerFactory.getLogger(NationalUplink.class);

	static final int MAX_ATTEMPTS = 8;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final NationalExport export;

	private final JsonMapper json;

	private final Clock clock;

	private final UplinkSettings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	NationalUplink(JdbcClient jdbc, TransactionTemplate transactions, NationalExport export, JsonMapper json, Clock clock,
			UplinkSettings settings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.export = export;
		this.json = json;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Records the record's export (once); complete ones wait for the sender. {@code nationalFields} null: no dataset
	 * applies to the record (an auction that failed is no trade result), nothing is exported.
	 */
	void prepare(PublicRecord record, Map<String, Object> nationalFields) {
		if (nationalFields == null) {
			return;
		}
		store(record, "", export.export(record, nationalFields));
	}

	/**
	 * Records a further dataset the record carries (once per {@code item}: what the row describes, e.g. a tender
	 * project or a bidder of a section's round; the same item exported again from a later record is kept once).
	 */
	void prepare(PublicRecord record, NationalDataset dataset, String item, Map<String, Object> fields) {
		store(record, item, export.export(record, dataset, fields));
	}

	private void store(PublicRecord record, String item, NationalExport.Export exported) {
		String status = exported.missing().isEmpty() ? "PENDING" : "INCOMPLETE";
		transactions.executeWithoutResult(s -> jdbc.sql("""
				insert into portal.uplink (record_id, dataset, item, payload, missing_fields, status, next_attempt_at,
				  created_at)
				values (?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict do nothing""")
			.params(record.id(), exported.dataset().name(), item, json.writeValueAsString(exported.fields()),
					exported.missing().toArray(String[]::new), status, Timestamp.from(clock.instant()),
					Timestamp.from(clock.instant()))
			.update());
	}

	/** The latest records' uplink status, newest first. */
	public List<UplinkView> recent(int limit) {
		return transactions.execute(s -> jdbc.sql("""
				select u.*, r.title from portal.uplink u join portal.records r on r.id = u.record_id
				order by u.created_at desc, u.record_id, u.dataset, u.item limit ?""").param(Math.max(1, Math.min(limit, 500)))
			.query(NationalUplink::view).list());
	}

	public Map<String, Long> countsByStatus() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String status : List.of("INCOMPLETE", "PENDING", "SENT", "FAILED")) {
			counts.put(status, 0L);
		}
		transactions.execute(s -> jdbc.sql("select status, count(*) n from portal.uplink group by status")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list());
		return counts;
	}

	public boolean enabled() {
		return settings.endpoint() != null && !settings.endpoint().isBlank();
	}

	/** Sends what is due, at most one batch; returns how many were sent. Called by the scheduler. */
	int sendDue() {
		if (!enabled()) {
			return 0;
		}
		List<Object[]> due = transactions.execute(s -> jdbc.sql("""
				select record_id, dataset, item, payload::text, attempts from portal.uplink
				where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit 100""")
			.param(Timestamp.from(clock.instant()))
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5) })
			.list());
		int sent = 0;
		for (Object[] row : due) {
			sent += send((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (Integer) row[4]) ? 1 : 0;
		}
		return sent;
	}

	private boolean send(UUID recordId, String dataset, String item, String payload, int attempts) {
		String error;
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.endpoint() + "/" + dataset))
				.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				String receipt = String.valueOf(json.readTree(response.body()).path("receipt").asString(""));
				if (!receipt.isBlank()) {
					// the national platform holds it now: keep the hash of what was sent, drop the personal fields
					String[] personal = NationalExport.personalFieldsIn(json.readValue(payload, Map.class).keySet());
					transactions.executeWithoutResult(s -> jdbc.sql("""
							update portal.uplink set status = 'SENT', attempts = attempts + 1, receipt = ?, sent_at = ?,
							  last_error = null, next_attempt_at = null, sent_sha256 = ?, payload = payload - ?::text[],
							  redacted_fields = ?::text[]
							where record_id = ? and dataset = ? and item = ?""")
						.params(receipt, Timestamp.from(clock.instant()), Sha256.hex(payload), personal, personal, recordId,
								dataset, item)
						.update());
					return true;
				}
				error = "HTTP " + response.statusCode() + " without a receipt";
			}
			else {
				error = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
			}
		}
		catch (java.io.IOException | RuntimeException e) {
			error = e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		int attempt = attempts + 1;
		boolean giveUp = attempt >= MAX_ATTEMPTS;
		Duration pause = settings.retryPause().multipliedBy(1L << Math.min(attempt - 1, 10));
		log.warn("Uplink of {} ({}) failed, attempt {}: {}", recordId, dataset, attempt, error);
		String failure = error;
		transactions.executeWithoutResult(s -> jdbc.sql("""
				update portal.uplink set status = ?, attempts = ?, last_error = ?, next_attempt_at = ?
				where record_id = ? and dataset = ? and item = ?""")
			.params(giveUp ? "FAILED" : "PENDING", attempt, failure,
					giveUp ? null : Timestamp.from(clock.instant().plus(pause)), recordId, dataset, item)
			.update());
		return false;
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	/** What the local stand-in receiver accepts: the dataset's required fields present; returns the missing ones. */
	List<String> missingRequired(NationalDataset dataset, Map<String, ?> fields) {
		return NationalExport.missing(dataset, fields);
	}

	/** The local receiver keeps what it accepted and answers with a receipt. */
	public ReceiverAnswer receive(String datasetName, Map<String, Object> fields) {
		NationalDataset dataset;
		try {
			dataset = NationalDataset.valueOf(datasetName);
		}
		catch (IllegalArgumentException e) {
			return new ReceiverAnswer(null, List.of("dataset"));
		}
		List<String> missing = missingRequired(dataset, fields);
		if (!missing.isEmpty()) {
			return new ReceiverAnswer(null, missing);
		}
		String receipt = "RCPT-" + UUID.randomUUID();
		transactions.executeWithoutResult(s -> jdbc.sql("""
				insert into portal.uplink_received (receipt, dataset, payload, received_at) values (?, ?, ?::jsonb, ?)""")
			.params(receipt, dataset.name(), json.writeValueAsString(fields), Timestamp.from(clock.instant())).update());
		return new ReceiverAnswer(receipt, List.of());
	}

	/** @param receipt null when refused; then {@code missing} names the absent required fields */
	public record ReceiverAnswer(String receipt, List<String> missing) {
	}

	private static UplinkView view(ResultSet rs, int row) throws SQLException {
		Array missing = rs.getArray("missing_fields");
		Timestamp next = rs.getTimestamp("next_attempt_at");
		Timestamp sent = rs.getTimestamp("sent_at");
		return new UplinkView(rs.getObject("record_id", UUID.class), rs.getString("title"),
				NationalDataset.valueOf(rs.getString("dataset")), rs.getString("item"), rs.getString("status"),
				missing == null ? List.of() : Arrays.asList((String[]) missing.getArray()), rs.getInt("attempts"),
				next == null ? null : next.toInstant(), rs.getString("last_error"), rs.getString("receipt"),
				sent == null ? null : sent.toInstant());
	}
}
