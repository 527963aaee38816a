package org.yiwang.tendering;

import static org.yiwang.tendering.Sections.instant;
import static org.yiwang.tendering.Sections.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/** Questions, clarifications and objections of sections; region-scoped in the database. */
@Repository
class Discussion {

	private final JdbcClient jdbc;

	Discussion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Question(QuestionView view, EntityId asker, RegionCode region) {
	}

	void addQuestion(QuestionView q, EntityId asker, RegionCode region) {
		jdbc.sql("""
				insert into tendering.questions (id, section_id, region_code, asker_id, text, asked_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(q.id(), q.section().value(), region.value(), asker.value(), q.text(), ts(q.askedAt())).update();
	}

	Optional<Question> question(UUID id) {
		return jdbc.sql("select * from tendering.questions where id = ?").param(id)
			.query((rs, n) -> new Question(question(rs, n), new EntityId(rs.getObject("asker_id", UUID.class)),
					RegionCode.of(rs.getString("region_code"))))
			.optional();
	}

	List<QuestionView> questions(SectionId section) {
		return jdbc.sql("select * from tendering.questions where section_id = ? order by asked_at").param(section.value())
			.query(Discussion::question).list();
	}

	boolean answer(UUID question, String answer, String by, Instant at) {
		return jdbc.sql("""
				update tendering.questions set answer = ?, answered_by = ?, answered_at = ?
				where id = ? and answer is null""").params(answer, by, ts(at), question).update() == 1;
	}

	void addClarification(ClarificationView c, RegionCode region, String signature) {
		jdbc.sql("""
				insert into tendering.clarifications (id, section_id, region_code, text, affects_bids, question_id,
				  deadline_before, deadline_after, notice_id, signature, issued_by, issued_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(c.id(), c.section().value(), region.value(), c.text(), c.affectsBids(), c.question(),
					ts(c.deadlineBefore()), ts(c.deadlineAfter()), c.noticeId(), signature, c.issuedBy(), ts(c.issuedAt()))
			.update();
	}

	List<ClarificationView> clarifications(SectionId section) {
		return jdbc.sql("select * from tendering.clarifications where section_id = ? order by issued_at")
			.param(section.value())
			.query((rs, n) -> new ClarificationView(rs.getObject("id", UUID.class), section, rs.getString("text"),
					rs.getBoolean("affects_bids"), rs.getObject("question_id", UUID.class), instant(rs, "deadline_before"),
					instant(rs, "deadline_after"), rs.getObject("notice_id", UUID.class), rs.getString("issued_by"),
					instant(rs, "issued_at")))
			.list();
	}

	void addObjection(ObjectionView o, EntityId objector, RegionCode region, String by) {
		jdbc.sql("""
				insert into tendering.objections (id, section_id, region_code, objector_id, objector_name, text, raised_by,
				  raised_at, answer_due) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.id(), o.section().value(), region.value(), objector.value(), o.objectorName(), o.text(), by,
					ts(o.raisedAt()), ts(o.answerDue()))
			.update();
	}

	record Objection(ObjectionView view, EntityId objector) {
	}

	Optional<Objection> objection(UUID id) {
		return jdbc.sql("select * from tendering.objections where id = ?").param(id)
			.query((rs, n) -> new Objection(objection(rs, n), new EntityId(rs.getObject("objector_id", UUID.class))))
			.optional();
	}

	List<ObjectionView> objections(SectionId section) {
		return jdbc.sql("select * from tendering.objections where section_id = ? order by raised_at")
			.param(section.value()).query(Discussion::objection).list();
	}

	List<ObjectionView> objectionsBy(SectionId section, EntityId objector) {
		return jdbc.sql("select * from tendering.objections where section_id = ? and objector_id = ? order by raised_at")
			.params(section.value(), objector.value()).query(Discussion::objection).list();
	}

	int openObjections(SectionId section) {
		return jdbc.sql("select count(*) from tendering.objections where section_id = ? and answer is null")
			.param(section.value()).query(Integer.class).single();
	}

	boolean answerObjection(UUID objection, String answer, String by, Instant at) {
		return jdbc.sql("""
				update tendering.objections set answer = ?, answered_by = ?, answered_at = ?
				where id = ? and answer is null""").params(answer, by, ts(at), objection).update() == 1;
	}

	private static QuestionView question(ResultSet rs, int row) throws SQLException {
		return new QuestionView(rs.getObject("id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				rs.getString("text"), instant(rs, "asked_at"), rs.getString("answer"), instant(rs, "answered_at"));
	}

	private static ObjectionView objection(ResultSet rs, int row) throws SQLException {
		return new ObjectionView(rs.getObject("id", UUID.class), new SectionId(rs.getObject("section_id", UUID.class)),
				rs.getString("objector_name"), rs.getString("text"), instant(rs, "raised_at"), instant(rs, "answer_due"),
				rs.getString("answer"), instant(rs, "answered_at"));
	}
}
