package de.amtsweg.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.Sha256;

/**
 * Blobs as objects in an S3-compatible bucket ({@code <prefix>ab/cd/abcd…}), over plain
 * HTTP with AWS Signature Version 4 and path-style addresses, so any S3-compatible server
 * works (MinIO, Ceph, Garage, a cloud provider's S3). The payload hash S3 checks on
 * upload is the blob's address itself, so the server refuses bytes changed on the way;
 * reads are re-hashed here like the filesystem store's.
 */
class S3BlobStore implements BlobStore {

	private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");

	private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private final URI endpoint;

	private final String bucket;

	private final String prefix;

	private final String region;

	private final String accessKey;

	private final String secretKey;

	/**
	 * Signatures must carry the real time (servers reject a skew of minutes), not the
	 * application's business clock that tests move.
	 */
	private final Clock signingClock = Clock.systemUTC();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	S3BlobStore(URI endpoint, String bucket, String prefix, String region, String accessKey, String secretKey) {
		String base = endpoint.toString();
		this.endpoint = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		this.bucket = bucket;
		this.prefix = prefix;
		this.region = region;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
	}

	/** Creates the bucket unless it exists. */
	void createBucketIfMissing() {
		HttpResponse<byte[]> head = send("HEAD", "", EMPTY_SHA256, HttpRequest.BodyPublishers.noBody());
		if (head.statusCode() == 200) {
			return;
		}
		HttpResponse<byte[]> created = send("PUT", "", EMPTY_SHA256, HttpRequest.BodyPublishers.noBody());
		if (created.statusCode() != 200 && created.statusCode() != 409) {
			throw new UncheckedIOException(new IOException("Cannot create bucket " + this.bucket + ": HTTP "
					+ created.statusCode() + " " + new String(created.body(), StandardCharsets.UTF_8)));
		}
	}

	@Override
	public String put(byte[] content) {
		String address = HexFormat.of().formatHex(sha256().digest(content));
		if (!exists(address)) {
			upload(address, HttpRequest.BodyPublishers.ofByteArray(content));
		}
		return address;
	}

	@Override
	public String put(InputStream content) {
		Path temporary = null;
		try (InputStream in = content) {
			temporary = Files.createTempFile("amtsweg-blob-", ".part");
			MessageDigest digest = sha256();
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
				in.transferTo(out);
			}
			String address = HexFormat.of().formatHex(digest.digest());
			if (!exists(address)) {
				upload(address, HttpRequest.BodyPublishers.ofFile(temporary));
			}
			return address;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store a blob", ex);
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException ex) {
					// a leftover temporary file does no harm
				}
			}
		}
	}

	@Override
	public byte[] get(String address) {
		HttpResponse<byte[]> response = send("GET", key(address), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody());
		if (response.statusCode() == 404) {
			throw new NotFoundException("Blob " + address);
		}
		check(response, "read blob " + address);
		byte[] content = response.body();
		if (!HexFormat.of().formatHex(sha256().digest(content)).equals(address)) {
			throw new CorruptBlobException(address);
		}
		return content;
	}

	@Override
	public boolean exists(String address) {
		HttpResponse<byte[]> response = send("HEAD", key(address), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody());
		if (response.statusCode() == 404) {
			return false;
		}
		check(response, "look up blob " + address);
		return true;
	}

	@Override
	public void delete(String address) {
		HttpResponse<byte[]> response = send("DELETE", key(address), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody());
		if (response.statusCode() != 404) {
			check(response, "delete blob " + address);
		}
	}

	/**
	 * Writes bytes under a blob's key as they are (tests use it to play a changed disk).
	 */
	void putRaw(String address, byte[] content) {
		String hash = HexFormat.of().formatHex(sha256().digest(content));
		check(send("PUT", key(address), hash, HttpRequest.BodyPublishers.ofByteArray(content)), "write raw");
	}

	private void upload(String address, HttpRequest.BodyPublisher body) {
		check(send("PUT", key(address), address, body), "store blob " + address);
	}

	private String key(String address) {
		if (!ADDRESS.matcher(address).matches()) {
			throw new NotFoundException("Blob " + address);
		}
		return this.prefix + address.substring(0, 2) + "/" + address.substring(2, 4) + "/" + address;
	}

	private static void check(HttpResponse<byte[]> response, String what) {
		if (response.statusCode() / 100 != 2) {
			String body = (response.body() != null) ? new String(response.body(), StandardCharsets.UTF_8) : "";
			throw new UncheckedIOException(
					new IOException("S3: could not " + what + ": HTTP " + response.statusCode() + " " + body));
		}
	}

	private HttpResponse<byte[]> send(String method, String key, String payloadHash, HttpRequest.BodyPublisher body) {
		String path = "/" + this.bucket + (key.isEmpty() ? "" : "/" + key);
		URI uri = URI.create(this.endpoint + path);
		String host = uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
		ZonedDateTime now = ZonedDateTime.now(this.signingClock).withZoneSameInstant(ZoneOffset.UTC);
		String amzDate = AMZ_DATE.format(now);
		String day = amzDate.substring(0, 8);
		String canonicalPath = uri.getRawPath();
		String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
		String canonicalRequest = method + "\n" + canonicalPath + "\n\n" + "host:" + host + "\n"
				+ "x-amz-content-sha256:" + payloadHash + "\n" + "x-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n"
				+ payloadHash;
		String scope = day + "/" + this.region + "/s3/aws4_request";
		String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
				+ HexFormat.of().formatHex(sha256().digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
		byte[] signingKey = hmac(("AWS4" + this.secretKey).getBytes(StandardCharsets.UTF_8), day);
		signingKey = hmac(signingKey, this.region);
		signingKey = hmac(signingKey, "s3");
		signingKey = hmac(signingKey, "aws4_request");
		String signature = HexFormat.of().formatHex(hmac(signingKey, stringToSign));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofMinutes(5))
			.header("x-amz-date", amzDate)
			.header("x-amz-content-sha256", payloadHash)
			.header("Authorization",
					"AWS4-HMAC-SHA256 Credential=" + this.accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
							+ ", Signature=" + signature)
			.method(method, body)
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("S3: " + method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while talking to S3", ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MessageDigest sha256() {
		return Sha256.digest();
	}

}
