package de.amtsweg.platform.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.NotFoundException;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link BlobStore} promises, run against the filesystem store and the S3
 * store; the S3 store talks to a real S3 server (S3Proxy) in this JVM, over HTTP with
 * signed requests.
 */
class BlobStoreContractTests {

	abstract static class Contract {

		abstract BlobStore store();

		/** Changes the stored bytes behind the store's back, as a broken disk would. */
		abstract void tamper(String address, byte[] content);

		@Test
		void addressesContentBySha256AndStoresItOnce() throws Exception {
			byte[] content = ("Antrag auf Baugenehmigung " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
			String address = store().put(content);
			assertThat(address).isEqualTo(
					HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
			assertThat(store().put(new ByteArrayInputStream(content))).isEqualTo(address);
			assertThat(store().get(address)).isEqualTo(content);
			assertThat(store().exists(address)).isTrue();
		}

		@Test
		void streamsLargeContent() {
			byte[] content = new byte[3 * 1024 * 1024];
			new Random(42).nextBytes(content);
			String address = store().put(new ByteArrayInputStream(content));
			assertThat(store().get(address)).isEqualTo(content);
		}

		@Test
		void changedBytesAreDetectedOnRead() {
			String address = store().put(("Bescheid " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
			tamper(address, "Gefälschter Bescheid".getBytes(StandardCharsets.UTF_8));
			assertThatThrownBy(() -> store().get(address)).isInstanceOf(BlobStore.CorruptBlobException.class);
		}

		@Test
		void deletedAndUnknownBlobsAreNotFound() {
			String address = store().put(("Vermerk " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
			store().delete(address);
			assertThat(store().exists(address)).isFalse();
			assertThatThrownBy(() -> store().get(address)).isInstanceOf(NotFoundException.class);
			assertThatThrownBy(() -> store().get("../../etc/passwd")).isInstanceOf(NotFoundException.class);
			store().delete(address);
		}

	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class FileSystem extends Contract {

		@TempDir
		Path directory;

		@Override
		BlobStore store() {
			return BlobStores.fileSystem(this.directory);
		}

		@Override
		void tamper(String address, byte[] content) {
			try (Stream<Path> files = Files.walk(this.directory)) {
				Path file = files.filter((path) -> path.getFileName().toString().equals(address))
					.findFirst()
					.orElseThrow();
				Files.write(file, content);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	@Nested
	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	class S3 extends Contract {

		private S3Proxy proxy;

		private S3BlobStore store;

		@BeforeAll
		void startServer() throws Exception {
			BlobStoreContext context = ContextBuilder.newBuilder("transient")
				.credentials("identity", "credential")
				.build(BlobStoreContext.class);
			this.proxy = S3Proxy.builder()
				.blobStore(context.getBlobStore())
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V4, "amtsweg-test", "amtsweg-test-secret")
				.build();
			this.proxy.start();
			URI endpoint = URI.create("http://127.0.0.1:" + this.proxy.getPort());
			this.store = new S3BlobStore(endpoint, "amtsweg-blobs", "blobs/", "us-east-1", "amtsweg-test",
					"amtsweg-test-secret");
			this.store.createBucketIfMissing();
		}

		@AfterAll
		void stopServer() throws Exception {
			this.proxy.stop();
		}

		@Override
		BlobStore store() {
			return this.store;
		}

		@Override
		void tamper(String address, byte[] content) {
			this.store.putRaw(address, content);
		}

		@Test
		void wrongCredentialsAreRefused() {
			S3BlobStore intruder = new S3BlobStore(URI.create("http://127.0.0.1:" + this.proxy.getPort()),
					"amtsweg-blobs", "blobs/", "us-east-1", "amtsweg-test", "wrong-secret");
			assertThatThrownBy(() -> intruder.put(new byte[] { 1 })).isInstanceOf(UncheckedIOException.class);
		}

	}

}
