package de.amtsweg.payments.web;

import java.util.Locale;

import de.amtsweg.payments.internal.PaymentDocuments;
import de.amtsweg.payments.internal.PaymentProvider.State;
import de.amtsweg.payments.internal.PaymentsProperties;
import de.amtsweg.payments.internal.SandboxProvider;
import de.amtsweg.payments.internal.SandboxProvider.SandboxTransaction;
import de.amtsweg.platform.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox payment platform's own page: pick a method and an outcome. Stands for the
 * page of a real platform, so it knows nothing of claims or accounts.
 */
@Controller
class SandboxController {

	private final SandboxProvider sandbox;

	private final PaymentsProperties properties;

	SandboxController(SandboxProvider sandbox, PaymentsProperties properties) {
		this.sandbox = sandbox;
		this.properties = properties;
	}

	@GetMapping("/sandbox-zahlung/{id}")
	String page(@PathVariable String id, Locale locale, Model model) {
		SandboxTransaction transaction = open(id);
		model.addAttribute("transaction", transaction);
		model.addAttribute("amount", PaymentDocuments.money(transaction.amount(), locale));
		return "payments/sandbox";
	}

	@PostMapping("/sandbox-zahlung/{id}")
	String finish(@PathVariable String id, @RequestParam(name = "methode", defaultValue = "card") String method,
			@RequestParam(name = "ergebnis", defaultValue = "CANCELLED") String outcome,
			@RequestParam(name = "spaet", defaultValue = "false") boolean late) {
		open(id);
		State state = switch (outcome) {
			case "PAID" -> State.PAID;
			case "FAILED" -> State.FAILED;
			default -> State.CANCELLED;
		};
		return "redirect:" + this.sandbox.finish(id, state, method, late);
	}

	private SandboxTransaction open(String id) {
		if (!this.properties.sandbox().enabled()) {
			throw new NotFoundException("Sandbox");
		}
		return this.sandbox.find(id)
			.filter((transaction) -> transaction.state() == State.INITIAL)
			.orElseThrow(() -> new NotFoundException("Sandbox transaction " + id));
	}

}
