package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import de.amtsweg.payments.ClaimOrigin;
import de.amtsweg.payments.Claims;
import de.amtsweg.payments.Debtor;
import de.amtsweg.payments.NewClaim;
import de.amtsweg.platform.AuditLog;
import de.amtsweg.platform.Municipality;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports claims from the finance system, as CSV (semicolon, header
 * {@code schluessel;name;email;zweck;betrag;faellig}) or as JSON (an array of objects
 * with {@code key, name, email, purpose, amount, dueDates}). Due dates are one date or
 * several separated by {@code |} (the amount is split evenly over them), as
 * {@code 15.02.2027} or {@code 2027-02-15}. Every row is checked first; if any row has a
 * problem, nothing is imported and the report lists every problem by row. A key imported
 * before is skipped.
 */
@Service
public class ClaimImport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Claims claims;

	private final ClaimRepository repository;

	private final AuditLog auditLog;

	ClaimImport(Claims claims, ClaimRepository repository, AuditLog auditLog) {
		this.claims = claims;
		this.repository = repository;
		this.auditLog = auditLog;
	}

	/**
	 * Checks and imports the file.
	 * @param fileName decides the format: {@code .json} or else CSV
	 */
	@Transactional
	public Report importFile(Municipality municipality, String fileName, byte[] content) {
		List<Row> rows;
		List<Problem> problems = new ArrayList<>();
		try {
			rows = fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? json(content) : csv(content);
		}
		catch (RuntimeException ex) {
			return new Report(0, 0, List.of(new Problem(0, "payments.import.unreadable")));
		}
		if (rows.isEmpty()) {
			return new Report(0, 0, List.of(new Problem(0, "payments.import.empty")));
		}
		List<NewClaim> claims = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (Row row : rows) {
			int before = problems.size();
			if (row.key().isBlank()) {
				problems.add(new Problem(row.number(), "payments.import.key"));
			}
			else if (!keys.add(row.key())) {
				problems.add(new Problem(row.number(), "payments.import.keyTwice"));
			}
			if (row.name().isBlank()) {
				problems.add(new Problem(row.number(), "payments.import.name"));
			}
			if (!row.email().isBlank() && !EMAIL.matcher(row.email()).matches()) {
				problems.add(new Problem(row.number(), "payments.import.email"));
			}
			if (row.purpose().isBlank()) {
				problems.add(new Problem(row.number(), "payments.import.purpose"));
			}
			Optional<BigDecimal> amount = amount(row.amount());
			if (amount.isEmpty()) {
				problems.add(new Problem(row.number(), "payments.import.amount"));
			}
			List<LocalDate> dates = dates(row.dueDates());
			if (dates.isEmpty()) {
				problems.add(new Problem(row.number(), "payments.import.dueDates"));
			}
			if (problems.size() == before) {
				claims.add(new NewClaim(municipality.id(), Debtor.guest(row.name(), row.email()), row.purpose(),
						amount.get(), NewClaim.evenly(amount.get(), dates), null, ClaimOrigin.IMPORT,
						municipality.id() + ":" + row.key(), null));
			}
		}
		if (!problems.isEmpty()) {
			return new Report(rows.size(), 0, problems);
		}
		int created = 0;
		for (NewClaim claim : claims) {
			if (this.repository.idByOrigin(ClaimOrigin.IMPORT, claim.originReference()).isEmpty()) {
				this.claims.create(claim);
				created++;
			}
		}
		this.auditLog.record("payment-claims.imported", "municipality", municipality.id().toString(), municipality.id(),
				fileName + ": " + created + " of " + rows.size());
		return new Report(rows.size(), created, List.of());
	}

	private static List<Row> csv(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
		String[] lines = text.split("\r?\n");
		List<Row> rows = new ArrayList<>();
		if (lines.length == 0 || !lines[0].trim().toLowerCase(Locale.ROOT).startsWith("schluessel;")) {
			throw new IllegalArgumentException("header");
		}
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			String[] cells = lines[i].split(";", -1);
			rows.add(new Row(i + 1, cell(cells, 0), cell(cells, 1), cell(cells, 2), cell(cells, 3), cell(cells, 4),
					cell(cells, 5)));
		}
		return rows;
	}

	private static String cell(String[] cells, int index) {
		return (index < cells.length) ? cells[index].trim() : "";
	}

	private static List<Row> json(byte[] content) {
		JsonNode array = JSON.readTree(content);
		if (!array.isArray()) {
			throw new IllegalArgumentException("not an array");
		}
		List<Row> rows = new ArrayList<>();
		int number = 0;
		for (JsonNode node : array) {
			number++;
			rows.add(new Row(number, node.path("key").asString(""), node.path("name").asString(""),
					node.path("email").asString(""), node.path("purpose").asString(""),
					node.path("amount").isNumber() ? node.path("amount").decimalValue().toPlainString()
							: node.path("amount").asString(""),
					node.path("dueDates").isArray()
							? String.join("|",
									node.path("dueDates").valueStream().map((date) -> date.asString("")).toList())
							: node.path("dueDates").asString("")));
		}
		return rows;
	}

	private static Optional<BigDecimal> amount(String text) {
		try {
			BigDecimal amount = new BigDecimal(text.replace(',', '.'));
			return Claims.isAmount(amount) ? Optional.of(amount.setScale(2)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static List<LocalDate> dates(String text) {
		List<LocalDate> dates = new ArrayList<>();
		for (String part : text.split("\\|")) {
			String date = part.trim();
			try {
				dates.add(date.contains(".") ? LocalDate.parse(date, GERMAN_DATE) : LocalDate.parse(date));
			}
			catch (DateTimeParseException ex) {
				return List.of();
			}
		}
		return (dates.stream().distinct().count() == dates.size()) ? dates.stream().sorted().toList() : List.of();
	}

	private record Row(int number, String key, String name, String email, String purpose, String amount,
			String dueDates) {
	}

	/**
	 * @param row the row (line in CSV, position in JSON), 0 for the whole file
	 * @param messageKey what is wrong
	 */
	public record Problem(int row, String messageKey) {
	}

	/**
	 * @param rows rows read
	 * @param created claims created (0 when there were problems)
	 * @param problems every problem found
	 */
	public record Report(int rows, int created, List<Problem> problems) {
	}

}
