package de.amtsweg.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import de.amtsweg.platform.District;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityDetails;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.State;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.WebSession;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers of the catalogue's tests: sign-in, fresh municipalities, test files. */
final class CatalogFixtures {

	static final List<String> ORG_UNITS = List.of("buergerbuero", "standesamt", "ordnungsamt", "steueramt",
			"kita-verwaltung", "bauamt", "hauptamt");

	private CatalogFixtures() {
	}

	/** A staff session signed in with the demo password. */
	static WebSession staff(WebSession session, String email) {
		return session.signInAsStaff(email);
	}

	/**
	 * A new municipality of its own (random AGS in Lower Saxony) in the district, with
	 * the demo org units, so tests do not change the demo municipalities.
	 */
	static Municipality municipality(Municipalities municipalities, OrgUnits orgUnits, UUID districtId) {
		return SystemActor.call(() -> {
			String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
			UUID id = municipalities.create(new MunicipalityDetails("testort-" + suffix, "Testort " + suffix,
					"03" + suffix, "NI", districtId, new Municipality.Address("Am Test 1", "39999", "Testort"),
					new Municipality.Contact("", "", ""), List.of(), List.of(), List.of()));
			for (String key : ORG_UNITS) {
				orgUnits.create(id, key, key.substring(0, 1).toUpperCase() + key.substring(1), "", "");
			}
			return municipalities.get(id);
		});
	}

	/** A new, empty district. */
	static UUID district(Municipalities municipalities) {
		String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
		return SystemActor
			.call(() -> municipalities.createDistrict("testkreis-" + suffix, "Testkreis " + suffix, State.NI));
	}

	/**
	 * Removes the municipalities and districts made by {@link #municipality} and
	 * {@link #district}, with everything of theirs, so that tests that follow find the
	 * portal as the demo data made it (one district, two municipalities).
	 */
	static void removeTestMunicipalitiesAndDistricts(JdbcClient jdbc) {
		jdbc.sql("delete from municipality where slug like 'testort-%'").update();
		jdbc.sql("delete from district where slug like 'testkreis-%'").update();
	}

	static District musterkreis(Municipalities municipalities) {
		return municipalities.districts()
			.stream()
			.filter((district) -> district.slug().equals("musterkreis"))
			.findFirst()
			.orElseThrow();
	}

	static byte[] resource(String name) {
		try (InputStream in = CatalogFixtures.class.getResourceAsStream("/catalog/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
