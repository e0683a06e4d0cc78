package de.amtsweg.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The signing key and certificate of each municipality: from its PKCS#12 keystore, or,
 * with demo data and no keystore, from a self-signed demo certificate created once under
 * the data directory (never in the repository). Loaded once per node and kept.
 */
@Component
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** Password of generated demo keystores when none is configured. */
	private static final String DEMO_PASSWORD = "amtsweg-demo-signing";

	private final SigningProperties properties;

	private final Municipalities municipalities;

	private final Clock clock;

	private final Map<UUID, SigningKey> keys = new ConcurrentHashMap<>();

	SigningKeys(SigningProperties properties, Municipalities municipalities, Clock clock) {
		this.properties = properties;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	/**
	 * The key and certificate chain a municipality signs with.
	 *
	 * @param privateKey the key
	 * @param chain the signing certificate first
	 */
	public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

		public X509Certificate certificate() {
			return this.chain.get(0);
		}

	}

	/** The municipality's key; fails when it has none configured and no demo key. */
	public SigningKey of(Municipality municipality) {
		return find(municipality).orElseThrow(() -> new IllegalStateException("No signing keystore for municipality "
				+ municipality.slug() + " (amtsweg.signing.directory/" + municipality.slug() + ".p12)"));
	}

	/** The municipality that signs with exactly this certificate, if one does. */
	public Optional<Municipality> municipalityOf(X509Certificate certificate) {
		for (Municipality municipality : this.municipalities.all()) {
			Optional<SigningKey> key = find(municipality);
			if (key.isPresent() && key.get().certificate().equals(certificate)) {
				return Optional.of(municipality);
			}
		}
		return Optional.empty();
	}

	/** Loads (and with demo data creates) the keys of all municipalities. */
	public void loadAll() {
		this.municipalities.all().forEach(this::find);
	}

	private Optional<SigningKey> find(Municipality municipality) {
		SigningKey known = this.keys.get(municipality.id());
		if (known != null) {
			return Optional.of(known);
		}
		synchronized (this) {
			return Optional.ofNullable(this.keys.computeIfAbsent(municipality.id(), (id) -> load(municipality)));
		}
	}

	private @Nullable SigningKey load(Municipality municipality) {
		SigningProperties.Keystore configured = this.properties.keystores().get(municipality.slug());
		if (configured != null) {
			return read(configured.path(), configured.password(), configured.alias());
		}
		Path file = this.properties.directory().resolve(municipality.slug() + ".p12");
		if (Files.isReadable(file)) {
			return read(file, password(), null);
		}
		if (!this.properties.demoCertificates()) {
			return null;
		}
		createDemoKeystore(municipality, file);
		return read(file, password(), null);
	}

	private String password() {
		return this.properties.password().isEmpty() ? DEMO_PASSWORD : this.properties.password();
	}

	private static SigningKey read(Path file, String password, @Nullable String alias) {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password.toCharArray());
			String name = (alias != null) ? alias
					: Collections.list(store.aliases())
						.stream()
						.filter((candidate) -> isKey(store, candidate))
						.findFirst()
						.orElseThrow(() -> new IllegalStateException("No private key in " + file));
			PrivateKey key = (PrivateKey) store.getKey(name, password.toCharArray());
			Certificate[] chain = store.getCertificateChain(name);
			return new SigningKey(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the signing keystore " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not read the signing keystore " + file, ex);
		}
	}

	private static boolean isKey(KeyStore store, String alias) {
		try {
			return store.isKeyEntry(alias);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private void createDemoKeystore(Municipality municipality, Path file) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072);
			KeyPair pair = generator.generateKeyPair();
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
			var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE")
				.addRDN(BCStyle.O, municipality.name())
				.addRDN(BCStyle.OU, "Amtsweg Demo")
				.addRDN(BCStyle.CN, municipality.name())
				.build();
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					new BigInteger(128, new SecureRandom()), Date.from(now.minus(1, ChronoUnit.DAYS)),
					Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("signing", pair.getPrivate(), password().toCharArray(),
					new Certificate[] { certificate });
			Files.createDirectories(file.getParent());
			Path temporary = Files.createTempFile(file.getParent(), municipality.slug(), ".tmp");
			try (OutputStream out = Files.newOutputStream(temporary)) {
				store.store(out, password().toCharArray());
			}
			// another node may have been quicker: keep whichever landed first
			if (!Files.exists(file)) {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			Files.deleteIfExists(temporary);
			log.info("Created a self-signed demo signing certificate for {} at {}", municipality.slug(), file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the demo signing keystore " + file, ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not create the demo signing certificate", ex);
		}
	}

}
