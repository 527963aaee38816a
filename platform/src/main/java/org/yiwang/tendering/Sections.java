package org.yiwang.tendering;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/** Tender projects, their sections and the deadline history; region-scoped in the database (row-level security). */
@Repository
class Sections {

	private static final String SELECT = """
			select s.*, p.project_name, p.name as tender_project_name, p.tenderer_id, p.tenderer_name,
			  p.tenderer_credit_code, p.agency_id, p.agency_name
			from tendering.sections s join tendering.tender_projects p on p.id = s.tender_project_id
			""";

	private final JdbcClient jdbc;

	Sections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @param code the tender project's code (招标项目编号); null for projects registered before codes were given */
	record TenderProject(UUID id, String code, String projectName, String projectApproval, String name,
			RegionCode region, EntityId tenderer, String tendererName, String tendererCreditCode, EntityId agency,
			String agencyName) {
	}

	/** A section's codes and whether consortia may bid; nulls where they were never captured. */
	record Codes(String tenderProject, String section, Boolean consortiumAllowed) {
	}

	Codes codes(SectionId id) {
		return jdbc.sql("""
				select p.code as project_code, s.code, s.consortium_allowed
				from tendering.sections s join tendering.tender_projects p on p.id = s.tender_project_id where s.id = ?""")
			.param(id.value())
			.query((rs, n) -> new Codes(rs.getString("project_code"), rs.getString("code"),
					(Boolean) rs.getObject("consortium_allowed")))
			.single();
	}

	/** The project, tender project and section as registered, for the national data specification (parties aside). */
	TenderParticulars tenderParticulars(SectionId id) {
		return jdbc.sql("""
				select p.id as project_id, p.project_approval, p.region_code as project_region, p.name as tender_project_name,
				  p.created_by as project_created_by, p.created_at as project_created_at, s.procedure, s.round,
				  s.qualifications, s.created_at, s.category_code, p.project_code, p.project_address, p.legal_person,
				  p.industry, p.funding_source, p.funding_remark, p.project_scale, p.approval_document, p.must_tender,
				  p.tender_type, p.tender_scope, p.supervisor_name, p.approver_name
				from tendering.sections s join tendering.tender_projects p on p.id = s.tender_project_id where s.id = ?""")
			.param(id.value())
			.query((rs, n) -> {
				Array array = rs.getArray("qualifications");
				// a tender project registered before the platform asked these facts has none (all null together)
				ProjectFacts facts = rs.getString("project_address") == null ? null
						: new ProjectFacts(rs.getString("project_address"), rs.getString("legal_person"),
								rs.getString("industry"), rs.getString("funding_source"), rs.getString("funding_remark"),
								rs.getString("project_scale"), rs.getString("approval_document"),
								(Boolean) rs.getObject("must_tender"), rs.getString("tender_type"),
								rs.getString("tender_scope"), rs.getString("supervisor_name"), rs.getString("approver_name"));
				return new TenderParticulars(rs.getString("project_id"), rs.getString("project_approval"),
						rs.getString("project_region"), rs.getString("tender_project_name"),
						rs.getString("project_created_by"), instant(rs, "project_created_at"), rs.getString("procedure"),
						rs.getInt("round"), array == null ? List.of() : Arrays.asList((String[]) array.getArray()),
						instant(rs, "created_at"), null, null, rs.getString("project_code"), rs.getString("category_code"),
						facts);
			})
			.single();
	}

	/** The next tender project number of the region and year, allocated under a row lock. */
	int nextProjectSequence(RegionCode region, int year) {
		return next("tender_project_sequences", region, year);
	}

	/** The next project number (项目编号) of the region and year, allocated under a row lock. */
	int nextProjectCodeSequence(RegionCode region, int year) {
		return next("project_sequences", region, year);
	}

	void addTenderProject(TenderProject p, String projectCode, ProjectFacts f, String by, Instant at) {
		jdbc.sql("""
				insert into tendering.tender_projects (id, code, project_name, project_approval, name, region_code,
				  tenderer_id, tenderer_name, tenderer_credit_code, agency_id, agency_name, created_by, created_at,
				  project_code, project_address, legal_person, industry, funding_source, funding_remark, project_scale,
				  approval_document, must_tender, tender_type, tender_scope, supervisor_name, approver_name)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.code(), p.projectName(), p.projectApproval(), p.name(), p.region().value(), p.tenderer().value(),
					p.tendererName(), p.tendererCreditCode(), p.agency() == null ? null : p.agency().value(), p.agencyName(),
					by, ts(at), projectCode, f.address(), f.legalPerson(), f.industry(), f.fundingSource(),
					f.fundingRemark(), f.scale(), f.approvalDocument(), f.mustTender(), f.tenderType(), f.scope(),
					f.supervisor(), f.approver())
			.update();
	}

	Optional<TenderProject> tenderProject(UUID id) {
		return jdbc.sql("select * from tendering.tender_projects where id = ?").param(id)
			.query((rs, n) -> new TenderProject(rs.getObject("id", UUID.class), rs.getString("code"),
					rs.getString("project_name"),
					rs.getString("project_approval"), rs.getString("name"), RegionCode.of(rs.getString("region_code")),
					new EntityId(rs.getObject("tenderer_id", UUID.class)), rs.getString("tenderer_name"),
					rs.getString("tenderer_credit_code"), entity(rs, "agency_id"), rs.getString("agency_name")))
			.optional();
	}

	/** The next trade code sequence number of the region and year, allocated under a row lock. */
	int nextSequence(RegionCode region, int year) {
		return next("trade_sequences", region, year);
	}

	/** {@code table}: one of the per-region, per-year counters above (a constant, never input). */
	private int next(String table, RegionCode region, int year) {
		return jdbc.sql("""
				insert into tendering.%1$s (region_code, year, last_value) values (?, ?, 1)
				on conflict (region_code, year) do update set last_value = tendering.%1$s.last_value + 1
				returning last_value""".formatted(table))
			.params(region.value(), year).query(Integer.class).single();
	}

	void add(SectionId id, UUID tenderProject, TradeCode code, SectionDetails d, RegionCode region, String family,
			String procedure, int templateVersion, Money estimatedPrice, Money bidSecurity, String by, Instant at) {
		jdbc.sql("""
				insert into tendering.sections (id, tender_project_id, trade_code, name, region_code, category_code, family,
				  procedure, template_version, estimated_price, bid_security, bid_validity_days, qualifications, status,
				  created_by, created_at, code)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], 'SUBMITTED', ?, ?,
				  (select p.code || '-' || lpad((select count(*) + 1 from tendering.sections o
				     where o.tender_project_id = p.id)::text, 2, '0')
				   from tendering.tender_projects p where p.id = ?))""")
			.params(id.value(), tenderProject, code.value(), d.name().strip(), region.value(), d.category(), family,
					procedure, templateVersion, estimatedPrice.yuan(), bidSecurity.yuan(), d.bidValidityDays(),
					textArray(d.qualifications()), by, ts(at), tenderProject)
			.update();
	}

	void correct(SectionId id, SectionDetails d, String family, String procedure, int templateVersion,
			Money estimatedPrice, Money bidSecurity) {
		jdbc.sql("""
				update tendering.sections set name = ?, category_code = ?, family = ?, procedure = ?, template_version = ?,
				  estimated_price = ?, bid_security = ?, bid_validity_days = ?, qualifications = ?::text[],
				  status = 'SUBMITTED', return_reason = null, version = version + 1
				where id = ?""")
			.params(d.name().strip(), d.category(), family, procedure, templateVersion, estimatedPrice.yuan(),
					bidSecurity.yuan(), d.bidValidityDays(), textArray(d.qualifications()), id.value())
			.update();
	}

	Optional<SectionView> byId(SectionId id) {
		return jdbc.sql(SELECT + " where s.id = ?").param(id.value()).query(Sections::view).optional();
	}

	/** The section row locked for this transaction: procedure changes on one section run one at a time. */
	Optional<SectionView> lock(SectionId id) {
		jdbc.sql("select id from tendering.sections where id = ? for update").param(id.value()).query(UUID.class)
			.optional();
		return byId(id);
	}

	/**
	 * The section row held against procedure changes for this transaction, shared with other holders: bids and
	 * withdrawals on one section go on side by side, while a deadline move, a pause or the opening (which
	 * {@link #lock}) waits for them and they for it. One standing bid per bidder is the unique index's to keep.
	 */
	Optional<SectionView> hold(SectionId id) {
		// one statement: the joined project row is read, not held
		return jdbc.sql(SELECT + " where s.id = ? for share of s").param(id.value()).query(Sections::view).optional();
	}

	/**
	 * What a bid needs of its section, in one statement: the section, how many open objections and active suspensions
	 * hold its procedure, whether the bidder registered interest, whether it has a bid standing in the current round,
	 * and the bid already stored under the submitter's idempotency key, if any. With {@code hold}, the section row is
	 * held for this transaction as {@link #hold} holds it (shared: bids do not wait for each other).
	 */
	Optional<ForBid> forBid(SectionId id, EntityId bidder, String submittedBy, String key, boolean hold) {
		return jdbc.sql("""
				select s.*, p.project_name, p.name as tender_project_name, p.tenderer_id, p.tenderer_name,
				  p.tenderer_credit_code, p.agency_id, p.agency_name,
				  (select count(*) from tendering.objections o where o.section_id = s.id and o.answer is null)
				    + (select count(*) from tendering.suspensions u where u.section_id = s.id and u.resumed_at is null)
				    as holds,
				  exists (select 1 from tendering.interests i where i.section_id = s.id and i.bidder_id = ?) as interested,
				  exists (select 1 from tendering.bids b where b.section_id = s.id and b.bidder_id = ?
				    and b.status <> 'WITHDRAWN' and b.round = s.round) as standing,
				  (select b.id from tendering.bids b where b.submitted_by = ? and b.idempotency_key = ?) as earlier
				from tendering.sections s join tendering.tender_projects p on p.id = s.tender_project_id
				where s.id = ?""" + (hold ? " for share of s" : ""))
			.params(bidder.value(), bidder.value(), submittedBy, key, id.value())
			.query((rs, n) -> new ForBid(view(rs, n), rs.getInt("holds"), rs.getBoolean("interested"),
					rs.getBoolean("standing"), rs.getObject("earlier", UUID.class)))
			.optional();
	}

	/** A section as a bid finds it (see {@link #forBid}). */
	record ForBid(SectionView section, int holds, boolean interested, boolean standing, UUID earlier) {
	}

	Optional<SectionView> byTradeCode(TradeCode code) {
		return jdbc.sql(SELECT + " where s.trade_code = ?").param(code.value()).query(Sections::view).optional();
	}

	Optional<SectionView> byNoticeId(UUID notice) {
		return jdbc.sql(SELECT + " where s.notice_id = ?").param(notice).query(Sections::view).optional();
	}

	/** Sections of the tender projects of this tenderer, or run by this agency. */
	List<SectionView> ofParty(EntityId entity) {
		return jdbc.sql(SELECT + " where p.tenderer_id = ? or p.agency_id = ? order by s.created_at desc limit 500")
			.params(entity.value(), entity.value()).query(Sections::view).list();
	}

	/** Every section the scope of this transaction shows (staff: their regions). */
	List<SectionView> visible() {
		return jdbc.sql(SELECT + " order by s.created_at desc limit 500").query(Sections::view).list();
	}

	List<SectionView> published() {
		return jdbc.sql(SELECT + " where s.status in ('PUBLISHED', 'OPENING') order by s.bid_deadline desc limit 500")
			.query(Sections::view).list();
	}

	/**
	 * A bidder's list: the sections open for bids, and every section it bid in whatever became of it (opened, under
	 * evaluation, awarded, failed), so a tender does not vanish from its list at the opening.
	 */
	List<SectionView> publishedOrBidBy(EntityId bidder) {
		return jdbc.sql(SELECT + """
				 where s.status in ('PUBLISHED', 'OPENING')
				   or s.id in (select b.section_id from tendering.bids b where b.bidder_id = ? and b.status <> 'WITHDRAWN')
				order by s.bid_deadline desc limit 500""")
			.params(bidder.value()).query(Sections::view).list();
	}

	boolean setStatus(SectionId id, long seenVersion, SectionStatus from, SectionStatus to, String reason, String by,
			Instant at) {
		return jdbc.sql("""
				update tendering.sections set status = ?, return_reason = ?, checked_by = ?, checked_at = ?,
				  version = version + 1
				where id = ? and version = ? and status = ?""")
			.params(to.name(), reason, by, ts(at), id.value(), seenVersion, from.name()).update() == 1;
	}

	void draftNotice(SectionId id, NoticeDraft draft) {
		jdbc.sql("""
				update tendering.sections set notice_title = ?, notice_body = ?, documents_from = ?, documents_until = ?,
				  bid_deadline = ?, consortium_allowed = ?, status = 'NOTICE_SUBMITTED', return_reason = null,
				  version = version + 1
				where id = ?""")
			.params(draft.title().strip(), draft.body().strip(), ts(draft.documentsFrom()), ts(draft.documentsUntil()),
					ts(draft.bidDeadline()), draft.consortiumAllowed(), id.value())
			.update();
	}

	void publish(SectionId id, long seenVersion, UUID noticeId, Instant documentsFrom, String signedContent,
			String signature, UUID openingKey, String by, Instant at) {
		int updated = jdbc.sql("""
				update tendering.sections set status = 'PUBLISHED', notice_id = ?, documents_from = ?, signed_content = ?,
				  signature = ?, opening_key = ?, published_by = ?, published_at = ?, checked_by = ?, checked_at = ?,
				  version = version + 1
				where id = ? and version = ? and status = 'NOTICE_SUBMITTED'""")
			.params(noticeId, ts(documentsFrom), signedContent, signature, openingKey, by, ts(at), by, ts(at), id.value(),
					seenVersion)
			.update();
		if (updated != 1) {
			throw Refusal.conflict(null, "tendering.section.changedMeanwhile");
		}
	}

	/** The clock after a clarification or an objection: the deadline (never earlier) and the pause. */
	void setClock(SectionId id, Instant deadline, Instant pausedSince) {
		jdbc.sql("""
				update tendering.sections set bid_deadline = greatest(bid_deadline, ?), paused_since = ?,
				  version = version + 1 where id = ?""")
			.params(ts(deadline), ts(pausedSince), id.value()).update();
	}

	void addDeadlineChange(SectionId id, RegionCode region, Instant previous, Instant deadline, String reason, String by,
			Instant at) {
		jdbc.sql("""
				insert into tendering.deadline_changes (id, section_id, region_code, previous, deadline, reason, changed_by,
				  changed_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id.value(), region.value(), ts(previous), ts(deadline), reason, by, ts(at))
			.update();
	}

	List<DeadlineChangeView> deadlineChanges(SectionId id) {
		return jdbc.sql("select * from tendering.deadline_changes where section_id = ? order by changed_at, deadline")
			.param(id.value())
			.query((rs, n) -> new DeadlineChangeView(instant(rs, "previous"), instant(rs, "deadline"),
					rs.getString("reason"), rs.getString("changed_by"), instant(rs, "changed_at")))
			.list();
	}

	Optional<Instant> openedAt(SectionId id) {
		return jdbc.sql("select opened_at from tendering.sections where id = ? and opened_at is not null").param(id.value())
			.query((rs, n) -> instant(rs, "opened_at")).optional();
	}

	static SectionView view(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("qualifications");
		List<String> qualifications = array == null ? List.of() : Arrays.asList((String[]) array.getArray());
		return new SectionView(new SectionId(rs.getObject("id", UUID.class)), rs.getObject("tender_project_id", UUID.class),
				rs.getString("project_name"), rs.getString("tender_project_name"), TradeCode.of(rs.getString("trade_code")),
				rs.getString("name"), RegionCode.of(rs.getString("region_code")),
				CategoryCode.of(rs.getString("category_code")), ProcedureFamily.valueOf(rs.getString("family")),
				rs.getString("procedure"), rs.getInt("template_version"),
				Money.of(rs.getBigDecimal("estimated_price")), Money.of(rs.getBigDecimal("bid_security")),
				rs.getInt("bid_validity_days"), List.copyOf(qualifications), SectionStatus.valueOf(rs.getString("status")),
				rs.getString("return_reason"), new EntityId(rs.getObject("tenderer_id", UUID.class)),
				rs.getString("tenderer_name"), rs.getString("tenderer_credit_code"), entity(rs, "agency_id"),
				rs.getString("agency_name"), rs.getString("notice_title"), rs.getString("notice_body"),
				instant(rs, "documents_from"), instant(rs, "documents_until"), instant(rs, "bid_deadline"),
				instant(rs, "paused_since"), rs.getObject("notice_id", UUID.class), instant(rs, "published_at"),
				rs.getString("signed_content"), rs.getString("signature"), rs.getObject("opening_key", UUID.class),
				rs.getString("created_by"), instant(rs, "created_at"), rs.getLong("version"));
	}

	static EntityId entity(ResultSet rs, String column) throws SQLException {
		UUID id = rs.getObject(column, UUID.class);
		return id == null ? null : new EntityId(id);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** A PostgreSQL text[] literal; each element quoted and escaped. */
	static String textArray(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				literal.append(',');
			}
			literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}
}
