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

	/** An S3-compatible store (path-style addresses, Signature Version 4). */
	public static BlobStore s3(java.net.URI endpoint, String bucket, String region, String accessKey,
			String secretKey) {
		S3BlobStore store = new S3BlobStore(endpoint, bucket, "blobs/", region, accessKey, secretKey);
		store.createBucketIfMissing();
		return store;
	}

}
