package de.amtsweg.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import de.amtsweg.forms.internal.expression.ExpressionException;
import de.amtsweg.forms.internal.expression.ExpressionParser;
import de.amtsweg.forms.internal.expression.Scope;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionTests {

	private final Scope scope = new Scope() {

		private final Map<String, Object> values = Map.of("copies", new BigDecimal("3"), "born",
				LocalDate.of(1950, 1, 2), "died", LocalDate.of(2020, 5, 6), "kind", "sterbe", "dangerous", true,
				"languages", List.of("de", "en"));

		@Override
		public @Nullable Object value(String name) {
			return this.values.get(name);
		}

		@Override
		public List<@Nullable Object> column(String group, String field) {
			return List.of(new BigDecimal("2"), new BigDecimal("1"));
		}

		@Override
		public LocalDate today() {
			return LocalDate.of(2026, 11, 23);
		}

	};

	private @Nullable Object eval(String source) {
		return ExpressionParser.parse(source).evaluate(this.scope);
	}

	@Test
	void computesWithMoneyExactly() {
		assertThat(eval("copies * 12")).isEqualTo(new BigDecimal("36"));
		assertThat(eval("sum(dogs.count) * 12.50 + 1")).isEqualTo(new BigDecimal("38.50"));
		assertThat(eval("round(10 / 3, 2)")).isEqualTo(new BigDecimal("3.33"));
		assertThat(eval("-copies + 1")).isEqualTo(new BigDecimal("-2"));
		assertThat(eval("count(dogs.count)")).isEqualTo(new BigDecimal("2"));
	}

	@Test
	void comparesDatesNumbersAndTexts() {
		assertThat(eval("died > born")).isEqualTo(true);
		assertThat(eval("born > died")).isEqualTo(false);
		assertThat(eval("kind == 'sterbe' and copies >= 3")).isEqualTo(true);
		assertThat(eval("kind = 'geburt' or not dangerous")).isEqualTo(false);
		assertThat(eval("years(born, today()) >= 18")).isEqualTo(true);
		assertThat(eval("born < date'1960-01-01'")).isEqualTo(true);
		assertThat(eval("contains(languages, 'en') and empty(missing) and filled(kind)")).isEqualTo(true);
		assertThat(eval("if(dangerous, 600, 90)")).isEqualTo(new BigDecimal("600"));
	}

	@Test
	void unansweredValuesLeaveAComparisonOpen() {
		assertThat(eval("missing > born")).isNull();
		assertThat(eval("missing * 2")).isNull();
		assertThat(eval("missing == 'x'")).isEqualTo(false);
		assertThat(ExpressionParser.parse("missing > born").test(this.scope)).isFalse();
	}

	@Test
	void namesTheFieldsItReads() {
		assertThat(ExpressionParser.parse("sum(dogs.tax) + copies * feePerCopy").references())
			.containsExactly("dogs.tax", "copies", "feePerCopy");
	}

	@Test
	void refusesWhatItDoesNotKnowWithAPosition() {
		assertThatThrownBy(() -> ExpressionParser.parse("copies * ")).isInstanceOf(ExpressionException.class)
			.hasMessageContaining("endet zu früh");
		assertThatThrownBy(() -> ExpressionParser.parse("exec('rm')"))
			.hasMessageContaining("Unbekannte Funktion „exec“");
		assertThatThrownBy(() -> ExpressionParser.parse("copies; 1")).hasMessageContaining("Das Zeichen „;“");
		assertThatThrownBy(() -> ExpressionParser.parse("java.lang.System.exit"))
			.hasMessageContaining("kein gültiger Name");
		assertThatThrownBy(() -> ExpressionParser.parse("(".repeat(100) + "1" + ")".repeat(100)))
			.hasMessageContaining("zu tief verschachtelt");
		assertThatThrownBy(() -> ExpressionParser.parse("round(1)")).hasMessageContaining("braucht 2 Argument");
	}

}
