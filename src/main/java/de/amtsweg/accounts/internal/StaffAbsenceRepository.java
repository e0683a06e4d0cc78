package de.amtsweg.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.accounts.StaffAbsence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code staff_absence}. */
@Repository
public class StaffAbsenceRepository {

	private static final String SELECT = """
			select a.staff_id, a.deputy_id, a.set_at,
			       s.given_name as s_given, s.family_name as s_family, s.email as s_email,
			       d.given_name as d_given, d.family_name as d_family, d.email as d_email
			  from staff_absence a join staff_account s on s.id = a.staff_id join staff_account d on d.id = a.deputy_id
			""";

	private final JdbcClient jdbc;

	public StaffAbsenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StaffAbsence> of(UUID staffId) {
		return this.jdbc.sql(SELECT + " where a.staff_id = :id")
			.param("id", staffId)
			.query(StaffAbsenceRepository::map)
			.optional();
	}

	/** Absences of active members for whom the deputy stands in. */
	public List<StaffAbsence> deputisedBy(UUID deputyId) {
		return this.jdbc.sql(SELECT + " where a.deputy_id = :id and s.active order by s.family_name, s.given_name")
			.param("id", deputyId)
			.query(StaffAbsenceRepository::map)
			.list();
	}

	public void set(UUID staffId, UUID deputyId, UUID setBy, Instant at) {
		this.jdbc.sql("""
				insert into staff_absence (staff_id, deputy_id, set_by, set_at) values (:staff, :deputy, :by, :at)
				on conflict (staff_id) do update set deputy_id = :deputy, set_by = :by, set_at = :at""")
			.param("staff", staffId)
			.param("deputy", deputyId)
			.param("by", setBy)
			.param("at", Timestamp.from(at))
			.update();
	}

	public boolean clear(UUID staffId) {
		return this.jdbc.sql("delete from staff_absence where staff_id = :id").param("id", staffId).update() > 0;
	}

	private static StaffAbsence map(ResultSet rs, int row) throws SQLException {
		return new StaffAbsence(rs.getObject("staff_id", UUID.class),
				StaffAccountRepository.displayName(rs.getString("s_given"), rs.getString("s_family"),
						rs.getString("s_email")),
				rs.getObject("deputy_id", UUID.class), StaffAccountRepository.displayName(rs.getString("d_given"),
						rs.getString("d_family"), rs.getString("d_email")),
				rs.getTimestamp("set_at").toInstant());
	}

}
