package de.amtsweg.platform.admin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;

import javax.imageio.ImageIO;

import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OpeningPeriod;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Municipalities in the administration: edit your own, portal admins create. */
class MunicipalityAdminTests extends AdminTestSupport {

	@Test
	void aMunicipalityAdminEditsTheirMunicipalityWithOpeningHours() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String action = "/intern/admin/gemeinden/" + municipality.id();

		WebSession.Page form = admin.get(action);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.title()).isEqualTo("Gemeinde bearbeiten: " + municipality.name());
		Map<String, String> fields = fieldsOf(form, action);
		assertThat(fields).containsEntry("ags", municipality.ags().value())
			.containsEntry("state", "NI")
			.containsEntry("hours[MONDAY-1-opens]", "");

		fields.put("phone", "05990 77-0");
		fields.put("hours[MONDAY-1-opens]", "8:00");
		fields.put("hours[MONDAY-1-closes]", "12:30");
		fields.put("hours[MONDAY-2-opens]", "14:00");
		fields.put("hours[MONDAY-2-closes]", "18:00");
		fields.put("hours[FRIDAY-1-opens]", "08:00");
		fields.put("hours[FRIDAY-1-closes]", "12:00");
		WebSession.Page saved = admin.submit(action, fields);
		assertThat(saved.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/admin/gemeinden"));
		assertThat(admin.get("/intern/admin/gemeinden").mainText())
			.contains("Die Änderungen an " + municipality.name() + " sind gespeichert.");

		Municipality changed = this.municipalities.get(municipality.id());
		assertThat(changed.contact().phone()).isEqualTo("05990 77-0");
		assertThat(changed.openingHours()).containsExactly(
				new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 30)),
				new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0)),
				new OpeningPeriod(DayOfWeek.FRIDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)));
		assertThat(fieldsOf(admin.get(action), action)).containsEntry("hours[MONDAY-1-opens]", "08:00");
	}

	@Test
	void anInvalidAgsIsExplainedNextToTheFieldAndInTheSummaryWithTheInputKept() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String action = "/intern/admin/gemeinden/" + municipality.id();
		Map<String, String> fields = fieldsOf(admin.get(action), action);
		fields.put("ags", "0349900");

		WebSession.Page page = admin.submit(action, fields);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).startsWith("Fehler: ");
		String message = "Der Gemeindeschlüssel besteht aus genau acht Ziffern, zum Beispiel 03499001.";
		assertThat(errorSummary(page)).containsExactly("#ags → " + message);
		assertThat(page.document().select("#ags-error").text()).isEqualTo("Fehler: " + message);
		assertThat(page.document().select("input#ags").attr("value")).isEqualTo("0349900");
		assertThat(page.document().select("input#ags").attr("aria-invalid")).isEqualTo("true");
		assertThat(this.municipalities.get(municipality.id()).ags()).isEqualTo(municipality.ags());
	}

	@Test
	void anAgsOfAnotherStateIsRefused() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String action = "/intern/admin/gemeinden/" + municipality.id();
		Map<String, String> fields = fieldsOf(admin.get(action), action);
		fields.put("ags", "09162000");

		WebSession.Page page = admin.submit(action, fields);
		assertThat(page.status()).isEqualTo(400);
		assertThat(errorSummary(page)).containsExactly("#ags → Gemeindeschlüssel in Niedersachsen beginnen mit 03.");
		assertThat(page.document().select("input#ags").attr("value")).isEqualTo("09162000");
	}

	@Test
	void badOpeningHoursNameTheDayAndPeriodAndAreKept() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String action = "/intern/admin/gemeinden/" + municipality.id();
		Map<String, String> fields = fieldsOf(admin.get(action), action);
		fields.put("hours[MONDAY-1-opens]", "8 Uhr");
		fields.put("hours[MONDAY-1-closes]", "12:00");
		fields.put("hours[TUESDAY-1-opens]", "14:00");
		fields.put("hours[TUESDAY-1-closes]", "12:00");
		fields.put("hours[WEDNESDAY-1-opens]", "08:00");
		fields.put("hours[WEDNESDAY-1-closes]", "12:00");
		fields.put("hours[WEDNESDAY-2-opens]", "11:00");
		fields.put("hours[WEDNESDAY-2-closes]", "15:00");
		fields.put("hours[THURSDAY-2-closes]", "16:00");
		fields.put("name", "");

		WebSession.Page page = admin.submit(action, fields);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.title()).isEqualTo("Fehler: Gemeinde bearbeiten: " + municipality.name());
		assertThat(errorSummary(page)).containsExactly("#name → Geben Sie den Namen der Gemeinde ein.",
				"#hours[MONDAY-1-opens] → Montag, 1. Zeitraum: Geben Sie die Öffnungszeit im Format HH:MM ein, zum Beispiel 08:00.",
				"#hours[TUESDAY-1-closes] → Dienstag, 1. Zeitraum: Die Schließzeit muss nach der Öffnungszeit liegen.",
				"#hours[WEDNESDAY-2-opens] → Mittwoch, 2. Zeitraum: Er muss nach dem Ende des vorigen Zeitraums beginnen.",
				"#hours[THURSDAY-2-opens] → Donnerstag, 2. Zeitraum: Geben Sie auch die Uhrzeit ein, zu der geöffnet wird.");
		assertThat(page.document().getElementById("hours[MONDAY-1-opens]").attr("value")).isEqualTo("8 Uhr");
		assertThat(page.document().getElementById("hours[TUESDAY-1-closes]").attr("value")).isEqualTo("12:00");
		assertThat(page.document().getElementById("hours[MONDAY-1-opens]").attr("aria-describedby"))
			.isEqualTo("hours-hint hours[MONDAY-1-opens]-error");
		assertThat(this.municipalities.get(municipality.id()).openingHours()).isEmpty();
	}

	@Test
	void aMunicipalityAdminCannotOpenAnotherMunicipality() {
		Municipality own = newMunicipality();
		WebSession admin = signedIn(newAdmin(own.id()));
		Municipality other = musterstadt();
		assertThat(admin.get("/intern/admin/gemeinden/" + other.id()).status()).isEqualTo(404);
		assertThat(admin.get("/intern/admin/gemeinden/" + other.id() + "/logo").status()).isEqualTo(404);
		assertThat(admin.get("/intern/admin/gemeinden/neu").status()).isEqualTo(403);

		WebSession.Page list = admin.get("/intern/admin/gemeinden");
		assertThat(list.mainText()).contains(own.name()).doesNotContain("Stadt Musterstadt");

		String action = "/intern/admin/gemeinden/" + own.id();
		Map<String, String> fields = fieldsOf(admin.get(action), action);
		assertThat(admin.post("/intern/admin/gemeinden/" + other.id(), fields).status()).isEqualTo(404);
		assertThat(this.municipalities.get(other.id()).name()).isEqualTo("Stadt Musterstadt");
	}

	@Test
	void aPortalAdminCreatesAMunicipalityInTheDistrict() {
		WebSession operator = signedIn(PORTAL_ADMIN);
		WebSession.Page list = operator.get("/intern/admin/gemeinden");
		assertThat(list.mainText()).contains("Stadt Musterstadt", "Gemeinde Beispielheim", "Landkreis Musterkreis");

		String action = "/intern/admin/gemeinden/neu";
		WebSession.Page form = operator.get(action);
		assertThat(form.title()).isEqualTo("Gemeinde anlegen");
		Map<String, String> fields = fieldsOf(form, action);
		fields.put("state", "NI");
		fields.put("districtId", String.valueOf(musterstadt().districtId()));
		String slug = "neudorf-" + System.nanoTime() % 100_000;
		String ags = "0349" + String.format("%04d", System.nanoTime() % 10_000);
		fields.putAll(Map.of("name", "Gemeinde Neudorf " + slug, "slug", slug, "ags", ags, "street", "Dorfstraße 2",
				"postcode", "31996", "city", "Neudorf", "postcodes", "31996, 31997", "hostNames", slug + ".localhost",
				"hours[SATURDAY-1-opens]", "09:00", "hours[SATURDAY-1-closes]", "12:00"));

		WebSession.Page created = operator.submit(action, fields);
		assertThat(created.location())
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/intern/admin/gemeinden"));
		assertThat(operator.get("/intern/admin/gemeinden").mainText())
			.contains("Die Gemeinde Gemeinde Neudorf " + slug + " ist angelegt.");
		Municipality neudorf = this.municipalities.bySlug(slug).orElseThrow();
		assertThat(neudorf.ags().value()).isEqualTo(ags);
		assertThat(neudorf.postcodes()).containsExactly("31996", "31997");
		assertThat(neudorf.hostNames()).containsExactly(slug + ".localhost");
		assertThat(neudorf.districtId()).isEqualTo(musterstadt().districtId());
		assertThat(neudorf.openingHours())
			.containsExactly(new OpeningPeriod(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
	}

	@Test
	void aPortalAdminCannotCreateASecondMunicipalityWithTheSameAgs() {
		WebSession operator = signedIn(PORTAL_ADMIN);
		String action = "/intern/admin/gemeinden/neu";
		Map<String, String> fields = fieldsOf(operator.get(action), action);
		fields.putAll(Map.of("name", "Doppelstadt", "slug", "doppelstadt", "ags", "03499001"));
		WebSession.Page page = operator.submit(action, fields);
		assertThat(page.status()).isEqualTo(400);
		assertThat(errorSummary(page))
			.containsExactly("#ags → Eine Gemeinde mit diesem Gemeindeschlüssel gibt es schon.");
	}

	@Test
	void aPortalAdminCreatesADistrict() {
		WebSession operator = signedIn(PORTAL_ADMIN);
		String action = "/intern/admin/landkreise/neu";
		String slug = "kreis-" + System.nanoTime() % 100_000;
		Map<String, String> fields = fieldsOf(operator.get(action), action);
		fields.putAll(Map.of("name", "Landkreis " + slug, "slug", slug, "state", "BY"));
		assertThat(operator.submit(action, fields).status()).isEqualTo(302);
		assertThat(this.municipalities.districts()).anyMatch((district) -> district.slug().equals(slug));

		WebSession.Page again = operator.submit(action, fieldsOf(operator.get(action), action));
		assertThat(again.status()).isEqualTo(400);
		assertThat(errorSummary(again)).containsExactly("#name → Geben Sie den Namen des Landkreises ein.",
				"#slug → Der Kurzname darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten, zum Beispiel musterkreis.",
				"#state → Wählen Sie das Bundesland.");
		assertThat(again.document().select("select#state option").first().text()).isEqualTo("Bitte wählen");
	}

	@Test
	void theLogoUploadTakesARealPngAndRefusesATextFileNamedPng() throws IOException {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String action = "/intern/admin/gemeinden/" + municipality.id() + "/logo";

		assertThat(admin.get(action).mainText()).contains("Es ist noch kein Logo hochgeladen.");
		WebSession.Page refused = upload(admin, action, "wappen.png", "image/png",
				"Das ist kein Bild.".getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.title()).startsWith("Fehler: ");
		assertThat(errorSummary(refused))
			.containsExactly("#logo → Das Logo muss eine PNG-, JPEG- oder SVG-Datei sein.");
		assertThat(this.municipalities.get(municipality.id()).hasLogo()).isFalse();

		byte[] png = png();
		WebSession.Page uploaded = upload(admin, action, "wappen.png", "image/png", png);
		assertThat(uploaded.location()).hasValueSatisfying((location) -> assertThat(location).endsWith(action));
		WebSession.Page page = admin.get(action);
		assertThat(page.mainText()).contains("Das neue Logo ist gespeichert.", "Aktuelles Logo");
		assertThat(this.municipalities.logo(municipality.id())).hasValueSatisfying((logo) -> {
			assertThat(logo.contentType()).isEqualTo("image/png");
			assertThat(logo.content()).isEqualTo(png);
		});
		WebSession.Page served = newSession().get("/gemeinde/" + municipality.slug() + "/logo");
		assertThat(served.header("Content-Type")).contains("image/png");

		admin.submit(action + "/entfernen", Map.of());
		assertThat(admin.get(action).mainText()).contains("Das Logo ist entfernt.");
		assertThat(this.municipalities.get(municipality.id()).hasLogo()).isFalse();
	}

	@Test
	void uploadingWithoutAFileAsksForOne() {
		Municipality municipality = newMunicipality();
		WebSession admin = signedIn(newAdmin(municipality.id()));
		String action = "/intern/admin/gemeinden/" + municipality.id() + "/logo";
		admin.get(action);
		WebSession.Page page = upload(admin, action, "", "application/octet-stream", new byte[0]);
		assertThat(page.status()).isEqualTo(400);
		assertThat(errorSummary(page)).containsExactly("#logo → Wählen Sie eine Bilddatei aus.");
	}

	/** Uploads the file as the logo form of the page read last does. */
	private static WebSession.Page upload(WebSession session, String action, String fileName, String contentType,
			byte[] content) {
		HttpResponse<byte[]> response = session.postMultipart(action, Map.of("_csrf", session.csrfToken()), "logo",
				fileName, contentType, content);
		return new WebSession.Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
				response.headers().firstValue("Location"), response.headers().map());
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		image.setRGB(3, 3, 0x1d70b8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
