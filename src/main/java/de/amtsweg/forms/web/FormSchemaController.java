package de.amtsweg.forms.web;

import java.io.IOException;
import java.io.InputStream;

import de.amtsweg.forms.internal.definition.FormDefinitionReader;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the JSON Schema of form definitions (also in docs/forms/). */
@RestController
class FormSchemaController {

	@GetMapping("/api/v1/forms/schema")
	ResponseEntity<byte[]> schema() throws IOException {
		try (InputStream in = FormDefinitionReader.class.getResourceAsStream(FormDefinitionReader.SCHEMA_RESOURCE)) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/schema+json"))
				.body(in.readAllBytes());
		}
	}

}
