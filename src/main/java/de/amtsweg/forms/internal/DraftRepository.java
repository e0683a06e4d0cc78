package de.amtsweg.forms.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code form_draft}. */
@Repository
class DraftRepository {

	private final JdbcClient jdbc;

	DraftRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID insert(UUID municipalityId, UUID versionId, @Nullable UUID accountId, Answers answers, Instant now,
			Instant expiresAt) {
		return this.jdbc.sql("""
				insert into form_draft (municipality_id, form_version_id, account_id, answers, created_at, updated_at,
				                        expires_at)
				values (:m, :v, :a, cast(:answers as jsonb), :now, :now, :expires) returning id""")
			.param("m", municipalityId)
			.param("v", versionId)
			.param("a", accountId)
			.param("answers", answers.toJson())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.query(UUID.class)
			.single();
	}

	Optional<Draft> find(UUID id) {
		return this.jdbc.sql("select * from form_draft where id = :id").param("id", id).query(this::draft).optional();
	}

	/** Locks the draft for the submitting transaction; empty once it was submitted. */
	Optional<Draft> lock(UUID id) {
		return this.jdbc.sql("select * from form_draft where id = :id for update")
			.param("id", id)
			.query(this::draft)
			.optional();
	}

	Optional<Draft> findByResumeTokenHash(String hash) {
		return this.jdbc.sql("select * from form_draft where resume_token_hash = :hash")
			.param("hash", hash)
			.query(this::draft)
			.optional();
	}

	void updateAnswers(UUID id, Answers answers, Instant now, Instant expiresAt) {
		this.jdbc.sql("""
				update form_draft set answers = cast(:answers as jsonb), updated_at = :now, expires_at = :expires
				where id = :id""")
			.param("id", id)
			.param("answers", answers.toJson())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.update();
	}

	void setGuestEmail(UUID id, String email) {
		this.jdbc.sql("update form_draft set guest_email = :email where id = :id")
			.param("id", id)
			.param("email", email)
			.update();
	}

	void setResumeTokenHash(UUID id, String hash) {
		this.jdbc.sql("update form_draft set resume_token_hash = :hash where id = :id")
			.param("id", id)
			.param("hash", hash)
			.update();
	}

	void delete(UUID id) {
		this.jdbc.sql("delete from form_draft where id = :id").param("id", id).update();
	}

	List<DraftListing> findByAccount(UUID accountId) {
		return this.jdbc.sql("""
				select d.id, f.key, v.title, d.updated_at, d.expires_at, m.slug
				from form_draft d join form_version v on v.id = d.form_version_id join form f on f.id = v.form_id
				     join municipality m on m.id = d.municipality_id
				where d.account_id = :a order by d.updated_at desc""")
			.param("a", accountId)
			.query((rs, row) -> new DraftListing(rs.getObject("id", UUID.class), rs.getString("key"),
					rs.getString("title"), rs.getTimestamp("updated_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant(), rs.getString("slug")))
			.list();
	}

	List<UUID> findExpired(Instant now, int limit) {
		return this.jdbc.sql("select id from form_draft where expires_at <= :now order by expires_at limit :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	int deleteByAccount(UUID accountId) {
		return this.jdbc.sql("delete from form_draft where account_id = :a").param("a", accountId).update();
	}

	private Draft draft(ResultSet rs, int row) throws SQLException {
		return new Draft(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getObject("form_version_id", UUID.class), rs.getObject("account_id", UUID.class),
				Answers.fromJson(rs.getString("answers")), rs.getObject("idempotency_key", UUID.class),
				rs.getString("guest_email"), rs.getTimestamp("updated_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant());
	}

}
