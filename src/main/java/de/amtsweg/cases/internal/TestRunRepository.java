package de.amtsweg.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The test runs of draft routes and their test cases ({@code case_test_run},
 * {@code case_test_case}, {@code case_test_event}). Nothing here touches
 * {@code case_file}: test cases are not cases.
 */
@Repository
class TestRunRepository {

	private static final String RUN_COLUMNS = """
			id, route_id, municipality_id, state, deployment_id, process_definition_id, started_by, started_at,
			ended_by, ended_at""";

	private static final String CASE_COLUMNS = """
			id, run_id, municipality_id, number, applicant_name, org_unit_id, data::text as data, source_reference,
			status, result, reason, process_instance_id, created_by, created_at, ended_at""";

	private final JdbcClient jdbc;

	TestRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks the route row: starting, promoting and discarding a route's run go one at a
	 * time.
	 */
	void lockRoute(UUID routeId) {
		this.jdbc.sql("select id from case_route where id = :id for update")
			.param("id", routeId)
			.query(UUID.class)
			.list();
	}

	RouteOfRun route(UUID routeId) {
		return this.jdbc.sql("select case_type_id, version from case_route where id = :id")
			.param("id", routeId)
			.query((rs, row) -> new RouteOfRun(rs.getObject("case_type_id", UUID.class), rs.getInt("version")))
			.single();
	}

	/**
	 * @param caseTypeId the case type of a test run's route
	 * @param version the route's version number
	 */
	record RouteOfRun(UUID caseTypeId, int version) {
	}

	Optional<TestRun> latest(UUID routeId) {
		return this.jdbc
			.sql("select " + RUN_COLUMNS
					+ " from case_test_run where route_id = :route order by started_at desc, id limit 1")
			.param("route", routeId)
			.query(TestRunRepository::mapRun)
			.optional();
	}

	Optional<TestRun> open(UUID routeId) {
		return this.jdbc.sql("select " + RUN_COLUMNS + " from case_test_run where route_id = :route and state = 'OPEN'")
			.param("route", routeId)
			.query(TestRunRepository::mapRun)
			.optional();
	}

	Optional<TestRun> run(UUID runId) {
		return this.jdbc.sql("select " + RUN_COLUMNS + " from case_test_run where id = :id")
			.param("id", runId)
			.query(TestRunRepository::mapRun)
			.optional();
	}

	TestRun insertRun(UUID routeId, UUID municipalityId, String deploymentId, String processDefinitionId,
			String startedBy, Instant at) {
		return this.jdbc.sql("""
				insert into case_test_run (route_id, municipality_id, state, deployment_id, process_definition_id,
				                           started_by, started_at)
				values (:route, :municipality, 'OPEN', :deployment, :definition, :by, :at)
				""" + " returning " + RUN_COLUMNS)
			.param("route", routeId)
			.param("municipality", municipalityId)
			.param("deployment", deploymentId)
			.param("definition", processDefinitionId)
			.param("by", startedBy)
			.param("at", Timestamp.from(at))
			.query(TestRunRepository::mapRun)
			.single();
	}

	void endRun(UUID runId, TestRun.State state, String by, Instant at) {
		this.jdbc.sql("""
				update case_test_run set state = :state, ended_by = :by, ended_at = :at
				 where id = :id and state = 'OPEN'""")
			.param("id", runId)
			.param("state", state.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	TestCase insertCase(UUID id, UUID runId, UUID municipalityId, String applicantName, UUID orgUnitId, String dataJson,
			@Nullable String sourceReference, String createdBy, Instant at) {
		this.jdbc.sql("select id from case_test_run where id = :run for update")
			.param("run", runId)
			.query(UUID.class)
			.single();
		return this.jdbc.sql("""
				insert into case_test_case (id, run_id, municipality_id, number, applicant_name, org_unit_id, data,
				                            source_reference, status, created_by, created_at)
				select :id, :run, :municipality, coalesce(max(number), 0) + 1, :name, :unit, cast(:data as jsonb),
				       :source, 'RECEIVED', :by, :at
				  from case_test_case where run_id = :run
				""" + " returning " + CASE_COLUMNS)
			.param("id", id)
			.param("run", runId)
			.param("municipality", municipalityId)
			.param("name", applicantName)
			.param("unit", orgUnitId)
			.param("data", dataJson)
			.param("source", sourceReference)
			.param("by", createdBy)
			.param("at", Timestamp.from(at))
			.query(TestRunRepository::mapCase)
			.single();
	}

	void setProcessInstance(UUID testCaseId, String processInstanceId) {
		this.jdbc.sql("update case_test_case set process_instance_id = :instance where id = :id")
			.param("id", testCaseId)
			.param("instance", processInstanceId)
			.update();
	}

	Optional<TestCase> testCase(UUID testCaseId) {
		return this.jdbc.sql("select " + CASE_COLUMNS + " from case_test_case where id = :id")
			.param("id", testCaseId)
			.query(TestRunRepository::mapCase)
			.optional();
	}

	List<TestCase> casesOf(UUID runId) {
		return this.jdbc.sql("select " + CASE_COLUMNS + " from case_test_case where run_id = :run order by number")
			.param("run", runId)
			.query(TestRunRepository::mapCase)
			.list();
	}

	void setStatus(UUID testCaseId, CaseStatus status, @Nullable Instant endedAt) {
		this.jdbc.sql("""
				update case_test_case set status = :status, ended_at = coalesce(ended_at, :ended) where id = :id""")
			.param("id", testCaseId)
			.param("status", status.name())
			.param("ended", (endedAt != null) ? Timestamp.from(endedAt) : null, java.sql.Types.TIMESTAMP)
			.update();
	}

	void decide(UUID testCaseId, CaseResult result, String reason) {
		this.jdbc.sql("update case_test_case set result = :result, reason = :reason where id = :id")
			.param("id", testCaseId)
			.param("result", result.name())
			.param("reason", reason)
			.update();
	}

	/** Ends the run's test cases that are still going, e.g. when the run is promoted. */
	void endCases(UUID runId, Instant at) {
		this.jdbc.sql("update case_test_case set ended_at = :at where run_id = :run and ended_at is null")
			.param("run", runId)
			.param("at", Timestamp.from(at))
			.update();
	}

	void deleteCases(UUID runId) {
		this.jdbc.sql("delete from case_test_case where run_id = :run").param("run", runId).update();
	}

	void addEvent(UUID testCaseId, Instant at, String kind, String actorName, String details) {
		this.jdbc.sql("""
				insert into case_test_event (test_case_id, at, kind, actor_name, details)
				values (:case, :at, :kind, :actor, :details)""")
			.param("case", testCaseId)
			.param("at", Timestamp.from(at))
			.param("kind", kind)
			.param("actor", actorName)
			.param("details", (details.length() > 4000) ? details.substring(0, 4000) : details)
			.update();
	}

	List<TestEvent> events(UUID testCaseId) {
		return this.jdbc.sql("""
				select at, kind, actor_name, details from case_test_event where test_case_id = :case order by id""")
			.param("case", testCaseId)
			.query((rs, row) -> new TestEvent(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("actor_name"), rs.getString("details")))
			.list();
	}

	private static TestRun mapRun(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new TestRun(rs.getObject("id", UUID.class), rs.getObject("route_id", UUID.class),
				rs.getObject("municipality_id", UUID.class), TestRun.State.valueOf(rs.getString("state")),
				rs.getString("deployment_id"), rs.getString("process_definition_id"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), rs.getString("ended_by"),
				(ended != null) ? ended.toInstant() : null);
	}

	private static TestCase mapCase(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		String result = rs.getString("result");
		return new TestCase(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class),
				rs.getObject("municipality_id", UUID.class), rs.getInt("number"), rs.getString("applicant_name"),
				rs.getObject("org_unit_id", UUID.class), rs.getString("data"), rs.getString("source_reference"),
				CaseStatus.valueOf(rs.getString("status")), (result != null) ? CaseResult.valueOf(result) : null,
				rs.getString("reason"), rs.getString("process_instance_id"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), (ended != null) ? ended.toInstant() : null);
	}

	/**
	 * One entry of a test case's history.
	 *
	 * @param at when
	 * @param kind what: opened, status, task, decided, message, notice, notified,
	 * overdue, escalated, ended
	 * @param actorName who
	 * @param details e.g. the message a real case would have sent
	 */
	public record TestEvent(Instant at, String kind, String actorName, String details) {

		public String messageKey() {
			return "cases.testRun.event." + this.kind;
		}

	}

}
