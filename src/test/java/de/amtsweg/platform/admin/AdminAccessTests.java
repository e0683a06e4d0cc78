package de.amtsweg.platform.admin;

import java.util.List;
import java.util.Map;

import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who reaches the internal area and its administration, and what the hubs offer. */
class AdminAccessTests extends AdminTestSupport {

	private static final List<String> ADMIN_PAGES = List.of("/intern/admin", "/intern/admin/gemeinden",
			"/intern/admin/gemeinden/neu", "/intern/admin/organisationseinheiten", "/intern/admin/personal",
			"/intern/admin/personal/neu", "/intern/admin/protokoll");

	@Test
	void aClerkCannotAdminister() {
		WebSession clerk = signedIn(CLERK);
		for (String page : ADMIN_PAGES) {
			assertThat(clerk.get(page).status()).as(page).isEqualTo(403);
		}
		assertThat(clerk.get("/intern/admin/gemeinden/" + musterstadt().id()).status()).isEqualTo(403);
		assertThat(clerk.getJson("/api/v1/audit/verification").status()).isEqualTo(403);

		Map<String, String> csrf = Map.of("_csrf",
				clerk.get("/intern").document().select("input[name=_csrf]").first().attr("value"));
		assertThat(clerk.post("/intern/admin/protokoll/pruefen", csrf).status()).isEqualTo(403);
		assertThat(clerk.post("/intern/admin/gemeinden/" + musterstadt().id(), csrf).status()).isEqualTo(403);
	}

	@Test
	void aCitizenCannotVerifyTheAuditLog() {
		WebSession citizen = newSession();
		citizen.get("/anmelden");
		citizen.submit("/anmelden", Map.of("email", "erika.mustermann@example.org", "passwort", "Amtsweg-Demo-2026"));
		assertThat(citizen.getJson("/api/v1/audit/verification").status()).isEqualTo(403);
		assertThat(citizen.get("/intern/admin").status()).isEqualTo(403);
	}

	@Test
	void anAnonymousVisitorIsSentToTheStaffSignIn() {
		WebSession visitor = newSession();
		for (String page : List.of("/intern", "/intern/admin", "/intern/admin/gemeinden", "/intern/admin/personal",
				"/intern/admin/protokoll")) {
			WebSession.Page answer = visitor.get(page);
			assertThat(answer.status()).as(page).isEqualTo(302);
			assertThat(answer.location()).as(page)
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/anmelden"));
		}
		assertThat(visitor.getJson("/api/v1/audit/verification").status()).isNotEqualTo(200);
	}

	@Test
	void theStaffStartPageGreetsTheClerkAndLeavesOutTheAdministration() {
		WebSession.Page home = signedIn(CLERK).get("/intern");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.document().select("h1").text()).isEqualTo("Guten Tag, Berta Bürger");
		assertThat(home.mainText()).contains("Sie arbeiten für Stadt Musterstadt.");
		assertThat(home.document().select("main a[href=/intern/admin]")).isEmpty();
	}

	@Test
	void theStaffStartPageLeadsAnAdminToTheAdministrationWhoseHubListsItsAreasInOrder() {
		WebSession admin = signedIn(MUSTERSTADT_ADMIN);
		WebSession.Page home = admin.get("/intern");
		assertThat(home.document().select("h1").text()).isEqualTo("Guten Tag, Alex Admin");
		assertThat(home.document().select("main a[href=/intern/admin]")).hasSize(1);

		WebSession.Page hub = admin.get("/intern/admin");
		assertThat(hub.status()).isEqualTo(200);
		assertThat(hub.document().select("main .card__title a")).extracting((link) -> link.attr("href"))
			.containsSubsequence("/intern/admin/gemeinden", "/intern/admin/organisationseinheiten",
					"/intern/admin/personal", "/intern/admin/protokoll");
	}

	@Test
	void aPortalAdminIsGreetedAsTheOperatorOfThePortal() {
		WebSession.Page home = signedIn(PORTAL_ADMIN).get("/intern");
		assertThat(home.document().select("h1").text()).isEqualTo("Guten Tag, Petra Betrieb");
		assertThat(home.mainText()).contains("Sie betreuen das Portal");
		assertThat(home.document().select("main a[href=/intern/admin]")).hasSize(1);
	}

	@Test
	void theStaffStartPageSpeaksEnglishOnRequest() {
		WebSession.Page home = signedIn(CLERK).get("/intern?sprache=en");
		assertThat(home.document().select("h1").text()).isEqualTo("Hello, Berta Bürger");
		assertThat(home.mainText()).contains("You work for Stadt Musterstadt.");
	}

}
