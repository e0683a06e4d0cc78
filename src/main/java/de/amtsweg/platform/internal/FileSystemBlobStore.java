package de.amtsweg.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

import de.amtsweg.platform.BlobStore;
import de.amtsweg.platform.NotFoundException;
import de.amtsweg.platform.Sha256;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Blobs as files: {@code <directory>/ab/cd/abcd…} named by their SHA-256. A blob is
 * written to a temporary file first and moved into place, so a reader never sees half a
 * file, and two writers of the same content end with the same file.
 */
@Component
@ConditionalOnProperty(name = "amtsweg.blobs.store", havingValue = "filesystem", matchIfMissing = true)
class FileSystemBlobStore implements BlobStore {

	private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{64}");

	private final Path directory;

	FileSystemBlobStore(@Value("${amtsweg.blobs.directory}") Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.directory.resolve("tmp"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the blob directory " + this.directory, ex);
		}
	}

	@Override
	public String put(byte[] content) {
		return put(new java.io.ByteArrayInputStream(content));
	}

	@Override
	public String put(InputStream content) {
		Path temporary = null;
		try (InputStream in = content) {
			temporary = Files.createTempFile(this.directory.resolve("tmp"), "blob-", ".part");
			MessageDigest digest = sha256();
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
				in.transferTo(out);
			}
			String address = HexFormat.of().formatHex(digest.digest());
			Path target = path(address);
			Files.createDirectories(target.getParent());
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
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
		try {
			byte[] content = Files.readAllBytes(path(address));
			if (!HexFormat.of().formatHex(sha256().digest(content)).equals(address)) {
				throw new CorruptBlobException(address);
			}
			return content;
		}
		catch (NoSuchFileException ex) {
			throw new NotFoundException("Blob " + address);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read blob " + address, ex);
		}
	}

	@Override
	public boolean exists(String address) {
		return Files.exists(path(address));
	}

	@Override
	public void delete(String address) {
		try {
			Files.deleteIfExists(path(address));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete blob " + address, ex);
		}
	}

	private Path path(String address) {
		if (!ADDRESS.matcher(address).matches()) {
			throw new NotFoundException("Blob " + address);
		}
		return this.directory.resolve(address.substring(0, 2)).resolve(address.substring(2, 4)).resolve(address);
	}

	private static MessageDigest sha256() {
		return Sha256.digest();
	}

}
