package org.yiwang.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The portal's public records (readable by everyone, written only by the platform in scope). */
@Repository
class PublishedRecords {

	private static final TypeReference<List<Party>> PARTIES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PublishedRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts the record unless it is already held (events are delivered at least once); true when new. */
	boolean add(PublicRecord r, String source) {
		return jdbc.sql("""
				insert into portal.records (id, record_type, source, trade_code, project_name, section_name, region_code,
				  category_code, title, body, estimated_price, amount, parties, bid_deadline, signed_content, signature,
				  published_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
				on conflict (id) do nothing""")
			.params(r.id(), r.type().name(), source, r.tradeCode(), r.projectName(), r.sectionName(), r.regionCode(),
					r.categoryCode(), r.title(), r.body(), r.estimatedPrice(), r.amount(),
					json.writeValueAsString(r.parties()), r.bidDeadline() == null ? null : Timestamp.from(r.bidDeadline()),
					r.signedContent(), r.signature(), Timestamp.from(r.publishedAt()))
			.update() == 1;
	}

	/**
	 * A bid as the portal publishes it in OCDS (issue 19, red flags): from the opening record's bidder list (national
	 * dataset 507, one row per bid of the round) and, for a candidates' publicity, the round's bids of the candidates
	 * (510 names them by credit code). {@code status} is the OCDS bidStatus: {@code pending} for a bid read out with a
	 * price, {@code withdrawn} for one not decrypted (电子招标投标办法 第三十一条: 视为撤销其投标文件), {@code valid} for a
	 * candidate the committee ranked.
	 */
	record BidRow(UUID record, String bid, String name, String creditCode, java.math.BigDecimal amount,
			String submittedAt, String status) {
	}

	/** The bids each of these records publishes (opening records and candidates' publicities), by record id. */
	Map<UUID, List<BidRow>> bids(java.util.Collection<UUID> ids) {
		Map<UUID, List<BidRow>> bids = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return bids;
		}
		UUID[] array = ids.toArray(UUID[]::new);
		jdbc.sql("""
				select u.record_id, u.item, u.payload, u.payload->>'投标报价金额' as amount,
				  case when u.payload->>'投标报价金额' is null then 'withdrawn' else 'pending' end as status
				from portal.uplink u where u.record_id = any(?) and u.dataset = 'TENDER_LIST'
				union all
				select c.record_id, l.item, l.payload, l.payload->>'投标报价金额', 'valid'
				from portal.uplink c join portal.records cr on cr.id = c.record_id
				join portal.uplink l on l.dataset = 'TENDER_LIST'
				  and l.payload->>'投标人代码' = c.payload->>'中标候选人代码'
				  and l.record_id = (select o.id from portal.records o where o.trade_code = cr.trade_code
				    and o.record_type = 'OPENING_RECORD' and o.published_at <= cr.published_at
				    order by o.published_at desc, o.id desc limit 1)
				where c.record_id = any(?) and c.dataset = 'TENDER_CANDIDATE'
				order by 1, 2""").params(array, array).query(rs -> {
			Map<String, Object> payload = json.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() {
			});
			String item = rs.getString("item");
			// as the database keeps the number (its scale too), not as a double
			String amount = rs.getString("amount");
			UUID record = rs.getObject("record_id", UUID.class);
			bids.computeIfAbsent(record, r -> new ArrayList<>()).add(new BidRow(record,
					item.substring(item.indexOf('#') + 1), (String) payload.get("投标人名称"), (String) payload.get("投标人代码"),
					amount == null ? null : new java.math.BigDecimal(amount), (String) payload.get("投标文件递交时间"),
					rs.getString("status")));
		});
		return bids;
	}

	/**
	 * The tender notices' documents-from time and tendering method (national datasets 503 and 502, as captured when
	 * published), by record id: {@code [documentsFrom, method]}, either null when not captured.
	 */
	Map<UUID, String[]> tenderTerms(java.util.Collection<UUID> ids) {
		Map<UUID, String[]> terms = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("""
					select r.id, (select u.payload->>'招标文件/资格预审文件获取时间' from portal.uplink u
					  where u.record_id = r.id and u.item = '') as documents_from,
					 (select u.payload->>'标段（包）招标方式' from portal.uplink u where u.record_id = r.id
					  and u.dataset = 'SECTION' limit 1) as method
					from portal.records r where r.id = any(?) and r.record_type = 'TENDER'""")
				.param(ids.toArray(UUID[]::new))
				.query(rs -> {
					terms.put(rs.getObject("id", UUID.class),
							new String[] { rs.getString("documents_from"), rs.getString("method") });
				});
		}
		return terms;
	}

	/** Where each of these records came from ({@code portal.records.source}), by id. */
	java.util.Map<UUID, String> sources(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, String> sources = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, source from portal.records where id = any(?)").param(ids.toArray(UUID[]::new))
				.query(rs -> {
					sources.put(rs.getObject("id", UUID.class), rs.getString("source"));
				});
		}
		return sources;
	}

	Optional<PublicRecord> find(UUID id) {
		return jdbc.sql("select * from portal.records where id = ?").param(id).query(this::record).optional();
	}

	/** The records with these ids, in the order of the ids. */
	List<PublicRecord> byIds(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, PublicRecord> found = new LinkedHashMap<>();
		jdbc.sql("select * from portal.records where id = any(?)").param(ids.toArray(UUID[]::new))
			.query(this::record).list().forEach(r -> found.put(r.id(), r));
		List<PublicRecord> ordered = new ArrayList<>();
		ids.forEach(id -> Optional.ofNullable(found.get(id)).ifPresent(ordered::add));
		return ordered;
	}

	/** All records of one trade code (one section's history), oldest first. */
	List<PublicRecord> byTradeCode(String tradeCode) {
		return jdbc.sql("select * from portal.records where trade_code = ? order by published_at, id").param(tradeCode)
			.query(this::record).list();
	}

	List<PublicRecord> latest(int limit) {
		return jdbc.sql("select * from portal.records order by published_at desc, id limit ?").param(limit)
			.query(this::record).list();
	}

	long count() {
		return jdbc.sql("select count(*) from portal.records").query(Long.class).single();
	}

	/**
	 * Records received after the cursor {@code (afterReceived, afterId)} and before {@code until}, in feed order.
	 */
	List<PublicRecord> receivedBetween(Instant afterReceived, UUID afterId, Instant until, int limit) {
		return jdbc.sql("""
				select * from portal.records
				where (received_at, id) > (?, ?) and received_at < ?
				order by received_at, id limit ?""")
			.params(Timestamp.from(afterReceived), afterId, Timestamp.from(until), limit)
			.query(this::record).list();
	}

	/** Streams every record in (received_at, id) order, a batch at a time, for rebuilding the index. */
	void forEachBatch(int batchSize, Consumer<List<PublicRecord>> batch) {
		Instant after = Instant.EPOCH;
		UUID afterId = new UUID(0, 0);
		while (true) {
			List<PublicRecord> page = receivedBetween(after, afterId, Instant.parse("9999-01-01T00:00:00Z"), batchSize);
			if (page.isEmpty()) {
				return;
			}
			batch.accept(page);
			PublicRecord last = page.get(page.size() - 1);
			after = last.receivedAt();
			afterId = last.id();
		}
	}

	private PublicRecord record(ResultSet rs, int row) throws SQLException {
		Timestamp deadline = rs.getTimestamp("bid_deadline");
		return new PublicRecord(rs.getObject("id", UUID.class), RecordType.valueOf(rs.getString("record_type")),
				rs.getString("trade_code"), rs.getString("project_name"), rs.getString("section_name"),
				rs.getString("region_code"), rs.getString("category_code"), rs.getString("title"), rs.getString("body"),
				rs.getBigDecimal("estimated_price"), rs.getBigDecimal("amount"),
				json.readValue(rs.getString("parties"), PARTIES), deadline == null ? null : deadline.toInstant(),
				rs.getString("signed_content"), rs.getString("signature"), rs.getTimestamp("published_at").toInstant(),
				rs.getTimestamp("received_at").toInstant());
	}
}
