package de.amtsweg.forms.internal.expression;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Where an expression finds the values of the names it uses. */
public interface Scope {

	/**
	 * The typed value of a name: {@link java.math.BigDecimal}, {@link String},
	 * {@link Boolean}, {@link LocalDate}, a {@link List} (multiple choice, files, group
	 * entries), or null when not answered.
	 */
	@Nullable Object value(String name);

	/** The values of one field across all entries of a group. */
	List<@Nullable Object> column(String group, String field);

	LocalDate today();

}
