package de.amtsweg.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * A German state (Bundesland). It decides public holidays and some fees; its two digits
 * open every official municipality key (AGS) of its municipalities.
 */
public enum State {

	SH("01", "Schleswig-Holstein"), HH("02", "Hamburg"), NI("03", "Niedersachsen"), HB("04", "Bremen"),
	NW("05", "Nordrhein-Westfalen"), HE("06", "Hessen"), RP("07", "Rheinland-Pfalz"), BW("08", "Baden-Württemberg"),
	BY("09", "Bayern"), SL("10", "Saarland"), BE("11", "Berlin"), BB("12", "Brandenburg"),
	MV("13", "Mecklenburg-Vorpommern"), SN("14", "Sachsen"), ST("15", "Sachsen-Anhalt"), TH("16", "Thüringen");

	private final String agsPrefix;

	private final String germanName;

	State(String agsPrefix, String germanName) {
		this.agsPrefix = agsPrefix;
		this.germanName = germanName;
	}

	/** The first two digits of every AGS in this state. */
	public String agsPrefix() {
		return this.agsPrefix;
	}

	/** The state's official name; state names are not translated. */
	public String germanName() {
		return this.germanName;
	}

	public static Optional<State> fromCode(String code) {
		return Arrays.stream(values()).filter((state) -> state.name().equalsIgnoreCase(code)).findFirst();
	}

	public static Optional<State> fromAgsPrefix(String prefix) {
		return Arrays.stream(values()).filter((state) -> state.agsPrefix.equals(prefix)).findFirst();
	}

}
