package de.amtsweg.platform.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityDetails;
import de.amtsweg.platform.OpeningPeriod;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.State;
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
 * Demo data: the district "Landkreis Musterkreis" in Lower Saxony with Musterstadt and
 * Beispielheim and their org units. Runs once; a second start finds the data and does
 * nothing.
 */
@Component
@Order(DemoData.PLATFORM)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class PlatformDemoData implements ApplicationRunner {

	static final List<String[]> ORG_UNITS = List.of(new String[] { "buergerbuero", "Bürgerbüro" },
			new String[] { "standesamt", "Standesamt" }, new String[] { "ordnungsamt", "Ordnungsamt" },
			new String[] { "steueramt", "Steueramt" }, new String[] { "kita-verwaltung", "Kita-Verwaltung" },
			new String[] { "bauamt", "Bauamt" }, new String[] { "hauptamt", "Hauptamt" });

	private static final Logger log = LoggerFactory.getLogger(PlatformDemoData.class);

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	private final TransactionTemplate transactions;

	PlatformDemoData(Municipalities municipalities, OrgUnits orgUnits, TransactionTemplate transactions) {
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.municipalities.bySlug("musterstadt").isPresent()) {
			return;
		}
		SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> create()));
		log.info("Demo data created: Landkreis Musterkreis with Musterstadt and Beispielheim");
	}

	private void create() {
		UUID district = this.municipalities.createDistrict("musterkreis", "Landkreis Musterkreis", State.NI);
		UUID musterstadt = this.municipalities.create(new MunicipalityDetails("musterstadt", "Stadt Musterstadt",
				"03499001", "NI", district, new Municipality.Address("Marktplatz 1", "31999", "Musterstadt"),
				new Municipality.Contact("05999 123-0", "rathaus@musterstadt.example",
						"https://www.musterstadt.example"),
				List.of("musterstadt.localhost"), List.of("31999", "31997"), townHallHours(true)));
		UUID beispielheim = this.municipalities.create(new MunicipalityDetails("beispielheim", "Gemeinde Beispielheim",
				"03499002", "NI", district, new Municipality.Address("Lindenstraße 4", "31998", "Beispielheim"),
				new Municipality.Contact("05998 40-0", "gemeinde@beispielheim.example",
						"https://www.beispielheim.example"),
				List.of("beispielheim.localhost"), List.of("31998", "31997"), townHallHours(false)));
		for (UUID municipality : List.of(musterstadt, beispielheim)) {
			for (String[] unit : ORG_UNITS) {
				this.orgUnits.create(municipality, unit[0], unit[1], "", "");
			}
		}
	}

	private static List<OpeningPeriod> townHallHours(boolean withSaturday) {
		List<OpeningPeriod> periods = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			periods.add(new OpeningPeriod(day, LocalTime.of(8, 0), LocalTime.of(12, 30)));
		}
		periods.add(new OpeningPeriod(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(18, 0)));
		periods.add(new OpeningPeriod(DayOfWeek.THURSDAY, LocalTime.of(14, 0), LocalTime.of(16, 0)));
		if (withSaturday) {
			periods.add(new OpeningPeriod(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
		}
		return periods;
	}

}
