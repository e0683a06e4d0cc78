package de.amtsweg.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import de.amtsweg.forms.internal.FormFilling;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change cursor of the specialist API never passes a change that commits late: a
 * transaction that wrote a history entry and is still open holds back every later entry,
 * so a reader that pages on gets it once it commits. The same two transactions skip the
 * entry with a cursor of plain event ids.
 */
class CaseChangeCursorTests extends IntegrationTest {

	@Autowired
	FormFilling filling;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Cases cases;

	@Test
	void anEventThatCommitsLateWithALowerIdIsNotSkipped() throws SQLException {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		UUID early = CaseFixtures.awaitCase(this.jdbc,
				CaseFixtures
					.submitRegistrationCertificate(this.filling, musterstadt, null, "Erika", "Frühauf",
							"cursor-" + UUID.randomUUID() + "@example.org")
					.id());
		UUID late = CaseFixtures.awaitCase(this.jdbc,
				CaseFixtures
					.submitRegistrationCertificate(this.filling, musterstadt, null, "Erika", "Spätling",
							"cursor-" + UUID.randomUUID() + "@example.org")
					.id());
		UUID unit = this.cases.byId(early).orElseThrow().orgUnitId();
		Set<UUID> mine = Set.of(early, late);
		// the reader has seen everything up to now (the intake's own events included)
		String cursor = await().atMost(Duration.ofSeconds(30))
			.until(() -> readToEnd(musterstadt.id(), unit, "0"), (page) -> page.ids().containsAll(mine))
			.cursor();
		long plainCursor = this.jdbc.sql("select coalesce(max(id), 0) from case_event").query(Long.class).single();

		try (Connection slow = this.dataSource.getConnection(); Connection fast = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			fast.setAutoCommit(false);
			long slowId = addEvent(slow, early);
			long fastId = addEvent(fast, late);
			fast.commit();
			assertThat(slowId).as("the open transaction has the lower id").isLessThan(fastId);

			// with plain ids a reader now gets the fast event and moves past the slow one
			List<Long> plain = this.jdbc.sql("select id from case_event where id > :after and case_id in (:a, :b)")
				.param("after", plainCursor)
				.param("a", early)
				.param("b", late)
				.query(Long.class)
				.list();
			assertThat(plain).containsExactly(fastId);

			Page whileOpen = readToEnd(musterstadt.id(), unit, cursor);
			assertThat(whileOpen.ids()).as("nothing after the open transaction is handed out").doesNotContain(late);
			assertThat(whileOpen.ids()).doesNotContain(early);
			String cursorWhileOpen = whileOpen.cursor();

			slow.commit();
			List<Long> plainAfterCommit = this.jdbc
				.sql("select id from case_event where id > :after and case_id in (:a, :b)")
				.param("after", fastId)
				.param("a", early)
				.param("b", late)
				.query(Long.class)
				.list();
			assertThat(plainAfterCommit).as("a plain id cursor skips the late commit for good").isEmpty();

			List<UUID> afterCommit = await().atMost(Duration.ofSeconds(30))
				.until(() -> readToEnd(musterstadt.id(), unit, cursorWhileOpen).ids(), (ids) -> ids.containsAll(mine))
				.stream()
				.filter(mine::contains)
				.toList();
			assertThat(afterCommit).as("both, the earlier transaction first").containsExactly(early, late);
		}
	}

	@Test
	void aCursorOfEarlierVersionsIsStillAcceptedAndNonsenseIsNot() {
		assertThat(Cases.validCursor("0")).isTrue();
		assertThat(Cases.validCursor("123")).isTrue();
		assertThat(Cases.validCursor("4711-123")).isTrue();
		assertThat(Cases.validCursor("-1")).isFalse();
		assertThat(Cases.validCursor("12-")).isFalse();
		assertThat(Cases.validCursor("abc")).isFalse();
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		long last = this.jdbc.sql("select coalesce(max(id), 0) from case_event").query(Long.class).single();
		UUID anyUnit = this.jdbc.sql("select id from org_unit where municipality_id = :m limit 1")
			.param("m", musterstadt.id())
			.query(UUID.class)
			.single();
		assertThat(this.cases.changedAfter(musterstadt.id(), Set.of(anyUnit), Long.toString(last), 10))
			.allSatisfy((change) -> assertThat(change.cursor()).matches("[0-9]+-[0-9]+"));
	}

	private Page readToEnd(UUID municipalityId, UUID unit, String from) {
		String cursor = from;
		List<UUID> ids = new java.util.ArrayList<>();
		while (true) {
			List<Cases.CaseChange> page = this.cases.changedAfter(municipalityId, Set.of(unit), cursor, 100);
			page.forEach((change) -> ids.add(change.summary().id()));
			if (page.isEmpty()) {
				return new Page(ids, cursor);
			}
			cursor = page.get(page.size() - 1).cursor();
		}
	}

	private static long addEvent(Connection connection, UUID caseId) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						insert into case_event (case_id, at, kind, actor_name, details) values (?, now(), 'note', 'Test', 'cursor')
						returning id""")) {
			insert.setObject(1, caseId);
			try (ResultSet rs = insert.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	record Page(List<UUID> ids, String cursor) {
	}

}
