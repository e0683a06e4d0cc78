package de.amtsweg.accounts.internal;

import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.Colleague;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clerks of an org unit, read from {@code staff_account} and {@code staff_role}. */
@Repository
public class ColleagueRepository {

	private final JdbcClient jdbc;

	ColleagueRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Colleague> clerksOf(UUID municipalityId, UUID orgUnitId) {
		return this.jdbc.sql("""
				select a.id, a.given_name, a.family_name, a.email from staff_account a
				 where a.municipality_id = :m and a.active
				   and exists (select 1 from staff_role r where r.staff_id = a.id and r.role = 'CLERK'
				                 and (r.org_unit_id = :unit or r.org_unit_id is null))
				 order by a.family_name, a.given_name, a.email""")
			.param("m", municipalityId)
			.param("unit", orgUnitId)
			.query((rs, row) -> {
				String name = (rs.getString("given_name") + " " + rs.getString("family_name")).trim();
				return new Colleague(rs.getObject("id", UUID.class), name.isEmpty() ? rs.getString("email") : name,
						rs.getString("email"));
			})
			.list();
	}

}
