package de.amtsweg.forms.internal;

/** A submission was attempted while a page still has problems. */
public class IncompleteAnswersException extends RuntimeException {

	private final String pageId;

	public IncompleteAnswersException(String pageId) {
		super("Page " + pageId + " has problems");
		this.pageId = pageId;
	}

	public String pageId() {
		return this.pageId;
	}

}
