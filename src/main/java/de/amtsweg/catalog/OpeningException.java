package de.amtsweg.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A day on which a location keeps other hours than its weekly plan.
 *
 * @param id identifier
 * @param day the day
 * @param opens opening time, null if closed all day
 * @param closes closing time, null if closed all day
 * @param note why, e.g. "Betriebsausflug"
 */
public record OpeningException(UUID id, LocalDate day, @Nullable LocalTime opens, @Nullable LocalTime closes,
		LocalizedText note) {

	public boolean closed() {
		return this.opens == null;
	}

}
