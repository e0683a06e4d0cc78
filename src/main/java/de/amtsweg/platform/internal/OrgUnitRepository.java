package de.amtsweg.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.platform.OrgUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code org_unit}. */
@Repository
public class OrgUnitRepository {

	private final JdbcClient jdbc;

	public OrgUnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<OrgUnit> findByMunicipality(UUID municipalityId) {
		return this.jdbc.sql("select * from org_unit where municipality_id = :id order by name")
			.param("id", municipalityId)
			.query(OrgUnitRepository::orgUnit)
			.list();
	}

	public Optional<OrgUnit> findById(UUID id) {
		return this.jdbc.sql("select * from org_unit where id = :id")
			.param("id", id)
			.query(OrgUnitRepository::orgUnit)
			.optional();
	}

	public Optional<OrgUnit> findByKey(UUID municipalityId, String key) {
		return this.jdbc.sql("select * from org_unit where municipality_id = :municipalityId and key = :key")
			.param("municipalityId", municipalityId)
			.param("key", key)
			.query(OrgUnitRepository::orgUnit)
			.optional();
	}

	public UUID insert(UUID municipalityId, String key, String name, String email, String phone) {
		return this.jdbc.sql("""
				insert into org_unit (municipality_id, key, name, email, phone)
				values (:municipalityId, :key, :name, :email, :phone) returning id""")
			.param("municipalityId", municipalityId)
			.param("key", key)
			.param("name", name)
			.param("email", email)
			.param("phone", phone)
			.query(UUID.class)
			.single();
	}

	public boolean update(UUID id, String key, String name, String email, String phone) {
		return this.jdbc
			.sql("update org_unit set key = :key, name = :name, email = :email, phone = :phone where id = :id")
			.param("id", id)
			.param("key", key)
			.param("name", name)
			.param("email", email)
			.param("phone", phone)
			.update() == 1;
	}

	private static OrgUnit orgUnit(ResultSet rs, int row) throws SQLException {
		return new OrgUnit(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getString("key"), rs.getString("name"), rs.getString("email"), rs.getString("phone"));
	}

}
