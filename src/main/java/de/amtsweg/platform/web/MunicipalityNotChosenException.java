package de.amtsweg.platform.web;

/** A page needs a municipality and the citizen has not chosen one yet. */
class MunicipalityNotChosenException extends RuntimeException {

	private final String returnPath;

	MunicipalityNotChosenException(String returnPath) {
		super("No municipality chosen");
		this.returnPath = returnPath;
	}

	String returnPath() {
		return this.returnPath;
	}

}
