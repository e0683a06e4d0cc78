package de.amtsweg.postbox.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the postbox ({@code amtsweg.postbox.*}).
 *
 * @param maxAttachmentSizeKb largest attached file
 * @param maxAttachmentsPerMessage most files one message may carry
 * @param guestLinkValidity how long the link mailed to a guest opens the thread
 * @param reminderDaysBefore how many days before a reply-by date the applicant is
 * reminded
 * @param reminderInterval how often the reminder job looks for due reminders
 * @param messagesPerAccountPerDay most messages one citizen may write in a day (against
 * abuse)
 */
@ConfigurationProperties("amtsweg.postbox")
public record PostboxProperties(@DefaultValue("10240") int maxAttachmentSizeKb,
		@DefaultValue("5") int maxAttachmentsPerMessage, @DefaultValue("P30D") Duration guestLinkValidity,
		@DefaultValue("2") int reminderDaysBefore, @DefaultValue("PT1H") Duration reminderInterval,
		@DefaultValue("50") int messagesPerAccountPerDay) {
}
