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
 * @param virusScan the ClamAV daemon, if any
 * @param submissions limits of submissions per client
 */
@ConfigurationProperties("amtsweg.forms")
public record FormsProperties(@DefaultValue("P30D") Duration draftLifetime,
		@DefaultValue("PT1H") Duration expiryInterval, @DefaultValue Uploads uploads, @DefaultValue VirusScan virusScan,
		@DefaultValue Submissions submissions) {

	/**
	 * @param maxFileSizeKb largest file, unless the form says less
	 * @param maxFilesPerDraft most files one draft may hold
	 */
	public record Uploads(@DefaultValue("10240") int maxFileSizeKb, @DefaultValue("20") int maxFilesPerDraft) {
	}

	/**
	 * @param enabled whether uploads are scanned (needs clamd)
	 * @param host clamd's host
	 * @param port clamd's TCP port
	 * @param timeout how long to wait for clamd
	 */
	public record VirusScan(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
			@DefaultValue("3310") int port, @DefaultValue("PT30S") Duration timeout) {
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
