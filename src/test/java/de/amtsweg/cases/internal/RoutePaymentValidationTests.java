package de.amtsweg.cases.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of the route's service task "Zahlung anfordern", without the application.
 */
class RoutePaymentValidationTests {

	static final String EXAMPLE = RouteValidationTests.read("/routes/payment-route.bpmn");

	static final String CALL = "${caseRoute.requestPayment(execution, &apos;12,00&apos;, &apos;Verwaltungsgebühr&apos;, &apos;P14D&apos;)}";

	private static RouteValidator.RouteCheck check(String xml) {
		return RouteValidator.check(xml.getBytes(StandardCharsets.UTF_8), Set.of(UUID.randomUUID()));
	}

	private static String withCall(String call) {
		assertThat(EXAMPLE).contains(CALL);
		return EXAMPLE.replace(CALL, call.replace("'", "&apos;"));
	}

	@Test
	void theExampleWithAPaymentRequestIsAccepted() {
		assertThat(check(EXAMPLE).problems()).isEmpty();
		assertThat(check(EXAMPLE).valid()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${caseRoute.requestPayment(execution, '12.00', 'Gebühr', 'P2W')}",
			"${caseRoute.requestPayment(execution,'1.234,50','Gebühr für die Genehmigung','P1M')}",
			"${caseRoute.requestPayment(execution, 'fee', 'Gebühr laut Antrag', 'P14D')}" })
	void amountsVariablesAndPeriodsInTheirFormsAreAccepted(String call) {
		assertThat(check(withCall(call)).problems()).isEmpty();
	}

	@Test
	void aWrongAmountIsRefusedWithAGermanMessageNamingTheTask() {
		RouteValidator.RouteCheck check = check(
				withCall("${caseRoute.requestPayment(execution, '0,00', 'Gebühr', 'P14D')}"));

		assertThat(check.valid()).isFalse();
		assertThat(check.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.kind()).isEqualTo("requestPaymentAmount");
			assertThat(german(problem)).isEqualTo("Die Serviceaufgabe „requestFee“ (Zahlung anfordern) hat keinen "
					+ "gültigen Betrag: „0,00“. Geben Sie einen Betrag über 0 mit höchstens zwei Nachkommastellen an "
					+ "(zum Beispiel 12,00) oder den Namen einer Variablen (zum Beispiel fee).");
		});
		assertThat(kinds(withCall("${caseRoute.requestPayment(execution, '12,345', 'Gebühr', 'P14D')}")))
			.containsExactly("requestPaymentAmount");
		assertThat(kinds(withCall("${caseRoute.requestPayment(execution, 'execution', 'Gebühr', 'P14D')}")))
			.containsExactly("requestPaymentAmount");
	}

	@Test
	void aMissingPurposeOrAWrongPeriodIsRefused() {
		assertThat(kinds(withCall("${caseRoute.requestPayment(execution, '12,00', ' ', 'P14D')}")))
			.containsExactly("requestPaymentPurpose");
		assertThat(kinds(withCall("${caseRoute.requestPayment(execution, '12,00', 'Gebühr', '14 Tage')}")))
			.containsExactly("requestPaymentPeriod");
		assertThat(german(
				check(withCall("${caseRoute.requestPayment(execution, '12,00', 'Gebühr', 'PT5H')}")).problems().get(0)))
			.startsWith("Die Serviceaufgabe „requestFee“ (Zahlung anfordern) hat keine gültige Zahlungsfrist: „PT5H“.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${caseRoute.requestPayment(execution, '12,00', 'Gebühr')}",
			"${caseRoute.requestPayment(execution, '12,00', 'Gebühr', 'P14D', 'x')}",
			"${caseRoute.requestPayment(execution, amount, 'Gebühr', 'P14D')}",
			"${caseRoute.requestPayment(execution, '${fee}', 'Gebühr', 'P14D')}",
			"${caseRoute.requestPayment(execution, '12,00', 'Gebühr', 'P14D').class}" })
	void aPaymentCallOfAnyOtherShapeIsRefusedAndNamesTheTask(String call) {
		RouteValidator.RouteCheck check = check(withCall(call));

		assertThat(check.valid()).isFalse();
		assertThat(check.problems()).extracting(RouteProblem::kind).contains("requestPayment");
		assertThat(check.problems()).extracting(RoutePaymentValidationTests::german)
			.anySatisfy((text) -> assertThat(text)
				.startsWith("Die Serviceaufgabe „requestFee“ ruft requestPayment falsch auf"));
	}

	@Test
	void theArgumentsOfAPaymentCallAreReadForTheEngineAndTheDryRun() {
		RouteValidator.PaymentCall fixed = RouteValidator
			.paymentCall("${caseRoute.requestPayment(execution, '1.234,50', 'Gebühr', 'P1M')}")
			.orElseThrow();
		assertThat(fixed.fixedAmount()).contains(new BigDecimal("1234.50"));
		assertThat(fixed.amountVariable()).isEmpty();
		assertThat(fixed.duePeriod()).isEqualTo("P1M");

		RouteValidator.PaymentCall variable = RouteValidator
			.paymentCall("${caseRoute.requestPayment(execution, 'fee', 'Gebühr', 'P14D')}")
			.orElseThrow();
		assertThat(variable.amountVariable()).contains("fee");
		assertThat(RouteValidator.paymentCall("${caseRoute.createNotice(execution)}")).isEmpty();
	}

	private static java.util.List<String> kinds(String xml) {
		return check(xml).problems().stream().map(RouteProblem::kind).toList();
	}

	private static String german(RouteProblem problem) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/cases-route-payments", "i18n/cases-routes");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages.getMessage(problem.key(), problem.arguments(), java.util.Locale.GERMAN);
	}

}
