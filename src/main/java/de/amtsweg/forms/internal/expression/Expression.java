package de.amtsweg.forms.internal.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A parsed expression of the form language: numbers, 'texts', true/false, names of fields
 * and parameters ({@code copies}, {@code dogs.tax}), arithmetic, comparisons,
 * {@code and}/{@code or}/{@code not} and a fixed set of functions. No scripts, no access
 * to anything but the answers: evaluation cannot escape the {@link Scope}.
 */
public sealed interface Expression {

	@Nullable Object evaluate(Scope scope);

	/** The names it reads: {@code copies}, or {@code dogs.tax} for a group's column. */
	default Set<String> references() {
		Set<String> names = new LinkedHashSet<>();
		collect(this, names);
		return names;
	}

	/** Evaluates as a condition: only {@code true} counts as true. */
	default boolean test(Scope scope) {
		return Boolean.TRUE.equals(evaluate(scope));
	}

	private static void collect(Expression expression, Set<String> names) {
		if (expression instanceof Name name) {
			names.add((name.field() != null) ? name.name() + "." + name.field() : name.name());
		}
		else if (expression instanceof Unary unary) {
			collect(unary.operand(), names);
		}
		else if (expression instanceof Binary binary) {
			collect(binary.left(), names);
			collect(binary.right(), names);
		}
		else if (expression instanceof Call call) {
			call.arguments().forEach((argument) -> collect(argument, names));
		}
	}

	record Literal(@Nullable Object value) implements Expression {

		@Override
		public @Nullable Object evaluate(Scope scope) {
			return this.value;
		}

	}

	record Name(String name, @Nullable String field) implements Expression {

		@Override
		public @Nullable Object evaluate(Scope scope) {
			return (this.field != null) ? scope.column(this.name, this.field) : scope.value(this.name);
		}

	}

	record Unary(String operator, Expression operand) implements Expression {

		@Override
		public @Nullable Object evaluate(Scope scope) {
			Object value = this.operand.evaluate(scope);
			if (this.operator.equals("not")) {
				return (value == null) ? null : !Boolean.TRUE.equals(value);
			}
			BigDecimal number = Values.number(value);
			return (number != null) ? number.negate() : null;
		}

	}

	record Binary(String operator, Expression left, Expression right) implements Expression {

		@Override
		public @Nullable Object evaluate(Scope scope) {
			if (this.operator.equals("and")) {
				Object l = this.left.evaluate(scope);
				if (Boolean.FALSE.equals(l)) {
					return false;
				}
				Object r = this.right.evaluate(scope);
				if (Boolean.FALSE.equals(r)) {
					return false;
				}
				return (l == null || r == null) ? null : Boolean.TRUE.equals(l) && Boolean.TRUE.equals(r);
			}
			if (this.operator.equals("or")) {
				Object l = this.left.evaluate(scope);
				if (Boolean.TRUE.equals(l)) {
					return true;
				}
				Object r = this.right.evaluate(scope);
				if (Boolean.TRUE.equals(r)) {
					return true;
				}
				return (l == null || r == null) ? null : false;
			}
			Object l = this.left.evaluate(scope);
			Object r = this.right.evaluate(scope);
			return switch (this.operator) {
				case "==" -> Values.same(l, r);
				case "!=" -> !Values.same(l, r);
				case "<", "<=", ">", ">=" -> compare(l, r);
				default -> arithmetic(l, r);
			};
		}

		private @Nullable Boolean compare(@Nullable Object l, @Nullable Object r) {
			Integer order = Values.compare(l, r);
			if (order == null) {
				return null;
			}
			return switch (this.operator) {
				case "<" -> order < 0;
				case "<=" -> order <= 0;
				case ">" -> order > 0;
				default -> order >= 0;
			};
		}

		private @Nullable BigDecimal arithmetic(@Nullable Object l, @Nullable Object r) {
			BigDecimal a = Values.number(l);
			BigDecimal b = Values.number(r);
			if (a == null || b == null) {
				return null;
			}
			return switch (this.operator) {
				case "+" -> a.add(b);
				case "-" -> a.subtract(b);
				case "*" -> a.multiply(b);
				default -> (b.signum() == 0) ? null : a.divide(b, MathContext.DECIMAL64);
			};
		}

	}

	record Call(String function, List<Expression> arguments) implements Expression {

		static final Set<String> FUNCTIONS = Set.of("count", "sum", "empty", "filled", "contains", "today", "years",
				"round", "min", "max", "if");

		@Override
		public @Nullable Object evaluate(Scope scope) {
			return switch (this.function) {
				case "today" -> scope.today();
				case "count" -> count(arg(0, scope));
				case "sum" -> sum(arg(0, scope));
				case "empty" -> Values.isEmpty(arg(0, scope));
				case "filled" -> !Values.isEmpty(arg(0, scope));
				case "contains" -> contains(arg(0, scope), arg(1, scope));
				case "years" -> years(arg(0, scope), arg(1, scope));
				case "round" -> round(arg(0, scope), arg(1, scope));
				case "min", "max" -> extreme(arg(0, scope), arg(1, scope));
				default -> Boolean.TRUE.equals(arg(0, scope)) ? arg(1, scope) : arg(2, scope);
			};
		}

		private @Nullable Object arg(int index, Scope scope) {
			return this.arguments.get(index).evaluate(scope);
		}

		private static BigDecimal count(@Nullable Object value) {
			if (value instanceof Collection<?> collection) {
				return BigDecimal.valueOf(collection.stream().filter((item) -> !Values.isEmpty(item)).count());
			}
			return Values.isEmpty(value) ? BigDecimal.ZERO : BigDecimal.ONE;
		}

		private static @Nullable BigDecimal sum(@Nullable Object value) {
			if (value instanceof Collection<?> collection) {
				BigDecimal total = BigDecimal.ZERO;
				for (Object item : collection) {
					BigDecimal number = Values.number(item);
					if (number != null) {
						total = total.add(number);
					}
				}
				return total;
			}
			return Values.number(value);
		}

		private static boolean contains(@Nullable Object container, @Nullable Object item) {
			if (container instanceof Collection<?> collection) {
				return collection.stream().anyMatch((element) -> Values.same(element, item));
			}
			return Values.same(container, item);
		}

		private static @Nullable BigDecimal years(@Nullable Object from, @Nullable Object to) {
			if (from instanceof LocalDate start && to instanceof LocalDate end) {
				return BigDecimal.valueOf(Period.between(start, end).getYears());
			}
			return null;
		}

		private static @Nullable BigDecimal round(@Nullable Object value, @Nullable Object places) {
			BigDecimal number = Values.number(value);
			BigDecimal scale = Values.number(places);
			return (number == null || scale == null) ? null : number.setScale(scale.intValue(), RoundingMode.HALF_UP);
		}

		private @Nullable BigDecimal extreme(@Nullable Object l, @Nullable Object r) {
			BigDecimal a = Values.number(l);
			BigDecimal b = Values.number(r);
			if (a == null || b == null) {
				return Objects.requireNonNullElse(a, b);
			}
			return this.function.equals("min") ? a.min(b) : a.max(b);
		}

	}

}
