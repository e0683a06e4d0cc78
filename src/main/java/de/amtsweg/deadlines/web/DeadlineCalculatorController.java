package de.amtsweg.deadlines.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.deadlines.DeadlinePeriod;
import de.amtsweg.deadlines.DeadlineResult;
import de.amtsweg.deadlines.Deadlines;
import de.amtsweg.deadlines.PeriodStart;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.MunicipalityContext;
import de.amtsweg.platform.State;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The public deadline calculator ({@code /fristenrechner}): state, day and period in, the
 * end of the deadline out, explained in words. A GET form: it changes nothing, so the
 * result can be bookmarked and works without JavaScript.
 */
@Controller
class DeadlineCalculatorController {

	private final Deadlines deadlines;

	private final MunicipalityContext municipalities;

	private final MessageSource messages;

	DeadlineCalculatorController(Deadlines deadlines, MunicipalityContext municipalities, MessageSource messages) {
		this.deadlines = deadlines;
		this.municipalities = municipalities;
		this.messages = messages;
	}

	@GetMapping("/fristenrechner")
	String calculator(@ModelAttribute("form") CalculatorForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model, java.util.Locale locale) {
		CalculatorForm shown = form;
		if (form.isEmpty()) {
			String state = this.municipalities.current(request).map(Municipality::state).map(State::name).orElse("");
			shown = new CalculatorForm(state, "", "", "D");
			model.addAttribute("form", shown);
		}
		else {
			try {
				model.addAttribute("result", calculate(form));
			}
			catch (InvalidInputException ex) {
				ex.addTo(binding);
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
		}
		Map<String, String> states = new LinkedHashMap<>();
		for (State state : State.values()) {
			states.put(state.name(), state.germanName());
		}
		Map<String, String> units = new LinkedHashMap<>();
		for (DeadlinePeriod.Unit unit : DeadlinePeriod.Unit.values()) {
			units.put(unit.name(), this.messages.getMessage("deadlines.calculator.unit." + unit.name(), null, locale));
		}
		model.addAttribute("states", states);
		model.addAttribute("units", units);
		return "deadlines/calculator";
	}

	private DeadlineResult calculate(CalculatorForm form) {
		InvalidInputException.Collector problems = new InvalidInputException.Collector();
		State state = DeadlineQuery.state(form.state(), "state", problems);
		LocalDate from = DeadlineQuery.date(form.from(), "from", problems);
		DeadlinePeriod period = null;
		if (!form.amount().strip().matches("\\d{1,5}") || Integer.parseInt(form.amount().strip()) < 1) {
			problems.add("amount", "deadlines.error.amount");
		}
		else if (!form.unit().matches("[DWMY]")) {
			problems.add("unit", "deadlines.error.unit");
		}
		else {
			period = DeadlineQuery.period("P" + Integer.parseInt(form.amount().strip()) + form.unit(), "amount",
					problems);
		}
		problems.throwIfAny();
		return DeadlinesApiController.compute(this.deadlines, Objects.requireNonNull(state),
				Objects.requireNonNull(from), Objects.requireNonNull(period), PeriodStart.AFTER_EVENT_DAY);
	}

	/**
	 * The calculator's questions.
	 *
	 * @param state two-letter state code
	 * @param from the event day
	 * @param amount how many units
	 * @param unit D, W, M or Y
	 */
	record CalculatorForm(String state, String from, String amount, String unit) {

		CalculatorForm {
			state = orEmpty(state);
			from = orEmpty(from);
			amount = orEmpty(amount);
			unit = orEmpty(unit);
		}

		boolean isEmpty() {
			return this.state.isBlank() && this.from.isBlank() && this.amount.isBlank();
		}

		private static String orEmpty(@Nullable String text) {
			return (text != null) ? text : "";
		}

	}

}
