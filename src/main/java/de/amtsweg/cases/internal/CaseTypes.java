package de.amtsweg.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;

import org.postgresql.util.PGInterval;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case types. The newest version applies to new cases; the most specific one wins:
 * the municipality's own for the form, then the portal's for the form, then the
 * municipality's default, then the portal's default.
 */
@Repository
public class CaseTypes {

	private static final String COLUMNS = """
			id, municipality_id, form_key, version, name_de, name_en, processing_days, pickup, route_key,
			notice_template, retention_approved, retention_rejected, retention_withdrawn""";

	private final JdbcClient jdbc;

	CaseTypes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case type a new case of the form starts with. */
	public CaseType forNewCase(UUID municipalityId, String formKey) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from case_type
				where (municipality_id = :municipality or municipality_id is null)
				  and (form_key = :form or form_key is null)
				order by (form_key is not null) desc, (municipality_id is not null) desc, version desc
				limit 1""")
			.param("municipality", municipalityId)
			.param("form", formKey)
			.query(CaseTypes::map)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No default case type"));
	}

	public Optional<CaseType> byId(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from case_type where id = :id")
			.param("id", id)
			.query(CaseTypes::map)
			.optional();
	}

	static CaseType map(ResultSet rs, int row) throws SQLException {
		return new CaseType(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getString("form_key"), rs.getInt("version"), rs.getString("name_de"), rs.getString("name_en"),
				rs.getInt("processing_days"), rs.getBoolean("pickup"), rs.getString("route_key"),
				rs.getString("notice_template"), period(rs.getObject("retention_approved")),
				period(rs.getObject("retention_rejected")), period(rs.getObject("retention_withdrawn")));
	}

	private static Period period(Object value) {
		PGInterval interval = (PGInterval) value;
		return Period.of(interval.getYears(), interval.getMonths(), interval.getDays());
	}

}
