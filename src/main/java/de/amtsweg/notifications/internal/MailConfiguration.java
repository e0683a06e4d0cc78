package de.amtsweg.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import de.amtsweg.notifications.Email;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	/**
	 * A separate engine for plain-text mail templates, with the same message bundles as
	 * pages.
	 */
	@Bean
	ITemplateEngine mailTemplateEngine(MessageSource messageSource) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messageSource);
		return engine;
	}

	@Bean
	MailTransport mailTransport(MailProperties properties) {
		if (!properties.smtpConfigured()) {
			log.warn("No SMTP server configured (AMTSWEG_MAIL_HOST): e-mails are written to the log");
			return (mail) -> log.info("E-mail to {}\nSubject: {}\n\n{}{}", mail.to(), mail.subject(), mail.text(),
					mail.attachments().isEmpty() ? ""
							: "\n\nAttachments: " + mail.attachments()
								.stream()
								.map((attachment) -> attachment.fileName() + " (" + attachment.contentType() + ")")
								.toList());
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(properties.host());
		sender.setPort(properties.port());
		sender.setUsername(properties.username());
		sender.setPassword(properties.password());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties javaMail = sender.getJavaMailProperties();
		javaMail.put("mail.smtp.starttls.enable", Boolean.toString(properties.starttls()));
		javaMail.put("mail.smtp.starttls.required", Boolean.toString(properties.starttls()));
		javaMail.put("mail.smtp.connectiontimeout", "10000");
		javaMail.put("mail.smtp.timeout", "10000");
		javaMail.put("mail.smtp.writetimeout", "10000");
		if (properties.username() != null && !properties.username().isBlank()) {
			javaMail.put("mail.smtp.auth", "true");
		}
		return (mail) -> {
			try {
				MimeMessage message = sender.createMimeMessage();
				// "mixed" keeps the text part at the top level, where mail clients (and
				// the
				// tests) look for it first.
				MimeMessageHelper helper = mail.attachments().isEmpty()
						? new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name()) : new MimeMessageHelper(
								message, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
				helper.setFrom(properties.from());
				helper.setTo(mail.to());
				helper.setSubject(mail.subject());
				helper.setText(mail.text(), false);
				for (Email.Attachment attachment : mail.attachments()) {
					helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
							attachment.contentType());
				}
				sender.send(message);
			}
			catch (MessagingException ex) {
				throw new MailSendException("Could not build the mail to " + mail.to(), ex);
			}
		};
	}

}
