package de.amtsweg.accounts.web;

import org.jspecify.annotations.Nullable;

/**
 * Form records bind missing fields as null; the pages treat a missing field like an empty
 * one, so a hand-made request cannot cause a server error.
 */
final class FormText {

	private FormText() {
	}

	static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
