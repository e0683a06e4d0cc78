package de.amtsweg.forms;

import java.util.Locale;
import java.util.UUID;

import de.amtsweg.forms.internal.FormDefinitions;
import de.amtsweg.forms.internal.FormVersion;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormVersionTests extends IntegrationTest {

	@Autowired
	FormDefinitions definitions;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	static String uniqueKey() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aPublishedVersionIsNeverChangedAndANewVersionStartsFromIt() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		String key = uniqueKey();
		String json = FormDefinitionReaderTests.CERTIFICATE.replace("sterbeurkunde", key);
		FormVersion draft = SystemActor.call(() -> this.definitions.save(musterstadt, json, "editor", Locale.GERMAN));
		assertThat(draft.version()).isEqualTo(1);
		assertThat(draft.isPublished()).isFalse();

		FormVersion published = SystemActor.call(() -> this.definitions.publish(musterstadt, key));
		assertThat(published.isPublished()).isTrue();
		assertThat(this.definitions.published(musterstadt, key))
			.hasValueSatisfying((version) -> assertThat(version.id()).isEqualTo(draft.id()));

		assertThatThrownBy(() -> this.jdbc.sql("update form_version set title = 'changed' where id = :id")
			.param("id", published.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("can no longer be changed");
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from form_version where id = :id").param("id", published.id()).update())
			.isInstanceOf(DataAccessException.class);

		FormVersion next = SystemActor.call(() -> this.definitions.newDraft(musterstadt, key));
		assertThat(next.version()).isEqualTo(2);
		SystemActor.run(() -> this.definitions.saveEdited(musterstadt, key,
				json.replace("Sterbeurkunde beantragen", "Sterbeurkunde anfordern"), Locale.GERMAN));
		assertThat(this.definitions.version(published.id()).orElseThrow().definition().title().german())
			.isEqualTo("Sterbeurkunde beantragen");
		assertThat(this.definitions.draft(musterstadt, key).orElseThrow().definition().title().german())
			.isEqualTo("Sterbeurkunde anfordern");
	}

	@Test
	void aVersionReadWhileItWasADraftIsServedAsPublishedAfterPublishing() {
		UUID musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow().id();
		String key = uniqueKey();
		String json = FormDefinitionReaderTests.CERTIFICATE.replace("sterbeurkunde", key);
		FormVersion draft = SystemActor.call(() -> this.definitions.save(musterstadt, json, "editor", Locale.GERMAN));
		assertThat(this.definitions.version(draft.id()).orElseThrow().isPublished()).isFalse();
		SystemActor.run(() -> this.definitions.saveEdited(musterstadt, key,
				json.replace("Sterbeurkunde beantragen", "Sterbeurkunde anfordern"), Locale.GERMAN));
		assertThat(this.definitions.version(draft.id()).orElseThrow().definition().title().german())
			.isEqualTo("Sterbeurkunde anfordern");

		SystemActor.run(() -> this.definitions.publish(musterstadt, key));
		FormVersion published = this.definitions.version(draft.id()).orElseThrow();
		assertThat(published.isPublished()).isTrue();
		assertThat(published.publishedAt()).isNotNull();
		assertThat(published.definition().title().german()).isEqualTo("Sterbeurkunde anfordern");

		// the next version is a new row: the published one read from memory stays as it
		// was, and the new one is served fresh once published
		FormVersion next = SystemActor.call(() -> this.definitions.newDraft(musterstadt, key));
		SystemActor.run(() -> this.definitions.saveEdited(musterstadt, key,
				json.replace("Sterbeurkunde beantragen", "Sterbeurkunde bestellen"), Locale.GERMAN));
		assertThat(this.definitions.version(next.id()).orElseThrow().isPublished()).isFalse();
		SystemActor.run(() -> this.definitions.publish(musterstadt, key));
		assertThat(this.definitions.version(draft.id()).orElseThrow().definition().title().german())
			.isEqualTo("Sterbeurkunde anfordern");
		assertThat(this.definitions.version(next.id()).orElseThrow().isPublished()).isTrue();
		assertThat(this.definitions.version(next.id()).orElseThrow().definition().title().german())
			.isEqualTo("Sterbeurkunde bestellen");
		assertThat(this.definitions.published(musterstadt, key).orElseThrow().id()).isEqualTo(next.id());
	}

}
