package de.amtsweg.forms.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.forms.internal.definition.FormDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedVersionsTests {

	private final PublishedVersions versions = new PublishedVersions();

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void aPublishedVersionIsReadOnce() {
		UUID id = UUID.randomUUID();
		this.versions.get(id, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		Optional<FormVersion> again = this.versions.get(id, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		assertThat(again).hasValueSatisfying((version) -> assertThat(version.id()).isEqualTo(id));
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void aDraftIsReadEveryTime() {
		UUID id = UUID.randomUUID();
		this.versions.get(id, (versionId) -> read(versionId, FormVersion.DRAFT));
		Optional<FormVersion> published = this.versions.get(id, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		assertThat(published).hasValueSatisfying((version) -> assertThat(version.isPublished()).isTrue());
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void anUnknownVersionIsNotRemembered() {
		UUID id = UUID.randomUUID();
		assertThat(this.versions.get(id, (versionId) -> Optional.empty())).isEmpty();
		assertThat(this.versions.size()).isZero();
	}

	@Test
	void atMostTheCapacityIsHeldAndTheLeastRecentlyUsedGoesFirst() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		this.versions.get(first, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		this.versions.get(second, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		this.versions.get(first, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		for (int i = 0; i < PublishedVersions.CAPACITY - 1; i++) {
			this.versions.get(UUID.randomUUID(), (versionId) -> read(versionId, FormVersion.PUBLISHED));
		}
		assertThat(this.versions.size()).isEqualTo(PublishedVersions.CAPACITY);
		int before = this.reads.get();
		this.versions.get(first, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		assertThat(this.reads).hasValue(before);
		this.versions.get(second, (versionId) -> read(versionId, FormVersion.PUBLISHED));
		assertThat(this.reads).hasValue(before + 1);
	}

	private Optional<FormVersion> read(UUID id, String status) {
		this.reads.incrementAndGet();
		// the memory never looks into the definition, so none is read here
		return Optional.of(new FormVersion(id, UUID.randomUUID(), UUID.randomUUID(), "test", 1, status, "editor", "{}",
				DEFINITION, Instant.EPOCH, FormVersion.PUBLISHED.equals(status) ? Instant.EPOCH : null));
	}

	@SuppressWarnings("NullAway")
	private static final FormDefinition DEFINITION = null;

}
