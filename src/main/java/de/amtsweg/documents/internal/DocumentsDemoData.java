package de.amtsweg.documents.internal;

import java.util.Optional;

import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small file plan for Musterstadt, after the common municipal file plan's main groups.
 */
@Component
@Order(DemoData.LATER_MODULES)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class DocumentsDemoData implements ApplicationRunner {

	private static final String[][] PLAN = { { "0", "Allgemeine Verwaltung" }, { "0.1", "Organisation" },
			{ "0.2", "Personal" }, { "1", "Sicherheit und Ordnung" }, { "1.1", "Meldewesen, Pass- und Ausweiswesen" },
			{ "1.2", "Personenstandswesen" }, { "1.3", "Gewerbe" }, { "1.4", "Ordnungswidrigkeiten" },
			{ "2", "Finanzen" }, { "2.1", "Steuern und Abgaben" }, { "4", "Soziales und Jugend" },
			{ "4.1", "Kindertagesbetreuung" }, { "6", "Bauwesen" }, { "6.1", "Bauanträge" },
			{ "6.2", "Bauleitplanung" } };

	private final Municipalities municipalities;

	private final FilePlan plan;

	private final TransactionTemplate transactions;

	DocumentsDemoData(Municipalities municipalities, FilePlan plan, TransactionTemplate transactions) {
		this.municipalities = municipalities;
		this.plan = plan;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Municipality> musterstadt = this.municipalities.bySlug("musterstadt");
		if (musterstadt.isEmpty() || !this.plan.of(musterstadt.get().id()).isEmpty()) {
			return;
		}
		SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> {
			for (String[] subject : PLAN) {
				this.plan.add(musterstadt.get().id(), subject[0], subject[1]);
			}
		}));
	}

}
