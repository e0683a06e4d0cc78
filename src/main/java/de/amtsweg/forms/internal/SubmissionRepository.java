package de.amtsweg.forms.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code form_submission} and the reference number sequences. */
@Repository
class SubmissionRepository {

	private final JdbcClient jdbc;

	SubmissionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next number of the municipality's year; numbers may have gaps, never twins.
	 * Drawn from a sequence (see {@code form_next_reference}), which holds no lock until
	 * the submission commits.
	 */
	long nextNumber(UUID municipalityId, int year) {
		return this.jdbc.sql("select form_next_reference(:m, :year)")
			.param("m", municipalityId)
			.param("year", year)
			.query(Long.class)
			.single();
	}

	/**
	 * Inserts the submission unless one with the same idempotency key exists.
	 * @return whether this call inserted it
	 */
	boolean insert(UUID id, UUID municipalityId, UUID versionId, @Nullable UUID accountId, String reference,
			UUID idempotencyKey, Answers answers, Map<String, BigDecimal> computed, String language, Instant now) {
		return this.jdbc
			.sql("""
					insert into form_submission (id, municipality_id, form_version_id, account_id, reference, idempotency_key,
					                             answers, computed, language, submitted_at)
					values (:id, :m, :v, :a, :reference, :key, cast(:answers as jsonb), cast(:computed as jsonb), :language, :now)
					on conflict (idempotency_key) do nothing""")
			.param("id", id)
			.param("m", municipalityId)
			.param("v", versionId)
			.param("a", accountId)
			.param("reference", reference)
			.param("key", idempotencyKey)
			.param("answers", answers.toJson())
			.param("computed", Answers.JSON.writeValueAsString(computed))
			.param("language", language)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<Submission> find(UUID id) {
		return this.jdbc.sql("select * from form_submission where id = :id")
			.param("id", id)
			.query(SubmissionRepository::submission)
			.optional();
	}

	Optional<Submission> findByIdempotencyKey(UUID key) {
		return this.jdbc.sql("select * from form_submission where idempotency_key = :key")
			.param("key", key)
			.query(SubmissionRepository::submission)
			.optional();
	}

	List<SubmissionListing> findByAccount(UUID accountId) {
		return this.jdbc.sql("""
				select s.id, s.reference, f.key, v.title, s.submitted_at
				from form_submission s join form_version v on v.id = s.form_version_id join form f on f.id = v.form_id
				where s.account_id = :a order by s.submitted_at desc""")
			.param("a", accountId)
			.query((rs, row) -> new SubmissionListing(rs.getObject("id", UUID.class), rs.getString("reference"),
					rs.getString("key"), rs.getString("title"), rs.getTimestamp("submitted_at").toInstant()))
			.list();
	}

	int detachAccount(UUID accountId) {
		return this.jdbc.sql("update form_submission set account_id = null where account_id = :a")
			.param("a", accountId)
			.update();
	}

	private static Submission submission(ResultSet rs, int row) throws SQLException {
		Map<String, BigDecimal> computed = Answers.JSON.readValue(rs.getString("computed"),
				new TypeReference<LinkedHashMap<String, BigDecimal>>() {
				});
		return new Submission(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("form_version_id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("reference"), Answers.fromJson(rs.getString("answers")), computed,
				rs.getString("language"), rs.getTimestamp("submitted_at").toInstant());
	}

}
