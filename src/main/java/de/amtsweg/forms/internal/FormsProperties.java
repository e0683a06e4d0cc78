package de.amtsweg.forms.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the forms module ({@code amtsweg.forms.*}).
 *
 * @param draftLifetime how long a draft is kept after its last change
 * @param expiryInterval how often expired drafts are deleted
 * @param uploads limits of uploads
 * @param submissions limits of submissions per client
 */
@ConfigurationProperties("amtsweg.forms")
public record FormsProperties(@DefaultValue("P30D") Duration draftLifetime,
		@DefaultValue("PT1H") Duration expiryInterval, @DefaultValue Uploads uploads,
		@DefaultValue Submissions submissions) {

	/**
	 * @param maxFileSizeKb largest file, unless the form says less
	 * @param maxFilesPerDraft most files one draft may hold
	 */
	public record Uploads(@DefaultValue("10240") int maxFileSizeKb, @DefaultValue("20") int maxFilesPerDraft) {
	}

	/**
	 * @param perClientPerHour submissions one client may send per hour with a solved
	 * proof-of-work challenge
	 * @param withoutProofPerClientPerHour submissions one client may send per hour
	 * without one (a browser without JavaScript)
	 */
	public record Submissions(@DefaultValue("30") int perClientPerHour,
			@DefaultValue("5") int withoutProofPerClientPerHour) {
	}

}
