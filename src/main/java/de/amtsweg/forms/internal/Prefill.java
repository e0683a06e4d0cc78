package de.amtsweg.forms.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.amtsweg.forms.ApplicantProfile;
import de.amtsweg.forms.internal.definition.FormDefinition;
import de.amtsweg.forms.internal.definition.FormDefinition.Field;

/** Fills the fields a form marks with {@code prefill} from the citizen's account. */
final class Prefill {

	/** "Heidestraße 17a" → street "Heidestraße", house number "17a". */
	private static final Pattern STREET_AND_NUMBER = Pattern
		.compile("(.+?)\\s+(\\d+\\s*[a-zA-Z]?(?:\\s*[-/]\\s*\\d+\\s*[a-zA-Z]?)?)");

	private Prefill() {
	}

	static void apply(FormDefinition definition, ApplicantProfile profile, Answers answers) {
		for (Field field : definition.fields()) {
			if (field.prefill() == null || answers.has(field.id())) {
				continue;
			}
			Object value = switch (field.prefill()) {
				case "givenName" -> profile.givenName();
				case "familyName" -> profile.familyName();
				case "fullName" -> (profile.givenName() + " " + profile.familyName()).trim();
				case "email" -> profile.email();
				case "phone" -> profile.phone();
				case "dateOfBirth" -> (profile.dateOfBirth() != null)
						? new LinkedHashMap<>(InputFormats.dateParts(profile.dateOfBirth())) : null;
				case "address" -> address(profile);
				default -> null;
			};
			if (value instanceof String text && text.isBlank()) {
				continue;
			}
			answers.put(field.id(), value);
		}
	}

	private static Map<String, String> address(ApplicantProfile profile) {
		Map<String, String> parts = new LinkedHashMap<>();
		Matcher matcher = STREET_AND_NUMBER.matcher(profile.street().trim());
		if (matcher.matches()) {
			parts.put("street", matcher.group(1));
			parts.put("houseNumber", matcher.group(2));
		}
		else {
			parts.put("street", profile.street().trim());
			parts.put("houseNumber", "");
		}
		parts.put("postcode", profile.postcode());
		parts.put("city", profile.city());
		return parts;
	}

}
