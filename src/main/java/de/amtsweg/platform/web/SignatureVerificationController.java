package de.amtsweg.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import de.amtsweg.platform.PdfSigner;
import de.amtsweg.platform.SignatureCheck;
import de.amtsweg.platform.internal.SignatureCheckLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public check of signed documents: anyone uploads a notice, receipt or certificate
 * and learns whether its signature is valid, whether the document changed since it was
 * signed, and which municipality of this portal issued it and when. Also as JSON for
 * other systems.
 */
@Controller
class SignatureVerificationController {

	private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")
		.withZone(ZoneId.of("Europe/Berlin"));

	private final PdfSigner signer;

	private final SignatureCheckLimit limit;

	private final MessageSource messages;

	SignatureVerificationController(PdfSigner signer, SignatureCheckLimit limit, MessageSource messages) {
		this.signer = signer;
		this.limit = limit;
		this.messages = messages;
	}

	/**
	 * The page's form.
	 *
	 * @param datei the uploaded document
	 */
	record CheckForm(@Nullable MultipartFile datei) {
	}

	@GetMapping("/bescheid-pruefen")
	String form(Model model) {
		model.addAttribute("checkForm", new CheckForm(null));
		model.addAttribute("maxSizeMb", maxSizeMb());
		return "platform/signature-check";
	}

	@PostMapping("/bescheid-pruefen")
	String check(@ModelAttribute("checkForm") CheckForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("maxSizeMb", maxSizeMb());
		MultipartFile file = form.datei();
		if (file == null || file.isEmpty()) {
			binding.rejectValue("datei", "signatures.file.required");
		}
		else if (file.getSize() > this.limit.maxFileSize()) {
			binding.rejectValue("datei", "signatures.file.tooLarge", new Object[] { maxSizeMb() }, null);
		}
		if (binding.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", true);
			return "platform/signature-check";
		}
		if (!this.limit.tryCheck(request.getRemoteAddr())) {
			response.setStatus(429);
			binding.reject("signatures.rateLimited");
			model.addAttribute("error", true);
			return "platform/signature-check";
		}
		SignatureCheck result = this.signer.verify(bytes(file));
		model.addAttribute("result", result);
		model.addAttribute("fileName", (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "");
		model.addAttribute("signedAt", (result.signedAt() != null) ? SIGNED_AT.format(result.signedAt()) : "");
		return "platform/signature-check";
	}

	@PostMapping(path = "/api/v1/signatures/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> verify(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			HttpServletRequest request, Locale locale) {
		if (file == null || file.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "signatures.file.required", locale);
		}
		if (file.getSize() > this.limit.maxFileSize()) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "signatures.file.tooLarge", locale, maxSizeMb());
		}
		if (!this.limit.tryCheck(request.getRemoteAddr())) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "signatures.rateLimited", locale);
		}
		SignatureCheck result = this.signer.verify(bytes(file));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("signed", result.signed());
		body.put("signatureValid", result.intact());
		body.put("unchangedSinceSigning", result.unchanged());
		body.put("issuedByPortal", result.issuedByPortal());
		body.put("verified", result.verified());
		body.put("signer", result.signerName());
		body.put("municipalityId", result.municipalityId());
		body.put("municipality", result.municipalityName());
		Instant signedAt = result.signedAt();
		body.put("signedAt", (signedAt != null) ? signedAt.toString() : null);
		return ResponseEntity.ok(body);
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Locale locale, Object... arguments) {
		return ResponseEntity.status(status)
			.body(ProblemDetail.forStatusAndDetail(status, this.messages.getMessage(key, arguments, locale)));
	}

	private long maxSizeMb() {
		return Math.max(1, this.limit.maxFileSize() / (1024 * 1024));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
