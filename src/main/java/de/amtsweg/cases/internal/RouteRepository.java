package de.amtsweg.cases.internal;

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

/** The uploaded routes of the case types ({@code case_route}). */
@Repository
class RouteRepository {

	private static final String COLUMNS = """
			id, case_type_id, municipality_id, version, state, file_name, bpmn_xml, process_key, process_name,
			uploaded_by, uploaded_at, published_at, retired_at, deployment_id, process_definition_id""";

	private final JdbcClient jdbc;

	RouteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case types a municipality works with: its own and the portal-wide ones. */
	List<CaseType> caseTypesOf(UUID municipalityId) {
		return this.jdbc.sql("""
				select id, municipality_id, form_key, version, name_de, name_en, processing_days, pickup, route_key,
				       notice_template, retention_approved, retention_rejected, retention_withdrawn
				  from case_type
				 where municipality_id = :municipality or municipality_id is null
				 order by form_key nulls first, municipality_id nulls last, version desc""")
			.param("municipality", municipalityId)
			.query(CaseTypes::map)
			.list();
	}

	List<RouteVersion> routesOf(UUID municipalityId) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				from case_route where municipality_id = :municipality order by case_type_id, version desc""")
			.param("municipality", municipalityId)
			.query(RouteRepository::map)
			.list();
	}

	List<RouteVersion> routesOf(UUID municipalityId, UUID caseTypeId) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				from case_route where municipality_id = :municipality and case_type_id = :type order by version desc""")
			.param("municipality", municipalityId)
			.param("type", caseTypeId)
			.query(RouteRepository::map)
			.list();
	}

	Optional<RouteVersion> find(UUID municipalityId, UUID caseTypeId, UUID routeId) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				from case_route where id = :id and municipality_id = :municipality and case_type_id = :type""")
			.param("id", routeId)
			.param("municipality", municipalityId)
			.param("type", caseTypeId)
			.query(RouteRepository::map)
			.optional();
	}

	Optional<RouteVersion> published(UUID municipalityId, UUID caseTypeId) {
		return this.jdbc.sql("select " + COLUMNS + " " + """
				 from case_route
				where municipality_id = :municipality and case_type_id = :type and state = 'PUBLISHED'""")
			.param("municipality", municipalityId)
			.param("type", caseTypeId)
			.query(RouteRepository::map)
			.optional();
	}

	/**
	 * Adds a draft as the next version; the row lock on the case type serialises uploads.
	 */
	RouteVersion insertDraft(UUID municipalityId, UUID caseTypeId, String fileName, String xml, String processKey,
			@Nullable String processName, String uploadedBy, Instant at) {
		this.jdbc.sql("select id from case_type where id = :type for update")
			.param("type", caseTypeId)
			.query(UUID.class)
			.single();
		return this.jdbc.sql("""
				insert into case_route (case_type_id, municipality_id, version, state, file_name, bpmn_xml, process_key,
				                        process_name, uploaded_by, uploaded_at)
				select :type, :municipality, coalesce(max(version), 0) + 1, 'DRAFT', :fileName, :xml, :processKey,
				       :processName, :uploadedBy, :at
				  from case_route where case_type_id = :type and municipality_id = :municipality
				""" + " returning " + COLUMNS)
			.param("type", caseTypeId)
			.param("municipality", municipalityId)
			.param("fileName", fileName)
			.param("xml", xml)
			.param("processKey", processKey)
			.param("processName", processName)
			.param("uploadedBy", uploadedBy)
			.param("at", Timestamp.from(at))
			.query(RouteRepository::map)
			.single();
	}

	void retirePublished(UUID municipalityId, UUID caseTypeId, Instant at) {
		this.jdbc.sql("""
				update case_route set state = 'RETIRED', retired_at = :at
				 where municipality_id = :municipality and case_type_id = :type and state = 'PUBLISHED'""")
			.param("municipality", municipalityId)
			.param("type", caseTypeId)
			.param("at", Timestamp.from(at))
			.update();
	}

	void markPublished(UUID routeId, String deploymentId, String processDefinitionId, Instant at) {
		this.jdbc.sql("""
				update case_route set state = 'PUBLISHED', published_at = :at, deployment_id = :deployment,
				       process_definition_id = :definition
				 where id = :id and state = 'DRAFT'""")
			.param("id", routeId)
			.param("at", Timestamp.from(at))
			.param("deployment", deploymentId)
			.param("definition", processDefinitionId)
			.update();
	}

	/** Cases of the case type in the municipality whose route still runs. */
	List<RunningCase> runningCases(UUID municipalityId, UUID caseTypeId) {
		return this.jdbc.sql("""
				select id, reference, process_instance_id from case_file
				 where municipality_id = :municipality and case_type_id = :type and status <> 'CLOSED'
				   and process_instance_id is not null
				 order by submitted_at""")
			.param("municipality", municipalityId)
			.param("type", caseTypeId)
			.query((rs, row) -> new RunningCase(rs.getObject("id", UUID.class), rs.getString("reference"),
					rs.getString("process_instance_id")))
			.list();
	}

	private static RouteVersion map(ResultSet rs, int row) throws SQLException {
		return new RouteVersion(rs.getObject("id", UUID.class), rs.getObject("case_type_id", UUID.class),
				rs.getObject("municipality_id", UUID.class), rs.getInt("version"),
				RouteVersion.State.valueOf(rs.getString("state")), rs.getString("file_name"), rs.getString("bpmn_xml"),
				rs.getString("process_key"), rs.getString("process_name"), rs.getString("uploaded_by"),
				instant(rs, "uploaded_at"), instant(rs, "published_at"), instant(rs, "retired_at"),
				rs.getString("process_definition_id"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * @param id the case
	 * @param reference its reference number
	 * @param processInstanceId its route's process instance
	 */
	record RunningCase(UUID id, String reference, String processInstanceId) {
	}

}
