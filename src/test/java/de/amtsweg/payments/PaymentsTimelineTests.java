package de.amtsweg.payments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The citizen's open claims are on the account's timeline with what is due when. */
class PaymentsTimelineTests extends IntegrationTest {

	private static final String MAX = "max.mustermann@example.org";

	@Autowired
	Claims claims;

	@Autowired
	Municipalities municipalities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOpenClaimIsOnTheTimelineWithItsOpenAmountAndDueDateAndLinksToTheFinances() {
		UUID max = this.jdbc.sql("select id from citizen_account where email = :e")
			.param("e", MAX)
			.query(UUID.class)
			.single();
		String purpose = "Hundesteuer " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate due = LocalDate.now(this.clock).plusDays(30);
		Claim claim = PaymentsTestSupport.claimOf(this.claims, PaymentsTestSupport.musterstadt(this.municipalities),
				max, purpose, "12.50", due);

		WebSession session = newSession();
		session.get("/anmelden");
		session.submit("/anmelden", Map.of("email", MAX, "passwort", DemoData.PASSWORD));
		WebSession.Page home = session.get("/konto");

		assertThat(home.status()).isEqualTo(200);
		Element entry = home.document()
			.select("main li")
			.stream()
			.filter((li) -> li.text().contains(purpose))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no entry for " + purpose + " in\n" + home.mainText()));
		assertThat(entry.text()).contains(claim.reference(), "offen", "12,50", "fällig am",
				due.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
		assertThat(entry.selectFirst("a").attr("href")).isEqualTo("/konto/finanzen");
	}

}
