package org.yiwang.portal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Saved searches: a signed-in account saves a search and is told of every record published afterwards that matches
 * it, in the workspace, by mail when it gave an address (and mail is configured), and in an Atom feed whose address
 * carries an unguessable token. Each account sees only its own.
 */
@Service
public class SavedSearches {

	static final int MAX_PER_ACCOUNT = 50;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Validator validator;

	private final Clock clock;

	private final SearchIndex index;

	private final MatchMail mail;

	private final PublishedRecords records;

	private final SecureRandom random = new SecureRandom();

	SavedSearches(JdbcClient jdbc, TransactionTemplate transactions, Validator validator, Clock clock, SearchIndex index,
			MatchMail mail, PublishedRecords records) {
		this.records = records;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.validator = validator;
		this.clock = clock;
		this.index = index;
		this.mail = mail;
	}

	public SavedSearchView save(NewSavedSearch search) {
		String username = Actors.actor().username();
		for (ConstraintViolation<NewSavedSearch> violation : validator.validate(search)) {
			String key = violation.getMessageTemplate().replaceAll("[{}]", "");
			throw Refusal.invalid(violation.getPropertyPath().toString(), key);
		}
		SearchRequest request = search.request();
		if (!request.hasQuery() && request.region() == null && request.category() == null && request.type() == null) {
			throw Refusal.invalid("query", "portal.saved.empty");
		}
		if (request.hasQuery() && index.query(request) == null) {
			throw Refusal.invalid("query", "portal.search.nothingSearchable");
		}
		byte[] token = new byte[24];
		random.nextBytes(token);
		UUID id = UUID.randomUUID();
		String email = search.email() == null || search.email().isBlank() ? null : search.email().strip();
		transactions.executeWithoutResult(s -> {
			long held = jdbc.sql("select count(*) from portal.saved_searches where username = ?").param(username)
				.query(Long.class).single();
			if (held >= MAX_PER_ACCOUNT) {
				throw Refusal.conflict("name", "portal.saved.tooMany", MAX_PER_ACCOUNT);
			}
			jdbc.sql("""
					insert into portal.saved_searches (id, username, name, query, region_filter, category_filter, record_type,
					  email, feed_token, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, username, search.name().strip(), request.query(), request.region(), request.category(),
						request.type() == null ? null : request.type().name(), email,
						Base64.getUrlEncoder().withoutPadding().encodeToString(token), Timestamp.from(clock.instant()))
				.update();
		});
		return mine().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
	}

	/** The signed-in account's saved searches with their unseen matches counted, newest first. */
	public List<SavedSearchView> mine() {
		String username = Actors.actor().username();
		return transactions.execute(s -> jdbc.sql("""
				select s.*, (select count(*) from portal.saved_search_matches m where m.saved_search_id = s.id and not m.seen) unseen
				from portal.saved_searches s where s.username = ? order by s.created_at desc""").param(username)
			.query(SavedSearches::view).list());
	}

	/** Unseen matches across the account's saved searches: what the workspace tells. */
	public long unseen() {
		return Actors.current().map(a -> transactions.execute(s -> jdbc.sql("""
				select count(*) from portal.saved_search_matches m join portal.saved_searches s on s.id = m.saved_search_id
				where s.username = ? and not m.seen""").param(a.actor().username()).query(Long.class).single())).orElse(0L);
	}

	/** The matches of one of the account's saved searches, newest first; another account's is not found. */
	public List<SavedSearchMatch> matches(UUID savedSearchId) {
		own(savedSearchId);
		return transactions.execute(s -> matchesOf(savedSearchId, 50));
	}

	List<SavedSearchMatch> matchesOf(UUID savedSearchId, int limit) {
		List<Object[]> rows = jdbc.sql("""
				select record_id, matched_at, seen from portal.saved_search_matches where saved_search_id = ?
				order by matched_at desc, record_id limit ?""").params(savedSearchId, limit)
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getBoolean(3) })
			.list();
		var byId = records.byIds(rows.stream().map(r -> (UUID) r[0]).toList());
		return rows.stream().flatMap(r -> byId.stream().filter(p -> p.id().equals(r[0])).findFirst()
			.map(p -> new SavedSearchMatch(savedSearchId, p, (Instant) r[1], (Boolean) r[2])).stream()).toList();
	}

	/** The latest matches of a saved search for its feed (the token was checked by {@link #byFeedToken}). */
	public List<SavedSearchMatch> feedEntries(UUID savedSearchId) {
		return transactions.execute(s -> matchesOf(savedSearchId, 50));
	}

	public void markSeen(UUID savedSearchId) {
		own(savedSearchId);
		transactions.executeWithoutResult(s -> jdbc.sql("update portal.saved_search_matches set seen = true where saved_search_id = ?")
			.param(savedSearchId).update());
	}

	public void delete(UUID savedSearchId) {
		own(savedSearchId);
		transactions.executeWithoutResult(s -> jdbc.sql("delete from portal.saved_searches where id = ?").param(savedSearchId)
			.update());
	}

	/** The saved search whose feed token this is. */
	public Optional<SavedSearchView> byFeedToken(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
			return Optional.empty();
		}
		return transactions.execute(s -> jdbc.sql("select s.*, 0 unseen from portal.saved_searches s where feed_token = ?")
			.param(token).query(SavedSearches::view).optional());
	}

	private SavedSearchView own(UUID id) {
		String username = Actors.actor().username();
		return transactions.execute(s -> jdbc.sql("select s.*, 0 unseen from portal.saved_searches s where id = ? and username = ?")
			.params(id, username).query(SavedSearches::view).optional())
			.orElseThrow(() -> Refusal.notFound("portal.saved.notFound"));
	}

	/**
	 * Checks a newly published record against every saved search, records the matches (once: a redelivered record
	 * adds none) and mails each new one whose search has an address.
	 */
	void notifyMatches(PublicRecord record) {
		List<SavedSearchView> all = transactions.execute(s -> jdbc.sql("select s.*, 0 unseen from portal.saved_searches s")
			.query(SavedSearches::view).list());
		for (SavedSearchView search : all) {
			if (!index.matches(search.request(), record.id())) {
				continue;
			}
			Integer added = transactions.execute(s -> jdbc.sql("""
					insert into portal.saved_search_matches (saved_search_id, record_id, matched_at) values (?, ?, ?)
					on conflict do nothing""").params(search.id(), record.id(), Timestamp.from(clock.instant())).update());
			if (added != null && added == 1 && search.email() != null && mail.send(search, record)) {
				transactions.executeWithoutResult(s -> jdbc.sql("""
						update portal.saved_search_matches set emailed_at = ? where saved_search_id = ? and record_id = ?""")
					.params(Timestamp.from(clock.instant()), search.id(), record.id()).update());
			}
		}
	}

	private static SavedSearchView view(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("record_type");
		SearchRequest request = new SearchRequest(rs.getString("query"), rs.getString("region_filter"),
				rs.getString("category_filter"), type == null ? null : RecordType.valueOf(type), null, null, null, null, null, 1)
			.normalized();
		return new SavedSearchView(rs.getObject("id", UUID.class), rs.getString("name"), request, rs.getString("email"),
				rs.getString("feed_token"), rs.getTimestamp("created_at").toInstant(), rs.getLong("unseen"));
	}
}
