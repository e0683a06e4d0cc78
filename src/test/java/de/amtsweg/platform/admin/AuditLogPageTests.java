package de.amtsweg.platform.admin;

import java.util.UUID;

import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page and the verification endpoint. */
class AuditLogPageTests extends AdminTestSupport {

	@Test
	void anAdminSeesTheirMunicipalitysEntriesAndFindsThoseOfARecord() {
		Municipality municipality = newMunicipality();
		UUID unit = SystemActor.call(() -> this.orgUnits.create(municipality.id(), "bauamt", "Bauamt", "", ""));
		WebSession admin = signedIn(newAdmin(municipality.id()));

		WebSession.Page latest = admin.get("/intern/admin/protokoll");
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.mainText()).contains("org-unit.created", "municipality.created");

		WebSession.Page found = admin.get("/intern/admin/protokoll?typ=org-unit&id=" + unit);
		assertThat(found.document().select("tbody tr")).hasSize(1);
		assertThat(found.mainText()).contains("Gefundene Einträge: 1", "org-unit.created", "system");

		UUID foreignUnit = orgUnit(musterstadt(), "buergerbuero");
		WebSession.Page foreign = admin.get("/intern/admin/protokoll?typ=org-unit&id=" + foreignUnit);
		assertThat(foreign.mainText()).contains("Es gibt keine passenden Einträge.");
	}

	@Test
	void checkingTheChainReportsAnIntactLog() {
		WebSession admin = signedIn(MUSTERSTADT_ADMIN);
		admin.get("/intern/admin/protokoll");
		WebSession.Page checked = admin.submit("/intern/admin/protokoll/pruefen", java.util.Map.of());
		assertThat(checked.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/admin/protokoll"));
		WebSession.Page page = admin.get("/intern/admin/protokoll");
		assertThat(page.document().select("#pruefung h2").text()).isEqualTo("Das Protokoll ist unversehrt");
		assertThat(page.document().select("#pruefung p").text())
			.matches("Alle [0-9.]+ Einträge sind unverändert und lückenlos verkettet\\.");
		assertThat(this.auditLogEntries("audit-log.verified")).isPositive();
	}

	@Test
	void theVerificationEndpointReportsAnIntactChainToAdmins() {
		for (String who : new String[] { MUSTERSTADT_ADMIN, PORTAL_ADMIN }) {
			WebSession.Page answer = signedIn(who).getJson("/api/v1/audit/verification");
			assertThat(answer.status()).as(who).isEqualTo(200);
			assertThat(answer.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).contains("json"));
			assertThat(answer.body()).contains("\"intact\":true", "\"firstBrokenId\":null")
				.containsPattern("\"entriesChecked\":[1-9][0-9]*");
		}
	}

	@Test
	void aPortalAdminSeesEveryMunicipalitysEntries() {
		WebSession.Page page = signedIn(PORTAL_ADMIN).get("/intern/admin/protokoll");
		assertThat(page.document().select("thead th")).extracting((cell) -> cell.text()).contains("Gemeinde");
		assertThat(page.mainText()).contains("Sie sehen die Einträge aller Gemeinden.");
	}

	private long auditLogEntries(String action) {
		return SystemActor.call(() -> this.auditLog.latest(1000, null))
			.stream()
			.filter((entry) -> entry.action().equals(action))
			.count();
	}

}
