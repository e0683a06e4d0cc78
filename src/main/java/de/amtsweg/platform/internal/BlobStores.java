package de.amtsweg.platform.internal;

import java.nio.file.Path;

import de.amtsweg.platform.BlobStore;

/** Ways to get a blob store outside the application, e.g. in tools and tests. */
public final class BlobStores {

	private BlobStores() {
	}

	public static BlobStore fileSystem(Path directory) {
		return new FileSystemBlobStore(directory);
	}

}
