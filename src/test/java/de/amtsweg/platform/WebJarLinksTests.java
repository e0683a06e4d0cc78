package de.amtsweg.platform;

import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebJarLinksTests extends IntegrationTest {

	@Test
	void aWebJarLinkGetsItsVersionAndServesTheFile() {
		WebSession session = newSession();
		Document page = session.open("/gemeinde/musterstadt").document();
		String htmx = page.select("script[src*=htmx]").attr("src");
		assertThat(htmx).matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
		assertThat(session.get(htmx).status()).isEqualTo(200);
	}

	@Test
	void otherLinksStayAsWritten() {
		WebSession session = newSession();
		Document page = session.open("/gemeinde/musterstadt").document();
		assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/amtsweg.css");
		assertThat(page.select("script[src*=amtsweg]").attr("src")).isEqualTo("/js/amtsweg.js");
		assertThat(session.get("/css/amtsweg.css").status()).isEqualTo(200);
	}

}
