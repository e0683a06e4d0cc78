package de.amtsweg.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import de.amtsweg.platform.TimelineEntry;
import de.amtsweg.platform.TimelineSource;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The applicant's requests on their timeline: each case with its status; an unanswered
 * Rückfrage shows as a task with its reply-by day (first while the day is ahead), a
 * lapsed one says so.
 */
@Component
class CasesTimeline implements TimelineSource {

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final ApplicantCases cases;

	private final CaseQuestionRepository questions;

	private final MessageSource messages;

	private final java.time.Clock clock;

	CasesTimeline(ApplicantCases cases, CaseQuestionRepository questions, MessageSource messages,
			java.time.Clock clock) {
		this.cases = cases;
		this.questions = questions;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<TimelineEntry> entriesFor(UUID accountId, Locale locale) {
		List<CaseFile> files = this.cases.ofAccount(accountId);
		Map<UUID, CaseQuestion> waiting = this.questions.unansweredOfApplicant(accountId)
			.stream()
			.collect(Collectors.toMap(CaseQuestion::caseId, (question) -> question, (first, second) -> second));
		LocalDate today = LocalDate.now(this.clock);
		List<TimelineEntry> entries = new ArrayList<>();
		for (CaseFile file : files) {
			CaseQuestion question = waiting.get(file.id());
			String status = this.messages.getMessage(file.status().messageKey(), null, locale);
			LocalDate due = null;
			Instant when = (file.closedAt() != null) ? file.closedAt() : file.submittedAt();
			if (question != null && file.isOpen()) {
				String day = GERMAN_DATE.format(question.replyBy());
				boolean lapsed = question.state(today) == CaseQuestion.State.LAPSED;
				status = this.messages.getMessage(
						lapsed ? "cases.timeline.questionLapsed" : "cases.timeline.questionOpen", new Object[] { day },
						locale);
				due = lapsed ? null : question.replyBy();
				when = question.askedAt();
			}
			entries.add(new TimelineEntry(when, "case",
					this.messages.getMessage("cases.timeline.title",
							new Object[] { file.title(locale), file.reference() }, locale),
					status, "/konto/antraege/" + file.id(), due));
		}
		return entries;
	}

}
