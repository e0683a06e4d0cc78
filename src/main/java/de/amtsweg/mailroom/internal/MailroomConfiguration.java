package de.amtsweg.mailroom.internal;

import java.time.Duration;

import de.amtsweg.platform.NavigationLink;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail room's OCR engine and its links on the hub pages. */
@Configuration(proxyBeanMethods = false)
class MailroomConfiguration {

	@Bean
	TextRecognition textRecognition(@Value("${amtsweg.mailroom.tesseract.command:tesseract}") String command,
			@Value("${amtsweg.mailroom.tesseract.language:deu}") String language,
			@Value("${amtsweg.mailroom.tesseract.timeout:PT2M}") Duration timeout) {
		return new TesseractRecognition(command, language, timeout);
	}

	@Bean
	NavigationLink mailroomLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "mailroom.link.title", "mailroom.link.description",
				"/intern/posteingang", 25, "ROLE_FRONT_DESK");
	}

	@Bean
	NavigationLink mailroomInboxLink() {
		return new NavigationLink(NavigationLink.Area.STAFF, "mailroom.inbox.link.title",
				"mailroom.inbox.link.description", "/intern/posteingang/eingang", 26, "ROLE_STAFF");
	}

	@Bean
	NavigationLink mailroomRulesLink() {
		return new NavigationLink(NavigationLink.Area.ADMIN, "mailroom.rules.link.title",
				"mailroom.rules.link.description", "/intern/admin/posteingang-regeln", 85, null);
	}

}
