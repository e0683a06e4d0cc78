package de.amtsweg.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code case_question}. */
@Repository
class CaseQuestionRepository {

	private static final String COLUMNS = """
			id, case_id, thread_id, asked_by_name, asked_at, reply_by, answered_at, answer_attachments, lapsed_at""";

	private final JdbcClient jdbc;

	CaseQuestionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID caseId, UUID threadId, @Nullable UUID staffId, String askedByName, Instant askedAt,
			LocalDate replyBy) {
		this.jdbc.sql("""
				insert into case_question (id, case_id, thread_id, asked_by_staff_id, asked_by_name, asked_at, reply_by)
				values (:id, :c, :t, :s, :n, :at, :replyBy)""")
			.param("id", id)
			.param("c", caseId)
			.param("t", threadId)
			.param("s", staffId, java.sql.Types.OTHER)
			.param("n", askedByName)
			.param("at", Timestamp.from(askedAt))
			.param("replyBy", replyBy)
			.update();
	}

	List<CaseQuestion> ofCase(UUID caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from case_question where case_id = :c order by asked_at")
			.param("c", caseId)
			.query(CaseQuestionRepository::map)
			.list();
	}

	Optional<CaseQuestion> open(UUID caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from case_question where case_id = :c and answered_at is null")
			.param("c", caseId)
			.query(CaseQuestionRepository::map)
			.optional();
	}

	/**
	 * Holds a status on the case's open, not lapsed question (the latest wins).
	 * @return whether there was such a question
	 */
	boolean holdStatus(UUID caseId, CaseStatus status) {
		return this.jdbc.sql("""
				update case_question set held_status = :s
				 where case_id = :c and answered_at is null and lapsed_at is null""")
			.param("s", status.name())
			.param("c", caseId)
			.update() == 1;
	}

	/** The status held on the question while it was open, if any. */
	Optional<CaseStatus> heldStatus(UUID questionId) {
		return this.jdbc.sql("select held_status from case_question where id = :id and held_status is not null")
			.param("id", questionId)
			.query(String.class)
			.optional()
			.map(CaseStatus::valueOf);
	}

	/**
	 * Marks the open question of the thread answered.
	 * @return the question, if it was open (a redelivered reply finds none)
	 */
	Optional<CaseQuestion> markAnswered(UUID threadId, UUID messageId, int attachments, Instant at) {
		return this.jdbc.sql("""
				update case_question set answered_at = :at, answer_message_id = :m, answer_attachments = :n
				 where thread_id = :t and answered_at is null
				returning""" + " " + COLUMNS)
			.param("at", Timestamp.from(at))
			.param("m", messageId)
			.param("n", attachments)
			.param("t", threadId)
			.query(CaseQuestionRepository::map)
			.optional();
	}

	/** The unanswered questions of the cases of an applicant's account. */
	List<CaseQuestion> unansweredOfApplicant(UUID accountId) {
		return this.jdbc.sql("""
				select q.id, q.case_id, q.thread_id, q.asked_by_name, q.asked_at, q.reply_by, q.answered_at,
				       q.answer_attachments, q.lapsed_at
				  from case_question q join case_file f on f.id = q.case_id
				 where f.applicant_account_id = :a and q.answered_at is null""")
			.param("a", accountId)
			.query(CaseQuestionRepository::map)
			.list();
	}

	/**
	 * Open questions whose reply-by day is before the day and whose lapse is not noted.
	 */
	List<UUID> lapsedBefore(LocalDate today) {
		return this.jdbc.sql("""
				select id from case_question
				 where answered_at is null and lapsed_at is null and reply_by < :today order by reply_by limit 1000""")
			.param("today", today)
			.query(UUID.class)
			.list();
	}

	/**
	 * Notes the lapse once.
	 * @return the question, if this call noted it
	 */
	Optional<CaseQuestion> markLapsed(UUID id, Instant at) {
		return this.jdbc.sql("""
				update case_question set lapsed_at = :at where id = :id and answered_at is null and lapsed_at is null
				returning""" + " " + COLUMNS)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.query(CaseQuestionRepository::map)
			.optional();
	}

	private static CaseQuestion map(ResultSet rs, int row) throws SQLException {
		Timestamp answered = rs.getTimestamp("answered_at");
		Timestamp lapsed = rs.getTimestamp("lapsed_at");
		return new CaseQuestion(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("thread_id", UUID.class), rs.getString("asked_by_name"),
				rs.getTimestamp("asked_at").toInstant(), rs.getObject("reply_by", LocalDate.class),
				(answered != null) ? answered.toInstant() : null, rs.getObject("answer_attachments", Integer.class),
				(lapsed != null) ? lapsed.toInstant() : null);
	}

}
