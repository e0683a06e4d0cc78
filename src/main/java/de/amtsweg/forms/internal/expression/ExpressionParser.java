package de.amtsweg.forms.internal.expression;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the form language. Grammar, lowest precedence first:
 *
 * <pre>
 * or:      and ('or' and)*
 * and:     not ('and' not)*
 * not:     'not' not | compare
 * compare: sum (('==' | '=' | '!=' | '<' | '<=' | '>' | '>=') sum)?
 * sum:     product (('+' | '-') product)*
 * product: unary (('*' | '/') unary)*
 * unary:   '-' unary | primary
 * primary: number | 'text' | date'2024-01-31' | true | false | name ('.' name)?
 *          | function '(' arguments ')' | '(' or ')'
 * </pre>
 */
public final class ExpressionParser {

	static final int MAX_LENGTH = 1000;

	private static final int MAX_DEPTH = 40;

	private static final Map<String, Integer> ARITY = Map.ofEntries(Map.entry("count", 1), Map.entry("sum", 1),
			Map.entry("empty", 1), Map.entry("filled", 1), Map.entry("contains", 2), Map.entry("today", 0),
			Map.entry("years", 2), Map.entry("round", 2), Map.entry("min", 2), Map.entry("max", 2), Map.entry("if", 3));

	private final String source;

	private final List<Token> tokens;

	private int position;

	private int depth;

	private ExpressionParser(String source) {
		this.source = source;
		this.tokens = tokenize(source);
	}

	public static Expression parse(String source) {
		if (source.length() > MAX_LENGTH) {
			throw new ExpressionException("Der Ausdruck ist länger als " + MAX_LENGTH + " Zeichen.");
		}
		ExpressionParser parser = new ExpressionParser(source);
		Expression expression = parser.or();
		if (parser.peek().kind != Kind.END) {
			throw parser.problem("Unerwartetes „" + parser.peek().text + "“");
		}
		return expression;
	}

	private Expression or() {
		enter();
		Expression left = and();
		while (accept("or")) {
			left = new Expression.Binary("or", left, and());
		}
		leave();
		return left;
	}

	private Expression and() {
		Expression left = not();
		while (accept("and")) {
			left = new Expression.Binary("and", left, not());
		}
		return left;
	}

	private Expression not() {
		if (accept("not")) {
			enter();
			Expression operand = not();
			leave();
			return new Expression.Unary("not", operand);
		}
		return compare();
	}

	private Expression compare() {
		Expression left = sum();
		Token token = peek();
		if (token.kind == Kind.OPERATOR && List.of("==", "=", "!=", "<", "<=", ">", ">=").contains(token.text)) {
			this.position++;
			String operator = token.text.equals("=") ? "==" : token.text;
			return new Expression.Binary(operator, left, sum());
		}
		return left;
	}

	private Expression sum() {
		Expression left = product();
		while (peek().kind == Kind.OPERATOR && (peek().text.equals("+") || peek().text.equals("-"))) {
			String operator = next().text;
			left = new Expression.Binary(operator, left, product());
		}
		return left;
	}

	private Expression product() {
		Expression left = unary();
		while (peek().kind == Kind.OPERATOR && (peek().text.equals("*") || peek().text.equals("/"))) {
			String operator = next().text;
			left = new Expression.Binary(operator, left, unary());
		}
		return left;
	}

	private Expression unary() {
		if (peek().kind == Kind.OPERATOR && peek().text.equals("-")) {
			this.position++;
			enter();
			Expression operand = unary();
			leave();
			return new Expression.Unary("-", operand);
		}
		return primary();
	}

	private Expression primary() {
		Token token = next();
		switch (token.kind) {
			case NUMBER:
				return new Expression.Literal(new BigDecimal(token.text));
			case TEXT:
				return new Expression.Literal(token.text);
			case DATE:
				try {
					return new Expression.Literal(LocalDate.parse(token.text));
				}
				catch (DateTimeParseException ex) {
					throw problem("„" + token.text + "“ ist kein Datum der Form JJJJ-MM-TT");
				}
			case OPEN: {
				Expression inner = or();
				expect(Kind.CLOSE, "„)“ fehlt");
				return inner;
			}
			case WORD:
				return word(token);
			default:
				throw problem(
						(token.kind == Kind.END) ? "Der Ausdruck endet zu früh" : "Unerwartetes „" + token.text + "“");
		}
	}

	private Expression word(Token token) {
		String word = token.text;
		if (word.equals("true") || word.equals("false")) {
			return new Expression.Literal(Boolean.valueOf(word));
		}
		if (List.of("and", "or", "not").contains(word)) {
			throw problem("Unerwartetes „" + word + "“");
		}
		if (peek().kind == Kind.OPEN) {
			Integer arity = ARITY.get(word);
			if (arity == null) {
				throw problem("Unbekannte Funktion „" + word + "“; erlaubt sind "
						+ String.join(", ", ARITY.keySet().stream().sorted().toList()));
			}
			this.position++;
			List<Expression> arguments = new ArrayList<>();
			if (peek().kind != Kind.CLOSE) {
				do {
					arguments.add(or());
				}
				while (peek().kind == Kind.COMMA && next() != null);
			}
			expect(Kind.CLOSE, "„)“ fehlt nach den Argumenten von " + word);
			if (arguments.size() != arity) {
				throw problem("Die Funktion " + word + " braucht " + arity + " Argument(e), nicht " + arguments.size());
			}
			return new Expression.Call(word, arguments);
		}
		String[] parts = word.split("\\.", -1);
		if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
			throw problem("„" + word + "“ ist kein gültiger Name");
		}
		return new Expression.Name(parts[0], (parts.length == 2) ? parts[1] : null);
	}

	private boolean accept(String word) {
		if (peek().kind == Kind.WORD && peek().text.equals(word)) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(Kind kind, String message) {
		if (next().kind != kind) {
			throw problem(message);
		}
	}

	private Token peek() {
		return this.tokens.get(this.position);
	}

	private Token next() {
		Token token = this.tokens.get(this.position);
		if (token.kind != Kind.END) {
			this.position++;
		}
		return token;
	}

	private void enter() {
		if (++this.depth > MAX_DEPTH) {
			throw problem("Der Ausdruck ist zu tief verschachtelt");
		}
	}

	private void leave() {
		this.depth--;
	}

	private ExpressionException problem(String message) {
		int at = (this.position > 0) ? this.tokens.get(this.position - 1).offset : 0;
		return new ExpressionException(message + " (Zeichen " + (at + 1) + " in „" + this.source + "“).");
	}

	private static List<Token> tokenize(String source) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (Character.isDigit(c)) {
				int start = i;
				while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
					i++;
				}
				String number = source.substring(start, i);
				if (number.endsWith(".") || number.indexOf('.') != number.lastIndexOf('.')) {
					throw new ExpressionException("„" + number + "“ ist keine Zahl (Zeichen " + (start + 1) + ").");
				}
				tokens.add(new Token(Kind.NUMBER, number, start));
			}
			else if (c == '\'') {
				int end = source.indexOf('\'', i + 1);
				if (end < 0) {
					throw new ExpressionException(
							"Der Text ab Zeichen " + (i + 1) + " wird nicht mit ' beendet („" + source + "“).");
				}
				tokens.add(new Token(Kind.TEXT, source.substring(i + 1, end), i));
				i = end + 1;
			}
			else if (Character.isLetter(c) || c == '_') {
				int start = i;
				while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_'
						|| source.charAt(i) == '.')) {
					i++;
				}
				String word = source.substring(start, i);
				if (word.equals("date") && i < source.length() && source.charAt(i) == '\'') {
					int end = source.indexOf('\'', i + 1);
					if (end < 0) {
						throw new ExpressionException("Das Datum ab Zeichen " + (i + 1) + " wird nicht mit ' beendet.");
					}
					tokens.add(new Token(Kind.DATE, source.substring(i + 1, end), start));
					i = end + 1;
				}
				else {
					tokens.add(new Token(Kind.WORD, word, start));
				}
			}
			else if (c == '(') {
				tokens.add(new Token(Kind.OPEN, "(", i++));
			}
			else if (c == ')') {
				tokens.add(new Token(Kind.CLOSE, ")", i++));
			}
			else if (c == ',') {
				tokens.add(new Token(Kind.COMMA, ",", i++));
			}
			else {
				String two = (i + 1 < source.length()) ? source.substring(i, i + 2) : "";
				if (List.of("==", "!=", "<=", ">=").contains(two)) {
					tokens.add(new Token(Kind.OPERATOR, two, i));
					i += 2;
				}
				else if ("+-*/<>=".indexOf(c) >= 0) {
					tokens.add(new Token(Kind.OPERATOR, String.valueOf(c), i++));
				}
				else {
					throw new ExpressionException(
							"Das Zeichen „" + c + "“ ist nicht erlaubt (Zeichen " + (i + 1) + " in „" + source + "“).");
				}
			}
		}
		tokens.add(new Token(Kind.END, "", source.length()));
		return tokens;
	}

	private enum Kind {

		NUMBER, TEXT, DATE, WORD, OPERATOR, OPEN, CLOSE, COMMA, END

	}

	private record Token(Kind kind, String text, int offset) {
	}

}
