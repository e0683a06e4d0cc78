package de.amtsweg.forms.internal.definition;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of fields a form can have, with their names in the JSON definition. */
public enum FieldType {

	TEXT("text"), LONG_TEXT("longText"), NUMBER("number"), MONEY("money"), DATE("date"), EMAIL("email"), PHONE("phone"),
	IBAN("iban"), POSTCODE("postcode"), ADDRESS("address"), YES_NO("yesNo"), CHOICE("choice"),
	MULTI_CHOICE("multiChoice"), FILE("file"), DECLARATION("declaration"), GROUP("group");

	private final String jsonName;

	FieldType(String jsonName) {
		this.jsonName = jsonName;
	}

	public String jsonName() {
		return this.jsonName;
	}

	public static Optional<FieldType> fromJson(String name) {
		return Arrays.stream(values()).filter((type) -> type.jsonName.equals(name)).findFirst();
	}

}
