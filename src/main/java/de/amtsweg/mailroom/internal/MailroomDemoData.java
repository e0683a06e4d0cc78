package de.amtsweg.mailroom.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.amtsweg.accounts.StaffPrincipal;
import de.amtsweg.accounts.StaffRole;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Routing rules of the mail room for each demo municipality, as its admin would enter
 * them on {@code /intern/admin/posteingang-regeln}: letters that name a unit's business
 * go to that unit. Only for a municipality without rules, so a second start adds nothing
 * and an admin's own rules stay.
 */
@Component
@Order(DemoData.LATER_MODULES)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class MailroomDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MailroomDemoData.class);

	/** Org unit key and keywords, in the order the rules are tried. */
	static final List<Map.Entry<String, String>> RULES = List.of(
			Map.entry("steueramt", "Hundesteuer, Grundsteuer, Gewerbesteuer, Steuerbescheid, Kassenzeichen"),
			Map.entry("standesamt", "Geburtsurkunde, Sterbeurkunde, Eheschließung, Personenstand"),
			Map.entry("bauamt", "Bauantrag, Baugenehmigung, Bauvoranfrage"),
			Map.entry("kita-verwaltung", "Kita, Kindergarten, Betreuungsplatz, Elternbeitrag"),
			Map.entry("ordnungsamt", "Gewerbeanmeldung, Ordnungswidrigkeit, Anhörung, Veranstaltung"),
			Map.entry("buergerbuero", "Meldebescheinigung, Personalausweis, Reisepass, Ummeldung"));

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	private final MailRules rules;

	private final boolean enabled;

	MailroomDemoData(@Value("${amtsweg.demo-data.cases:true}") boolean enabled, Municipalities municipalities,
			OrgUnits orgUnits, MailRules rules) {
		this.enabled = enabled;
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
		this.rules = rules;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			// like the demo requests: rules of their own would route the tests' letters
			return;
		}
		SystemActor.run(() -> {
			for (String slug : List.of("musterstadt", "beispielheim")) {
				this.municipalities.bySlug(slug).ifPresent(this::seed);
			}
		});
	}

	/** Adds the rules if the municipality has none; returns how many it added. */
	int seed(Municipality municipality) {
		DemoAdmin admin = new DemoAdmin(municipality.id());
		if (!this.rules.rules(admin).isEmpty()) {
			return 0;
		}
		int position = 10;
		int added = 0;
		for (Map.Entry<String, String> rule : RULES) {
			Optional<OrgUnit> unit = this.orgUnits.byKey(municipality.id(), rule.getKey());
			if (unit.isPresent()) {
				this.rules.add(admin, String.valueOf(position), rule.getValue(), "", unit.get().id().toString());
				position += 10;
				added++;
			}
		}
		log.info("Demo mail room rules of {}: {}", municipality.slug(), added);
		return added;
	}

	/** The municipality's admin as the rule service expects a signed-in member. */
	record DemoAdmin(UUID municipalityId) implements StaffPrincipal {

		@Override
		public UUID staffId() {
			return new UUID(0, 0);
		}

		@Override
		public String displayName() {
			return "Demo";
		}

		@Override
		public Map<UUID, Set<StaffRole>> rolesByOrgUnit() {
			return Map.of(WHOLE_MUNICIPALITY, Set.of(StaffRole.ADMIN));
		}

	}

}
