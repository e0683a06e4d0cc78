package de.amtsweg.mailroom.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A routing rule: an item whose subject or text contains one of the keywords (comma
 * separated, any of them) and whose sender contains the sender pattern goes to the org
 * unit; an empty part matches everything, never both empty. Case is ignored. Plain
 * substrings, no regular expressions, so no rule can make the worker slow.
 *
 * @param id the rule
 * @param municipalityId its municipality
 * @param position its rank, lower first
 * @param keywords keywords, comma separated
 * @param senderPattern a part of the sender's name
 * @param orgUnitId where matching items go
 */
public record MailRule(UUID id, UUID municipalityId, int position, String keywords, String senderPattern,
		UUID orgUnitId) {

	/** Whether the item matches. */
	public boolean matches(@Nullable String subject, @Nullable String text, @Nullable String sender) {
		List<String> words = keywordList();
		if (!words.isEmpty()) {
			String haystack = ((subject != null) ? subject : "") + "\n" + ((text != null) ? text : "");
			String lower = haystack.toLowerCase(Locale.GERMAN);
			if (words.stream().noneMatch(lower::contains)) {
				return false;
			}
		}
		if (!this.senderPattern.isBlank()) {
			return sender != null && sender.toLowerCase(Locale.GERMAN)
				.contains(this.senderPattern.strip().toLowerCase(Locale.GERMAN));
		}
		return true;
	}

	public List<String> keywordList() {
		return Arrays.stream(this.keywords.split(","))
			.map((word) -> word.strip().toLowerCase(Locale.GERMAN))
			.filter((word) -> !word.isEmpty())
			.toList();
	}

}
