package de.amtsweg.appointments.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs the links of appointment mails (confirm, manage), so that whoever has the mail
 * can cancel or move without an account, and nobody can guess a link for another
 * appointment. The key is made once and kept in the database, so links stay valid across
 * restarts and on every node.
 */
@Component
public class LinkSigner {

	private final JdbcClient jdbc;

	private volatile byte[] key;

	public LinkSigner(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String sign(String purpose, UUID appointmentId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] signature = mac.doFinal((purpose + ":" + appointmentId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean verify(String purpose, UUID appointmentId, String signature) {
		return MessageDigest.isEqual(sign(purpose, appointmentId).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			this.jdbc.sql("insert into appointment_link_key (id, secret) values (1, :secret) on conflict do nothing")
				.param("secret", fresh)
				.update();
			current = this.jdbc.sql("select secret from appointment_link_key where id = 1")
				.query(byte[].class)
				.single();
			this.key = current;
		}
		return current;
	}

}
