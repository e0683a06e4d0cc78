package de.amtsweg.payments.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import de.amtsweg.payments.internal.OnlinePayments;
import de.amtsweg.payments.internal.OnlinePayments.NotificationResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment providers post the outcome of a payment. Public and without CSRF token
 * (providers send no cookies); each notification proves itself by its signature, and one
 * with a wrong signature is refused with 401 and recorded.
 */
@RestController
class NotificationApiController {

	private final OnlinePayments payments;

	NotificationApiController(OnlinePayments payments) {
		this.payments = payments;
	}

	@PostMapping("/api/v1/payments/notifications/{provider}")
	ResponseEntity<?> notification(@PathVariable String provider, @RequestBody(required = false) byte[] body,
			HttpServletRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
		}
		NotificationResult result = this.payments.notification(provider, (body != null) ? body : new byte[0], headers);
		return switch (result) {
			case ACCEPTED -> ResponseEntity.noContent().build();
			case BAD_SIGNATURE -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "The signature does not fit."));
			case UNKNOWN_PROVIDER -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such payment provider."));
		};
	}

}
