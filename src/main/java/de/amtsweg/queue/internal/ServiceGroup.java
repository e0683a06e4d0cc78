package de.amtsweg.queue.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A concern visitors choose at the kiosk (e.g. "Ausweise und Pässe"), with the prefix of
 * its ticket numbers.
 *
 * @param id identifier
 * @param municipalityId the municipality
 * @param locationId the catalogue location
 * @param name German name
 * @param nameEn English name, empty if none
 * @param prefix one or two capital letters, e.g. {@code A}
 * @param serviceKeywords words that send an appointment's service to this group at
 * check-in
 * @param defaultServiceMinutes assumed service time until real ones are known
 * @param sortOrder position on the kiosk
 */
public record ServiceGroup(UUID id, UUID municipalityId, UUID locationId, String name, String nameEn, String prefix,
		List<String> serviceKeywords, int defaultServiceMinutes, int sortOrder) {

	public String name(Locale locale) {
		return ("en".equals(locale.getLanguage()) && !this.nameEn.isBlank()) ? this.nameEn : this.name;
	}

	/** Whether one of the appointment's service names contains one of the keywords. */
	boolean serves(List<String> serviceNames) {
		for (String service : serviceNames) {
			String lower = service.toLowerCase(Locale.GERMAN);
			for (String keyword : this.serviceKeywords) {
				if (!keyword.isBlank() && lower.contains(keyword.toLowerCase(Locale.GERMAN).trim())) {
					return true;
				}
			}
		}
		return false;
	}

}
