package de.amtsweg.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.cases.CaseResult;
import de.amtsweg.cases.CaseStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code case_file}, {@code case_event}, {@code case_note} and the counter.
 */
@Repository
public class CaseRepository {

	static final String COLUMNS = """
			id, municipality_id, reference, submission_id, submission_reference, case_type_id, form_key,
			form_version, title_de, title_en, org_unit_id, applicant_account_id, applicant_name, applicant_email,
			status, result, decision_reason, notice_blob, notice_created_at, assignee_staff_id, assignee_name,
			process_instance_id, access_code, submitted_at, deadline, closed_at""";

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next reference number of the municipality in the year, e.g. VG-2026-000123. */
	String nextReference(UUID municipalityId, int year) {
		// a sequence per municipality and year (case_next_reference): no lock held until
		// the case commits; gaps are possible, twins are not
		long number = this.jdbc.sql("select case_next_reference(:municipality, :year)")
			.param("municipality", municipalityId)
			.param("year", year)
			.query(Long.class)
			.single();
		return "VG-%d-%06d".formatted(year, number);
	}

	/**
	 * Inserts the case unless one exists for the submission.
	 * @return whether it was inserted
	 */
	boolean insertIfAbsent(NewCase c) {
		return this.jdbc.sql("""
				insert into case_file (id, municipality_id, reference, submission_id, submission_reference,
				    case_type_id, form_key, form_version, title_de, title_en, org_unit_id, applicant_account_id,
				    applicant_name, applicant_email, answers, computed, attachments, status, access_code,
				    submitted_at, deadline)
				values (:id, :municipality, :reference, :submission, :submissionReference, :caseType, :formKey,
				    :formVersion, :titleDe, :titleEn, :orgUnit, :account, :name, :email, cast(:answers as jsonb),
				    cast(:computed as jsonb), cast(:attachments as jsonb), 'RECEIVED', :accessCode, :submittedAt,
				    :deadline)
				on conflict (submission_id) do nothing""")
			.param("id", c.id())
			.param("municipality", c.municipalityId())
			.param("reference", c.reference())
			.param("submission", c.submissionId())
			.param("submissionReference", c.submissionReference())
			.param("caseType", c.caseTypeId())
			.param("formKey", c.formKey())
			.param("formVersion", c.formVersion())
			.param("titleDe", c.titleDe())
			.param("titleEn", c.titleEn())
			.param("orgUnit", c.orgUnitId())
			.param("account", c.applicantAccountId())
			.param("name", c.applicantName())
			.param("email", c.applicantEmail())
			.param("answers", c.answersJson())
			.param("computed", c.computedJson())
			.param("attachments", c.attachmentsJson())
			.param("accessCode", c.accessCode())
			.param("submittedAt", Timestamp.from(c.submittedAt()))
			.param("deadline", c.deadline())
			.update() == 1;
	}

	/**
	 * A new case.
	 *
	 * @param id identifier
	 * @param municipalityId municipality
	 * @param reference reference number
	 * @param submissionId submission
	 * @param submissionReference the submission's reference
	 * @param caseTypeId case type version
	 * @param formKey form
	 * @param formVersion form version
	 * @param titleDe title in German
	 * @param titleEn title in English
	 * @param orgUnitId responsible org unit
	 * @param applicantAccountId account or null
	 * @param applicantName name
	 * @param applicantEmail e-mail or null
	 * @param answersJson answers as JSON
	 * @param computedJson computed values as JSON
	 * @param attachmentsJson attachments as JSON
	 * @param accessCode access code
	 * @param submittedAt submission time
	 * @param deadline end of the processing time
	 */
	record NewCase(UUID id, UUID municipalityId, String reference, UUID submissionId, String submissionReference,
			UUID caseTypeId, String formKey, int formVersion, String titleDe, String titleEn, UUID orgUnitId,
			@Nullable UUID applicantAccountId, String applicantName, @Nullable String applicantEmail,
			String answersJson, String computedJson, String attachmentsJson, String accessCode, Instant submittedAt,
			LocalDate deadline) {
	}

	Optional<CaseFile> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from case_file where id = :id")
			.param("id", id)
			.query(CaseRepository::map)
			.optional();
	}

	Optional<LocalDate> retainUntil(UUID id) {
		return this.jdbc.sql("select retain_until from case_file where id = :id and retain_until is not null")
			.param("id", id)
			.query(LocalDate.class)
			.optional();
	}

	Optional<CaseFile> findBySubmission(UUID submissionId) {
		return this.jdbc.sql("select " + COLUMNS + " from case_file where submission_id = :id")
			.param("id", submissionId)
			.query(CaseRepository::map)
			.optional();
	}

	Optional<CaseFile> findByReference(UUID municipalityId, String reference) {
		return this.jdbc.sql("select " + COLUMNS + " from case_file where municipality_id = :m and reference = :r")
			.param("m", municipalityId)
			.param("r", reference)
			.query(CaseRepository::map)
			.optional();
	}

	/**
	 * The case opened from the submission with that reference (as on the applicant's
	 * receipt).
	 */
	Optional<CaseFile> findBySubmissionReference(UUID municipalityId, String submissionReference) {
		return this.jdbc
			.sql("select " + COLUMNS + " from case_file where municipality_id = :m and submission_reference = :r")
			.param("m", municipalityId)
			.param("r", submissionReference)
			.query(CaseRepository::map)
			.optional();
	}

	/** The answers, attachments and computed values as JSON. */
	Map<String, String> jsonOf(UUID id) {
		return this.jdbc.sql("select answers::text, computed::text, attachments::text from case_file where id = :id")
			.param("id", id)
			.query((rs, row) -> Map.of("answers", rs.getString(1), "computed", rs.getString(2), "attachments",
					rs.getString(3)))
			.single();
	}

	List<CaseFile> ofApplicant(UUID accountId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from case_file where applicant_account_id = :a order by submitted_at desc limit 500")
			.param("a", accountId)
			.query(CaseRepository::map)
			.list();
	}

	void setProcessInstance(UUID id, String processInstanceId) {
		this.jdbc.sql("update case_file set process_instance_id = :p where id = :id")
			.param("p", processInstanceId)
			.param("id", id)
			.update();
	}

	void setStatus(UUID id, CaseStatus status, @Nullable Instant closedAt, @Nullable LocalDate retainUntil) {
		this.jdbc.sql("""
				update case_file set status = :status, closed_at = coalesce(:closedAt, closed_at),
				       retain_until = coalesce(:retainUntil, retain_until)
				 where id = :id""")
			.param("status", status.name())
			.param("closedAt", (closedAt != null) ? Timestamp.from(closedAt) : null, java.sql.Types.TIMESTAMP)
			.param("retainUntil", retainUntil, java.sql.Types.DATE)
			.param("id", id)
			.update();
	}

	void assign(UUID id, @Nullable UUID staffId, @Nullable String name) {
		this.jdbc.sql("update case_file set assignee_staff_id = :s, assignee_name = :n where id = :id")
			.param("s", staffId, java.sql.Types.OTHER)
			.param("n", name, java.sql.Types.VARCHAR)
			.param("id", id)
			.update();
	}

	void decide(UUID id, CaseResult result, String reason) {
		this.jdbc.sql("update case_file set result = :r, decision_reason = :reason where id = :id")
			.param("r", result.name())
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	void setNotice(UUID id, String blob, Instant at) {
		this.jdbc.sql("update case_file set notice_blob = :b, notice_created_at = :at where id = :id")
			.param("b", blob)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	void addEvent(UUID caseId, Instant at, String kind, @Nullable CaseStatus status, String actorName, String details,
			boolean shownToApplicant) {
		this.jdbc.sql("""
				insert into case_event (case_id, at, kind, status, actor_name, details, shown_to_applicant)
				values (:c, :at, :kind, :status, :actor, :details, :shown)""")
			.param("c", caseId)
			.param("at", Timestamp.from(at))
			.param("kind", kind)
			.param("status", (status != null) ? status.name() : null, java.sql.Types.VARCHAR)
			.param("actor", actorName)
			.param("details", details)
			.param("shown", shownToApplicant)
			.update();
	}

	boolean hasEvent(UUID caseId, String details) {
		return this.jdbc.sql("select exists (select 1 from case_event where case_id = :c and details = :d)")
			.param("c", caseId)
			.param("d", details)
			.query(Boolean.class)
			.single();
	}

	List<CaseEvent> events(UUID caseId, boolean applicantOnly) {
		return this.jdbc.sql("""
				select at, kind, status, actor_name, details from case_event
				 where case_id = :c and (shown_to_applicant or not :applicantOnly) order by id""")
			.param("c", caseId)
			.param("applicantOnly", applicantOnly)
			.query((rs, row) -> new CaseEvent(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					(rs.getString("status") != null) ? CaseStatus.valueOf(rs.getString("status")) : null,
					rs.getString("actor_name"), rs.getString("details")))
			.list();
	}

	void addNote(UUID caseId, UUID staffId, String authorName, String text, Instant at) {
		this.jdbc.sql("""
				insert into case_note (case_id, author_staff_id, author_name, text, created_at)
				values (:c, :s, :n, :t, :at)""")
			.param("c", caseId)
			.param("s", staffId)
			.param("n", authorName)
			.param("t", text)
			.param("at", Timestamp.from(at))
			.update();
	}

	List<CaseNote> notes(UUID caseId) {
		return this.jdbc
			.sql("select author_name, text, created_at from case_note where case_id = :c order by created_at")
			.param("c", caseId)
			.query((rs, row) -> new CaseNote(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** One page of an inbox and the number of all matching cases. */
	InboxPage inbox(InboxQuery query, int pageSize) {
		InboxSql sql = inboxSql(query, pageSize);
		long total = this.jdbc.sql(sql.count()).params(sql.params()).query(Long.class).single();
		List<CaseFile> cases = this.jdbc.sql(sql.page()).params(sql.params()).query(CaseRepository::map).list();
		return new InboxPage(cases, total, total > INBOX_COUNT_CAP);
	}

	/**
	 * More matches than this are shown as "more than 1,000": counting costs a row each,
	 * and a clerk narrows the selection long before.
	 */
	static final int INBOX_COUNT_CAP = 1000;

	private static final String UNIT_CONDITION = " where municipality_id = :m and org_unit_id = any(:units)";

	/**
	 * The inbox's two statements (a capped count and a page) with their parameters; the
	 * benchmark explains the same statements.
	 */
	static InboxSql inboxSql(InboxQuery query, int pageSize) {
		return inboxSql(query, pageSize, true);
	}

	/**
	 * The statements, merged per unit or (as before, and for deputies) over all units at
	 * once.
	 */
	static InboxSql inboxSql(InboxQuery query, int pageSize, boolean perUnitWhenPossible) {
		StringBuilder where = new StringBuilder(UNIT_CONDITION);
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("m", query.municipalityId());
		params.put("units", query.orgUnitIds().toArray(new UUID[0]));
		if (!query.deputisingFor().isEmpty()) {
			// A deputy also sees the cases of the absent colleague outside their own
			// units.
			where.replace(0, where.length(), " where municipality_id = :m"
					+ " and (org_unit_id = any(:units) or assignee_staff_id = any(:absent))");
			params.put("absent", query.deputisingFor().toArray(new UUID[0]));
		}
		if (query.status() != null) {
			where.append(" and status = :status");
			params.put("status", query.status().name());
		}
		else if (!query.includeClosed()) {
			where.append(" and status <> 'CLOSED'");
		}
		if (query.formKey() != null) {
			where.append(" and form_key = :form");
			params.put("form", query.formKey());
		}
		if (query.overdueOn() != null) {
			where.append(" and status <> 'CLOSED' and deadline < :today");
			params.put("today", query.overdueOn());
		}
		if (query.assignee() == InboxQuery.Assignee.ME) {
			Set<UUID> mine = new java.util.HashSet<>(query.deputisingFor());
			mine.add(query.staffId());
			where.append(" and assignee_staff_id = any(:mine)");
			params.put("mine", mine.toArray(new UUID[0]));
		}
		else if (query.assignee() == InboxQuery.Assignee.UNASSIGNED) {
			where.append(" and assignee_staff_id is null");
		}
		String text = "";
		if (query.search() != null) {
			text = " " + TEXT_CONDITION;
			params.put("q", query.search());
		}
		int offset = Math.max(0, query.page() - 1) * pageSize;
		params.put("cap", INBOX_COUNT_CAP + 1);
		params.put("limit", pageSize);
		params.put("offset", offset);
		params.put("perUnit", offset + pageSize);
		String count = "select count(*) from (select 1 from case_file" + where + text + " limit :cap) capped";
		boolean perUnit = query.deputisingFor().isEmpty() && perUnitWhenPossible;
		String unitFilters = perUnit ? where.substring(UNIT_CONDITION.length()) : "";
		if (perUnit && query.search() == null) {
			// The page from one ordered index scan per unit, each stopping at the page's
			// end, merged: with "org_unit_id = any(...)" PostgreSQL reads every match of
			// the units and sorts them, tens of thousands with a million cases.
			return new InboxSql(count,
					"select c.* from unnest(cast(:units as uuid[])) as u(unit)" + " cross join lateral (select "
							+ COLUMNS + " from case_file where municipality_id = :m and org_unit_id = u.unit"
							+ unitFilters + " order by submitted_at desc, id limit :perUnit) c"
							+ " order by submitted_at desc, id limit :limit offset :offset",
					params);
		}
		if (perUnit) {
			// A search, per unit in two steps. First the unit's newest :window cases in
			// index order, checked against the words: a word in many of the unit's cases
			// fills the page after a few dozen rows, where the text index would hand over
			// every match of the unit (tens of thousands) to be fetched and sorted. Any
			// match outside that window is older than every case in it, so a unit that
			// has its page's matches in the window is exact. A unit that has not (a rare
			// word: fewer than one match in 40 of its newest cases) is searched with the
			// text index on (org_unit_id, search), which intersects the unit's and the
			// word's entries and so yields only that unit's few matches. One unit per
			// index scan: with "org_unit_id = any(...)" GIN scans the word once per unit.
			// "offset 0" keeps the rare unit's matches a subquery of their own: without
			// it
			// PostgreSQL may walk the unit's whole date index for the page's order and
			// check
			// every case (150 ms for a word the unit does not have) instead of asking the
			// text index, which the rare word is the reason for.
			params.put("window", SEARCH_WINDOW_PER_ROW * (offset + pageSize));
			// Counted per unit as well, for the same reason.
			String countPerUnit = "select count(*) from (select 1 from unnest(cast(:units as uuid[])) as u(unit)"
					+ " cross join lateral (select 1 from case_file where municipality_id = :m and org_unit_id = u.unit"
					+ unitFilters + text + " limit :cap) c limit :cap) capped";
			return new InboxSql(countPerUnit,
					"with recent as (select c.* from unnest(cast(:units as uuid[])) as u(unit)"
							+ " cross join lateral (select " + COLUMNS + " from (select " + COLUMNS
							+ ", search from case_file" + " where municipality_id = :m and org_unit_id = u.unit"
							+ unitFilters + " order by submitted_at desc, id limit :window) w where true" + text
							+ " order by submitted_at desc, id limit :perUnit) c),"
							+ " rare as (select u.unit from unnest(cast(:units as uuid[])) as u(unit)"
							+ " where (select count(*) from recent r where r.org_unit_id = u.unit) < :perUnit)"
							+ " select * from (select * from recent where org_unit_id <> all(array(select unit from rare))"
							+ " union all select g.* from rare cross join lateral (select * from (select " + COLUMNS
							+ " from case_file where municipality_id = :m and org_unit_id = rare.unit" + unitFilters
							+ text + " offset 0) matches order by submitted_at desc, id limit :perUnit) g) found"
							+ " order by submitted_at desc, id limit :limit offset :offset",
					params);
		}
		return new InboxSql(count, "select " + COLUMNS + " from case_file" + where + text
				+ " order by submitted_at desc, id limit :limit offset :offset", params);
	}

	/**
	 * A search reads at most this many of a unit's newest cases per row of the page
	 * before it turns to the text index for that unit.
	 */
	static final int SEARCH_WINDOW_PER_ROW = 40;

	/**
	 * The text search: a reference, or words of the name and answers (German stemming,
	 * and as written for names).
	 */
	private static final String TEXT_CONDITION = """
			and (reference = upper(:q) or search @@ plainto_tsquery('german', :q)
			     or search @@ plainto_tsquery('simple', :q))""";

	/**
	 * @param count the capped count
	 * @param page the page
	 * @param params the parameters of both
	 */
	record InboxSql(String count, String page, Map<String, Object> params) {
	}

	/**
	 * The cases of the units with a history entry after the cursor, by their latest
	 * entry. The cursor is the entry's (transaction, id): only entries of transactions
	 * below the oldest one still running are handed out, so none can commit later before
	 * the cursor.
	 */
	List<ChangedCase> changedAfter(UUID municipalityId, Collection<UUID> orgUnitIds, long afterTransaction,
			long afterEvent, int limit) {
		return this.jdbc.sql("""
				select c.id, c.municipality_id, c.reference, c.submission_id, c.submission_reference, c.case_type_id,
				       c.form_key, c.form_version, c.title_de, c.title_en, c.org_unit_id, c.applicant_account_id,
				       c.applicant_name, c.applicant_email, c.status, c.result, c.decision_reason, c.notice_blob,
				       c.notice_created_at, c.assignee_staff_id, c.assignee_name, c.process_instance_id,
				       c.access_code, c.submitted_at, c.deadline, c.closed_at, changes.xid::text as xid,
				       changes.cursor, changes.changed_at
				  from (select distinct on (e.case_id) e.case_id, e.xid, e.id as cursor,
				               max(e.at) over (partition by e.case_id) as changed_at
				          from case_event e
				         where (e.xid, e.id) > (cast(cast(:afterXid as text) as xid8), :afterId)
				           and e.xid < pg_snapshot_xmin(pg_current_snapshot())
				         order by e.case_id, e.xid desc, e.id desc) changes
				  join case_file c on c.id = changes.case_id
				 where c.municipality_id = :m and c.org_unit_id = any(:units)
				 order by changes.xid, changes.cursor limit :limit""")
			.param("afterXid", afterTransaction)
			.param("afterId", afterEvent)
			.param("m", municipalityId)
			.param("units", orgUnitIds.toArray(new UUID[0]))
			.param("limit", limit)
			.query((rs, row) -> new ChangedCase(map(rs, row), Long.parseLong(rs.getString("xid")), rs.getLong("cursor"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	/** The transaction that wrote a history entry; 0 if there is no such entry. */
	long transactionOfEvent(long eventId) {
		return this.jdbc.sql("select xid::text from case_event where id = :id")
			.param("id", eventId)
			.query(String.class)
			.optional()
			.map(Long::parseLong)
			.orElse(0L);
	}

	/**
	 * @param file the case
	 * @param transaction the transaction of its latest history entry
	 * @param cursor its latest history entry
	 * @param changedAt when that happened
	 */
	record ChangedCase(CaseFile file, long transaction, long cursor, Instant changedAt) {
	}

	static final String FORM_KEYS = """
			with recursive keys (unit, key) as (
			    select u, (select min(form_key) from case_file where org_unit_id = u)
			      from unnest(cast(:units as uuid[])) u
			    union all
			    select unit, (select min(form_key) from case_file where org_unit_id = unit and form_key > key)
			      from keys where key is not null)
			select distinct key from keys where key is not null order by 1""";

	/** The forms of which the units have cases, for the filter. */
	List<String> formKeys(Collection<UUID> orgUnitIds) {
		// A skip scan over (org_unit_id, form_key): one index probe per unit and key
		// instead
		// of reading every case of the units.
		return this.jdbc.sql(FORM_KEYS).param("units", orgUnitIds.toArray(new UUID[0])).query(String.class).list();
	}

	/**
	 * @param cases the cases of the page
	 * @param total how many match (at most 1,001 are counted)
	 * @param moreThanCounted whether there are more than were counted
	 */
	public record InboxPage(List<CaseFile> cases, long total, boolean moreThanCounted) {
	}

	/**
	 * @param at when
	 * @param kind what happened, e.g. {@code claimed}
	 * @param status the new status, if it changed
	 * @param actorName who
	 * @param details more
	 */
	public record CaseEvent(Instant at, String kind, @Nullable CaseStatus status, String actorName, String details) {
	}

	/**
	 * @param authorName who
	 * @param text the note
	 * @param createdAt when
	 */
	public record CaseNote(String authorName, String text, Instant createdAt) {
	}

	static CaseFile map(ResultSet rs, int row) throws SQLException {
		return new CaseFile(rs.getObject("id", UUID.class), rs.getObject("municipality_id", UUID.class),
				rs.getString("reference"), rs.getObject("submission_id", UUID.class),
				rs.getString("submission_reference"), rs.getObject("case_type_id", UUID.class),
				rs.getString("form_key"), rs.getInt("form_version"), rs.getString("title_de"), rs.getString("title_en"),
				rs.getObject("org_unit_id", UUID.class), rs.getObject("applicant_account_id", UUID.class),
				rs.getString("applicant_name"), rs.getString("applicant_email"),
				CaseStatus.valueOf(rs.getString("status")),
				(rs.getString("result") != null) ? CaseResult.valueOf(rs.getString("result")) : null,
				rs.getString("decision_reason"), rs.getString("notice_blob"), instant(rs, "notice_created_at"),
				rs.getObject("assignee_staff_id", UUID.class), rs.getString("assignee_name"),
				rs.getString("process_instance_id"), rs.getString("access_code"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getObject("deadline", LocalDate.class),
				instant(rs, "closed_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static List<UUID> ids(List<CaseFile> cases) {
		List<UUID> ids = new ArrayList<>();
		cases.forEach((c) -> ids.add(c.id()));
		return ids;
	}

}
