package de.amtsweg.forms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo forms for every demo municipality, published under the keys the service catalogue
 * links to ({@code /antrag/<key>}). Definitions live in {@code forms/demo/<key>.json}. A
 * form that already exists is left alone.
 */
@Component
@Order(DemoData.FORMS)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class FormsDemoData implements ApplicationRunner {

	static final List<String> KEYS = List.of("geburtsurkunde", "meldebescheinigung", "briefwahl",
			"hundesteuer-anmeldung", "bewohnerparkausweis", "gewerbeanmeldung", "veranstaltung-anzeige",
			"kita-anmeldung", "wohnberechtigungsschein", "wohngeld", "bauantrag", "urkundenanforderung",
			"hundesteuer-abmeldung", "gewerbeummeldung", "gewerbeabmeldung", "versammlung-anzeige", "kontakt");

	private static final Logger log = LoggerFactory.getLogger(FormsDemoData.class);

	private final FormDefinitions definitions;

	private final Municipalities municipalities;

	private final TransactionTemplate transactions;

	FormsDemoData(FormDefinitions definitions, Municipalities municipalities, TransactionTemplate transactions) {
		this.definitions = definitions;
		this.municipalities = municipalities;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		SystemActor.run(() -> {
			int created = 0;
			for (String slug : List.of("musterstadt", "beispielheim")) {
				Municipality municipality = this.municipalities.bySlug(slug).orElse(null);
				if (municipality == null) {
					continue;
				}
				for (String key : KEYS) {
					if (this.definitions.exists(municipality.id(), key)) {
						continue;
					}
					String json = definition(key);
					this.transactions.executeWithoutResult((status) -> {
						this.definitions.save(municipality.id(), json, "demo", Locale.GERMAN);
						this.definitions.publish(municipality.id(), key);
					});
					created++;
				}
			}
			if (created > 0) {
				log.info("Demo forms created: {}", created);
			}
		});
	}

	static String definition(String key) {
		try (InputStream in = FormsDemoData.class.getResourceAsStream("/forms/demo/" + key + ".json")) {
			if (in == null) {
				throw new IllegalStateException("Missing demo form " + key);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
