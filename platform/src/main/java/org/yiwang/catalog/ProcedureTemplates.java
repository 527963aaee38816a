package org.yiwang.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiwang.kernel.CategoryCode;

/**
 * The versions of every category's template; insert-only, as the database grants. A version once read never changes,
 * so it is kept in memory: every bid asks its section's template for the procedure's clock.
 */
@Repository
class ProcedureTemplates {

	private static final String COLUMNS = """
			category_code, version, procedure, bid_period_days, document_availability_days, amendment_notice_days,
			objection_deadline_days, objection_answer_days, candidate_publicity_days, decryption_window_minutes,
			listing_period_days, listing_in_working_days, countdown_minutes, min_bids, prequalification, auction,
			evaluation_method, security_max_percent, effective_from, revised_by, reason, backup_decryption, auction_kind,
			dutch_step_seconds, dutch_floor_percent, sealed_window_minutes""";

	private final JdbcClient jdbc;

	private final Map<String, ProcedureTemplate> versions = new ConcurrentHashMap<>();

	ProcedureTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ProcedureTemplate t) {
		String key = key(t.category(), t.version());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// read back in this transaction and then rolled back, the version was never made: forget it
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						versions.remove(key);
					}
				}
			});
		}
		jdbc.sql("insert into catalog.procedure_templates (" + COLUMNS + ") values "
				+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(t.category().value(), t.version(), t.procedure().name(), t.bidPeriodDays(),
					t.documentAvailabilityDays(), t.amendmentNoticeDays(), t.objectionDeadlineDays(),
					t.objectionAnswerDays(), t.candidatePublicityDays(), t.decryptionWindowMinutes(),
					t.listingPeriodDays(), t.listingInWorkingDays(), t.countdownMinutes(), t.minBids(),
					t.prequalification(), t.auction(), t.evaluationMethod() == null ? null : t.evaluationMethod().name(),
					t.securityMaxPercent(), java.sql.Timestamp.from(t.effectiveFrom()), t.revisedBy(), t.reason(),
					t.backupDecryption(), t.auctionKind().name(), t.dutchStepSeconds(), t.dutchFloorPercent(),
					t.sealedWindowMinutes())
			.update();
	}

	Optional<ProcedureTemplate> current(CategoryCode category) {
		return jdbc.sql("select " + COLUMNS + " from catalog.procedure_templates where category_code = ? "
				+ "order by version desc limit 1").param(category.value()).query(this::map).optional();
	}

	Optional<ProcedureTemplate> version(CategoryCode category, int version) {
		String key = key(category, version);
		ProcedureTemplate known = versions.get(key);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<ProcedureTemplate> read = jdbc
			.sql("select " + COLUMNS + " from catalog.procedure_templates where category_code = ? and version = ?")
			.params(category.value(), version).query(this::map).optional();
		read.ifPresent(t -> versions.put(key, t));
		return read;
	}

	private static String key(CategoryCode category, int version) {
		return category.value() + "#" + version;
	}

	List<ProcedureTemplate> history(CategoryCode category) {
		return jdbc.sql("select " + COLUMNS + " from catalog.procedure_templates where category_code = ? "
				+ "order by version desc").param(category.value()).query(this::map).list();
	}

	Map<String, Integer> currentVersions() {
		return jdbc.sql("select category_code, max(version) from catalog.procedure_templates group by category_code")
			.query((java.sql.ResultSet rs) -> {
				Map<String, Integer> versions = new java.util.HashMap<>();
				while (rs.next()) {
					versions.put(rs.getString(1), rs.getInt(2));
				}
				return versions;
			});
	}

	private ProcedureTemplate map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String method = rs.getString("evaluation_method");
		return new ProcedureTemplate(CategoryCode.of(rs.getString("category_code")), rs.getInt("version"),
				Procedure.valueOf(rs.getString("procedure")), integer(rs, "bid_period_days"),
				integer(rs, "document_availability_days"), integer(rs, "amendment_notice_days"),
				integer(rs, "objection_deadline_days"), integer(rs, "objection_answer_days"),
				integer(rs, "candidate_publicity_days"), integer(rs, "decryption_window_minutes"),
				integer(rs, "listing_period_days"), rs.getBoolean("listing_in_working_days"),
				integer(rs, "countdown_minutes"), rs.getInt("min_bids"), rs.getBoolean("prequalification"),
				rs.getBoolean("auction"), method == null ? null : EvaluationMethod.valueOf(method),
				rs.getBigDecimal("security_max_percent"), rs.getTimestamp("effective_from").toInstant(),
				rs.getString("revised_by"), rs.getString("reason"), rs.getBoolean("backup_decryption"),
				AuctionKind.valueOf(rs.getString("auction_kind")), integer(rs, "dutch_step_seconds"),
				integer(rs, "dutch_floor_percent"), integer(rs, "sealed_window_minutes"));
	}

	/** The first template of a reference category, with the auction kind {@code catalog.auction_formats} seeds. */
	ProcedureTemplate seeded(ProcedureTemplate initial) {
		return jdbc.sql("select auction_kind, dutch_step_seconds, dutch_floor_percent, sealed_window_minutes "
				+ "from catalog.auction_formats where category_code = ?").param(initial.category().value())
			.query((rs, n) -> initial.withAuction(AuctionKind.valueOf(rs.getString(1)), integer(rs, "dutch_step_seconds"),
					integer(rs, "dutch_floor_percent"), integer(rs, "sealed_window_minutes")))
			.optional().filter(t -> initial.auction()).orElse(initial);
	}

	private static Integer integer(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}
}
