package de.amtsweg.platform.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the municipalities' signing certificates come from.
 *
 * @param directory PKCS#12 keystores named {@code <municipality slug>.p12}
 * @param password password of the keystores in the directory
 * @param keystores keystores elsewhere, per municipality slug (overrides the directory)
 * @param demoCertificates whether a missing keystore is created with a self-signed demo
 * certificate (only with demo data)
 * @param verification limits of the public verification page
 */
@ConfigurationProperties("amtsweg.signing")
public record SigningProperties(@DefaultValue("./data/signing") Path directory, @DefaultValue("") String password,
		@DefaultValue Map<String, Keystore> keystores, @DefaultValue("false") boolean demoCertificates,
		@DefaultValue Verification verification) {

	/**
	 * A municipality's keystore.
	 *
	 * @param path the PKCS#12 file
	 * @param password its password (and the key's)
	 * @param alias the key's alias, null for the first key in the file
	 */
	public record Keystore(Path path, @DefaultValue("") String password, @Nullable String alias) {
	}

	/**
	 * @param maxFileSizeKb largest file the page checks
	 * @param perClientPerHour checks per client address and hour
	 */
	public record Verification(@DefaultValue("10240") int maxFileSizeKb, @DefaultValue("60") int perClientPerHour,
			@DefaultValue("PT1H") Duration window) {
	}

}
