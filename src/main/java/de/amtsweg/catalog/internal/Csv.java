package de.amtsweg.catalog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma- or semicolon-separated values as RFC 4180 describes them (quotes around fields
 * that hold the separator, quotes or line breaks; doubled quotes inside). The separator
 * is whichever of the two the header line uses more, so files saved by German
 * spreadsheets (semicolon) and LeiKa exports (comma) both read.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * The records of the text; the first is the header. A leading byte order mark is
	 * skipped.
	 */
	public static List<List<String>> parse(String text) {
		String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
		char separator = separator(content);
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == separator) {
				record.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
					i++;
				}
				if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
					record.add(field.toString());
					records.add(record);
				}
				record = new ArrayList<>();
				field.setLength(0);
				fieldStarted = false;
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
		}
		if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

	/** One line of the file, fields quoted where needed, ended by CRLF. */
	public static String line(List<String> fields, char separator) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				line.append(separator);
			}
			String value = fields.get(i);
			if (value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
					|| value.indexOf('\r') >= 0) {
				line.append('"').append(value.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(value);
			}
		}
		return line.append("\r\n").toString();
	}

	private static char separator(String content) {
		int end = content.indexOf('\n');
		String header = (end < 0) ? content : content.substring(0, end);
		long commas = header.chars().filter((c) -> c == ',').count();
		long semicolons = header.chars().filter((c) -> c == ';').count();
		return (semicolons > commas) ? ';' : ',';
	}

}
