package de.amtsweg.payments.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import de.amtsweg.platform.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import static de.amtsweg.payments.internal.Reconciliation.children;
import static de.amtsweg.payments.internal.Reconciliation.first;
import static de.amtsweg.payments.internal.Reconciliation.statusOf;
import static de.amtsweg.payments.internal.Reconciliation.textOf;

/**
 * Checks an imported camt.053 statement against the rules of the ISO 20022 schemas
 * camt.053.001.02 and camt.053.001.08 for everything the import reads: the versions, the
 * mandatory elements (group header, statement id, creation time, account, balance; per
 * entry amount, credit/debit indicator, status, bank transaction code), amounts as the
 * schema's decimal (at most 18 digits, 5 after the point, not negative) in EUR, and split
 * entries whose transactions add up to the entry. The schema files themselves are not
 * shipped (they are not on Maven Central), so the rules are written out here. Each
 * problem names the statement and the entry by number, so the finance office can tell the
 * bank.
 */
final class StatementCheck {

	static final Set<String> VERSIONS = Set.of("urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
			"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,5})?");

	private static final String FIELD = "datei";

	private StatementCheck() {
	}

	static List<FieldProblem> problems(Element document) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!VERSIONS.contains(document.getNamespaceURI())) {
			problems.add(new FieldProblem(FIELD, "payments.statement.version", document.getNamespaceURI()));
			return problems;
		}
		Element message = first(document, "BkToCstmrStmt");
		if (message == null) {
			problems.add(new FieldProblem(FIELD, "payments.statement.missing", "-", "BkToCstmrStmt"));
			return problems;
		}
		Element header = first(message, "GrpHdr");
		if (header == null || textOf(header, "MsgId").isEmpty() || textOf(header, "CreDtTm").isEmpty()) {
			problems.add(new FieldProblem(FIELD, "payments.statement.missing", "-", "GrpHdr/MsgId, GrpHdr/CreDtTm"));
		}
		List<Element> statements = children(message, "Stmt");
		if (statements.isEmpty()) {
			problems.add(new FieldProblem(FIELD, "payments.statement.missing", "-", "Stmt"));
		}
		int statementNumber = 0;
		for (Element statement : statements) {
			statementNumber++;
			String name = textOf(statement, "Id").isEmpty() ? String.valueOf(statementNumber) : textOf(statement, "Id");
			for (String required : List.of("Id", "CreDtTm", "Acct", "Bal")) {
				if (first(statement, required) == null) {
					problems.add(new FieldProblem(FIELD, "payments.statement.missing", name, required));
				}
			}
			int entryNumber = 0;
			for (Element entry : children(statement, "Ntry")) {
				entryNumber++;
				checkEntry(problems, name, entryNumber, entry);
			}
		}
		return problems;
	}

	private static void checkEntry(List<FieldProblem> problems, String statement, int number, Element entry) {
		BigDecimal amount = amount(first(entry, "Amt"));
		if (amount == null) {
			problems.add(new FieldProblem(FIELD, "payments.statement.amount", statement, number));
		}
		if (!Set.of("CRDT", "DBIT").contains(textOf(entry, "CdtDbtInd"))) {
			problems.add(new FieldProblem(FIELD, "payments.statement.indicator", statement, number));
		}
		if (statusOf(entry).isEmpty()) {
			problems.add(new FieldProblem(FIELD, "payments.statement.status", statement, number));
		}
		if (first(entry, "BkTxCd") == null) {
			problems.add(new FieldProblem(FIELD, "payments.statement.transactionCode", statement, number));
		}
		List<Element> transactions = new ArrayList<>();
		for (Element details : children(entry, "NtryDtls")) {
			transactions.addAll(children(details, "TxDtls"));
		}
		if (transactions.size() < 2) {
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (Element transaction : transactions) {
			BigDecimal part = transactionAmount(transaction);
			if (part == null) {
				problems.add(new FieldProblem(FIELD, "payments.statement.splitAmount", statement, number));
				return;
			}
			sum = sum.add(part);
		}
		if (amount != null && sum.compareTo(amount) != 0) {
			problems.add(new FieldProblem(FIELD, "payments.statement.splitSum", statement, number));
		}
	}

	private static @Nullable BigDecimal transactionAmount(Element transaction) {
		Element details = first(transaction, "AmtDtls");
		if (details != null) {
			for (String kind : List.of("TxAmt", "InstdAmt")) {
				Element amount = first(details, kind);
				if (amount != null) {
					return amount(first(amount, "Amt"));
				}
			}
		}
		return amount(first(transaction, "Amt"));
	}

	/** The amount if it is one the schema allows and in EUR, else null. */
	private static @Nullable BigDecimal amount(@Nullable Element amount) {
		if (amount == null || !"EUR".equals(amount.getAttribute("Ccy"))) {
			return null;
		}
		String text = amount.getTextContent().trim();
		if (!DECIMAL.matcher(text).matches() || text.replace(".", "").length() > 18) {
			return null;
		}
		return new BigDecimal(text);
	}

}
