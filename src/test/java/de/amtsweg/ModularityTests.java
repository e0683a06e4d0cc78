package de.amtsweg;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: no module reaches into another's internals, no cycles. The
 * module documentation in {@code docs/modules} is written from the same model.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(AmtswegApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation()
			.writeModuleCanvases();
	}

}
