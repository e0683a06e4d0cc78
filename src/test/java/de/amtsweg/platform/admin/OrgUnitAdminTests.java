package de.amtsweg.platform.admin;

import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Org units in the administration. */
class OrgUnitAdminTests extends AdminTestSupport {

	@Test
	void anAdminCreatesAndEditsAnOrgUnitOfTheirMunicipality() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		WebSession.Page list = admin.get("/intern/admin/organisationseinheiten");
		assertThat(list.mainText()).contains("Bürgerbüro");

		String create = "/intern/admin/organisationseinheiten/neu?gemeinde=" + municipality.slug();
		admin.get(create);
		WebSession.Page created = admin.submit(create,
				Map.of("name", "Standesamt", "key", "standesamt", "email", "standesamt@testort.example", "phone", ""));
		assertThat(created.location()).hasValueSatisfying((location) -> assertThat(location)
			.endsWith("/intern/admin/organisationseinheiten?gemeinde=" + municipality.slug()));
		assertThat(admin.get(created.location().orElseThrow()).mainText())
			.contains("Die Organisationseinheit Standesamt ist angelegt.", "standesamt@testort.example");
		UUID id = orgUnit(municipality, "standesamt");

		String edit = "/intern/admin/organisationseinheiten/" + id;
		Map<String, String> fields = fieldsOf(admin.get(edit), edit);
		assertThat(fields).containsEntry("name", "Standesamt").containsEntry("key", "standesamt");
		fields.put("name", "Standesamt und Friedhof");
		fields.put("phone", "05990 1-30");
		assertThat(admin.submit(edit, fields).status()).isEqualTo(302);
		OrgUnit changed = this.orgUnits.get(municipality.id(), id);
		assertThat(changed.name()).isEqualTo("Standesamt und Friedhof");
		assertThat(changed.phone()).isEqualTo("05990 1-30");
	}

	@Test
	void aSecondOrgUnitWithTheSameNameIsRefusedOnCreateAndEdit() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String create = "/intern/admin/organisationseinheiten/neu?gemeinde=" + municipality.slug();
		admin.get(create);
		WebSession.Page refused = admin.submit(create,
				Map.of("name", "Bürgerbüro", "key", "buergerservice", "email", "", "phone", ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(errorSummary(refused))
			.containsExactly("#name → Eine Organisationseinheit mit diesem Namen gibt es schon.");
		assertThat(refused.document().select("input#key").attr("value")).isEqualTo("buergerservice");

		WebSession.Page sameKey = admin.submit(create,
				Map.of("name", "Bürgerservice", "key", "buergerbuero", "email", "kein-postfach", "phone", ""));
		assertThat(errorSummary(sameKey))
			.containsExactly("#email → Geben Sie eine E-Mail-Adresse wie buergerbuero@musterstadt.de ein.");
		sameKey = admin.submit(create,
				Map.of("name", "Bürgerservice", "key", "buergerbuero", "email", "", "phone", ""));
		assertThat(errorSummary(sameKey))
			.containsExactly("#key → Eine Organisationseinheit mit diesem Kurznamen gibt es schon.");

		admin.get(create);
		admin.submit(create, Map.of("name", "Ordnungsamt", "key", "ordnungsamt", "email", "", "phone", ""));
		String edit = "/intern/admin/organisationseinheiten/" + orgUnit(municipality, "ordnungsamt");
		Map<String, String> fields = fieldsOf(admin.get(edit), edit);
		fields.put("name", "Bürgerbüro");
		WebSession.Page renamed = admin.submit(edit, fields);
		assertThat(renamed.status()).isEqualTo(400);
		assertThat(errorSummary(renamed))
			.containsExactly("#name → Eine Organisationseinheit mit diesem Namen gibt es schon.");
		assertThat(this.orgUnits.byKey(municipality.id(), "ordnungsamt").orElseThrow().name()).isEqualTo("Ordnungsamt");
	}

	@Test
	void aMunicipalityAdminCannotOpenAnotherMunicipalitysOrgUnit() {
		Municipality own = newMunicipality();
		WebSession admin = signedIn(newAdmin(own.id()));
		UUID foreign = orgUnit(musterstadt(), "buergerbuero");
		assertThat(admin.get("/intern/admin/organisationseinheiten/" + foreign).status()).isEqualTo(404);
		// The municipality in the address is ignored: an admin works in their own.
		WebSession.Page list = admin.get("/intern/admin/organisationseinheiten?gemeinde=musterstadt");
		assertThat(list.mainText()).contains(own.name()).doesNotContain("Stadt Musterstadt");
		assertThat(list.document().select("select#gemeinde")).isEmpty();
	}

	@Test
	void aPortalAdminPicksTheMunicipalityFirst() {
		WebSession operator = signedIn(PORTAL_ADMIN);
		WebSession.Page chooser = operator.get("/intern/admin/organisationseinheiten");
		assertThat(chooser.status()).isEqualTo(200);
		assertThat(chooser.document().select("select#gemeinde option")).extracting((option) -> option.attr("value"))
			.contains("musterstadt", "beispielheim");
		WebSession.Page list = operator.get("/intern/admin/organisationseinheiten?gemeinde=beispielheim");
		assertThat(list.mainText()).contains("Gemeinde Beispielheim", "Standesamt", "Kita-Verwaltung");
		assertThat(operator.get("/intern/admin/organisationseinheiten?gemeinde=gibt-es-nicht").status()).isEqualTo(404);
	}

}
