package de.amtsweg.forms.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Published form versions by id, read and parsed once. Every page of a draft and every
 * submission needs its version; reading it meant fetching and parsing the definition's
 * JSON each time. A published version never changes (the database refuses it), so an
 * entry can never go stale; drafts of the editor are never kept. Bounded: the least
 * recently used entry goes when {@link #CAPACITY} versions are held.
 */
final class PublishedVersions {

	static final int CAPACITY = 512;

	private final Map<UUID, FormVersion> versions = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, FormVersion> eldest) {
			return size() > CAPACITY;
		}

	};

	/** The version, from memory if it is published and was read before. */
	Optional<FormVersion> get(UUID versionId, Function<UUID, Optional<FormVersion>> read) {
		synchronized (this.versions) {
			FormVersion known = this.versions.get(versionId);
			if (known != null) {
				return Optional.of(known);
			}
		}
		// read outside the lock: two first readers may both parse, which is harmless
		Optional<FormVersion> version = read.apply(versionId);
		version.filter(FormVersion::isPublished).ifPresent((published) -> {
			synchronized (this.versions) {
				this.versions.put(versionId, published);
			}
		});
		return version;
	}

	int size() {
		synchronized (this.versions) {
			return this.versions.size();
		}
	}

}
