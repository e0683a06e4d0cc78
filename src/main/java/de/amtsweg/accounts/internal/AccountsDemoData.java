package de.amtsweg.accounts.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.amtsweg.accounts.StaffRole;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.SystemActor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo accounts: for each municipality an admin, one clerk per org unit and two citizens;
 * one portal operator for the district. All share {@link DemoData#PASSWORD}; the README
 * lists them.
 */
@Component
@Order(DemoData.ACCOUNTS)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class AccountsDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccountsDemoData.class);

	private final Municipalities municipalities;

	private final OrgUnits orgUnits;

	private final StaffAccountRepository staff;

	private final CitizenAccountRepository citizens;

	private final PasswordEncoder passwordEncoder;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditLog auditLog;

	AccountsDemoData(Municipalities municipalities, OrgUnits orgUnits, StaffAccountRepository staff,
			CitizenAccountRepository citizens, PasswordEncoder passwordEncoder, JdbcClient jdbc,
			TransactionTemplate transactions, AuditLog auditLog) {
		this.municipalities = municipalities;
		this.orgUnits = orgUnits;
		this.staff = staff;
		this.citizens = citizens;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.auditLog = auditLog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.staff.findByEmail("betrieb@musterkreis.example").isPresent()) {
			return;
		}
		String hash = this.passwordEncoder.encode(DemoData.PASSWORD);
		SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> create(hash)));
		log.info("Demo accounts created; every demo account has the password {}", DemoData.PASSWORD);
	}

	private void create(String hash) {
		UUID operator = this.staff.insert(null, "betrieb@musterkreis.example", "Petra", "Betrieb", hash);
		this.staff.grant(operator, StaffRole.PORTAL_ADMIN, null);
		for (Municipality municipality : this.municipalities.all()) {
			String domain = municipality.slug() + ".example";
			UUID admin = this.staff.insert(municipality.id(), "admin@" + domain, "Alex", "Admin", hash);
			this.staff.grant(admin, StaffRole.ADMIN, null);
			staff(municipality, domain, "buergerbuero", "Berta", "Bürger", hash, StaffRole.CLERK, StaffRole.FRONT_DESK);
			staff(municipality, domain, "standesamt", "Stefan", "Stand", hash, StaffRole.CLERK);
			staff(municipality, domain, "ordnungsamt", "Otto", "Ordnung", hash, StaffRole.CLERK,
					StaffRole.FIELD_OFFICER);
			staff(municipality, domain, "steueramt", "Sabine", "Steuer", hash, StaffRole.CLERK, StaffRole.FINANCE);
			staff(municipality, domain, "kita-verwaltung", "Katrin", "Kita", hash, StaffRole.CLERK);
			staff(municipality, domain, "bauamt", "Bernd", "Bau", hash, StaffRole.CLERK);
			staff(municipality, domain, "hauptamt", "Hanna", "Haupt", hash, StaffRole.COUNCIL_OFFICE,
					StaffRole.FINANCE);
		}
		citizen("erika.mustermann@example.org", "Erika", "Mustermann", LocalDate.of(1964, 8, 12), "Heidestraße 17",
				"31999", "Musterstadt", "musterstadt", hash);
		citizen("max.mustermann@example.org", "Max", "Mustermann", LocalDate.of(1990, 3, 1), "Heidestraße 17", "31999",
				"Musterstadt", "musterstadt", hash);
		citizen("anna.beispiel@example.org", "Anna", "Beispiel", LocalDate.of(1985, 11, 23), "Am Anger 3", "31998",
				"Beispielheim", "beispielheim", hash);
		citizen("paul.beispiel@example.org", "Paul", "Beispiel", LocalDate.of(1979, 5, 30), "Am Anger 3", "31998",
				"Beispielheim", "beispielheim", hash);
	}

	private void staff(Municipality municipality, String domain, String unitKey, String givenName, String familyName,
			String hash, StaffRole... roles) {
		@Nullable UUID unit = this.orgUnits.byKey(municipality.id(), unitKey).map((u) -> u.id()).orElse(null);
		UUID id = this.staff.insert(municipality.id(), unitKey + "@" + domain, givenName, familyName, hash);
		for (StaffRole role : roles) {
			this.staff.grant(id, role, unit);
		}
	}

	private void citizen(String email, String givenName, String familyName, LocalDate birthDate, String street,
			String postcode, String city, String municipalitySlug, String hash) {
		UUID id = this.citizens.insert(email, hash, givenName, familyName);
		this.jdbc.sql("""
				update citizen_account set email_confirmed_at = now(), date_of_birth = :birthDate, street = :street,
				       postcode = :postcode, city = :city,
				       home_municipality_id = (select id from municipality where slug = :slug)
				where id = :id""")
			.param("birthDate", birthDate)
			.param("street", street)
			.param("postcode", postcode)
			.param("city", city)
			.param("slug", municipalitySlug)
			.param("id", id)
			.update();
		this.auditLog.record("citizen-account.created", "citizen-account", id.toString(), null, "demo data");
	}

}
