package de.amtsweg.forms.internal.expression;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/** How the expression language compares and converts values. */
final class Values {

	private Values() {
	}

	static @Nullable BigDecimal number(@Nullable Object value) {
		if (value instanceof BigDecimal number) {
			return number;
		}
		if (value instanceof Boolean flag) {
			return flag ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		return null;
	}

	static boolean isEmpty(@Nullable Object value) {
		if (value == null) {
			return true;
		}
		if (value instanceof String text) {
			return text.isBlank();
		}
		if (value instanceof Collection<?> collection) {
			return collection.isEmpty();
		}
		return false;
	}

	static boolean same(@Nullable Object left, @Nullable Object right) {
		if (left == null || right == null) {
			return left == right;
		}
		if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
			return a.compareTo(b) == 0;
		}
		return left.equals(right);
	}

	/** Order of two numbers, dates or texts; null when they cannot be compared. */
	static @Nullable Integer compare(@Nullable Object left, @Nullable Object right) {
		if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
			return a.compareTo(b);
		}
		if (left instanceof LocalDate a && right instanceof LocalDate b) {
			return a.compareTo(b);
		}
		if (left instanceof String a && right instanceof String b) {
			return a.compareTo(b);
		}
		return null;
	}

}
