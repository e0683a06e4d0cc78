package de.amtsweg.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import de.amtsweg.platform.internal.BlobStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemBlobStoreTests {

	@TempDir
	Path directory;

	@Test
	void storesByHashAndReadsBack() {
		BlobStore store = BlobStores.fileSystem(this.directory);
		byte[] content = "Antrag auf Hundesteuer".getBytes(StandardCharsets.UTF_8);
		String address = store.put(content);
		assertThat(address).hasSize(64).matches("[0-9a-f]+");
		assertThat(address).isEqualTo(sha256(content));
		assertThat(store.put(new ByteArrayInputStream(content))).isEqualTo(address);
		assertThat(store.get(address)).isEqualTo(content);
		assertThat(store.exists(address)).isTrue();
	}

	@Test
	void aChangedFileIsDetectedOnRead() throws IOException {
		BlobStore store = BlobStores.fileSystem(this.directory);
		String address = store.put("Original".getBytes(StandardCharsets.UTF_8));
		try (Stream<Path> files = Files.walk(this.directory)) {
			Path file = files.filter((path) -> path.getFileName().toString().equals(address)).findFirst().orElseThrow();
			Files.writeString(file, "Verändert");
		}
		assertThatThrownBy(() -> store.get(address)).isInstanceOf(BlobStore.CorruptBlobException.class);
	}

	@Test
	void deletedAndUnknownBlobsAreNotFound() {
		BlobStore store = BlobStores.fileSystem(this.directory);
		String address = store.put(new byte[] { 1, 2, 3 });
		store.delete(address);
		assertThat(store.exists(address)).isFalse();
		assertThatThrownBy(() -> store.get(address)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(NotFoundException.class);
		store.delete(address);
	}

	private static String sha256(byte[] content) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
