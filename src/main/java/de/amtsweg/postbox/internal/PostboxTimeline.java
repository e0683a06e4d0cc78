package de.amtsweg.postbox.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.amtsweg.platform.TimelineEntry;
import de.amtsweg.platform.TimelineSource;
import de.amtsweg.postbox.ThreadSummary;
import de.amtsweg.postbox.internal.PostboxThread.TaskState;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The postbox on the citizen's timeline: each thread with its unread messages, and an
 * open reply-by task with its due date.
 */
@Component
class PostboxTimeline implements TimelineSource {

	private final Conversations conversations;

	private final MessageSource messages;

	PostboxTimeline(Conversations conversations, MessageSource messages) {
		this.conversations = conversations;
		this.messages = messages;
	}

	@Override
	public List<TimelineEntry> entriesFor(UUID accountId, Locale locale) {
		return this.conversations.threadsOf(new Party.Citizen(accountId, ""))
			.stream()
			.map((item) -> entry(item, locale))
			.toList();
	}

	private TimelineEntry entry(Conversations.ListItem item, Locale locale) {
		ThreadSummary summary = item.summary();
		String status = switch (item.task()) {
			case OPEN -> message("postbox.timeline.taskOpen", locale, summary.replyBy());
			case LAPSED -> message("postbox.timeline.taskLapsed", locale, summary.replyBy());
			default -> (summary.unreadForCitizen() > 0)
					? message("postbox.timeline.unread", locale, summary.unreadForCitizen())
					: message("postbox.timeline.read", locale, item.orgUnitName());
		};
		return new TimelineEntry(summary.lastMessageAt(), "postbox", summary.subject(), status,
				"/konto/postfach/" + summary.id(), (item.task() == TaskState.OPEN) ? summary.replyBy() : null);
	}

	private String message(String key, Locale locale, Object argument) {
		Object shown = (argument instanceof java.time.LocalDate date)
				? date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) : argument;
		return this.messages.getMessage(key, new Object[] { shown }, locale);
	}

}
