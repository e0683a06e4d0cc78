package de.amtsweg.platform.internal;

import java.net.URI;

import de.amtsweg.platform.BlobStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The S3-compatible blob store, when {@code amtsweg.blobs.store=s3}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "amtsweg.blobs.store", havingValue = "s3")
class BlobStoreConfiguration {

	@Bean
	BlobStore s3BlobStore(@Value("${amtsweg.blobs.s3.endpoint}") URI endpoint,
			@Value("${amtsweg.blobs.s3.bucket}") String bucket,
			@Value("${amtsweg.blobs.s3.prefix:blobs/}") String prefix,
			@Value("${amtsweg.blobs.s3.region:us-east-1}") String region,
			@Value("${amtsweg.blobs.s3.access-key}") String accessKey,
			@Value("${amtsweg.blobs.s3.secret-key}") String secretKey,
			@Value("${amtsweg.blobs.s3.create-bucket:false}") boolean createBucket) {
		S3BlobStore store = new S3BlobStore(endpoint, bucket, prefix, region, accessKey, secretKey);
		if (createBucket) {
			store.createBucketIfMissing();
		}
		return store;
	}

}
