package de.amtsweg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure holds: no module reaches into another's internals, no cycles. The
 * module documentation in {@code docs/modules} is written from the same model.
 */
class ModularityTests {

	private static final Path DOCUMENTATION = Path.of("docs", "modules");

	private static final Path GENERATED = Path.of("target", "modules-documentation");

	private final ApplicationModules modules = ApplicationModules.of(AmtswegApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * The documenter lists a diagram's elements in no fixed order, so a file is only
	 * replaced when its content changed, not when its lines merely moved: otherwise every
	 * build would leave changed files behind.
	 */
	@Test
	void writesModuleDocumentation() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeDocumentation()
			.writeModuleCanvases();
		Files.createDirectories(DOCUMENTATION);
		try (Stream<Path> files = Files.list(GENERATED)) {
			for (Path generated : files.toList()) {
				Path documented = DOCUMENTATION.resolve(generated.getFileName());
				if (!Files.exists(documented) || !sameLines(generated, documented)) {
					Files.copy(generated, documented, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		assertThat(DOCUMENTATION.resolve("components.puml")).exists();
	}

	private static boolean sameLines(Path first, Path second) throws IOException {
		List<String> firstLines = Files.readAllLines(first).stream().sorted().toList();
		List<String> secondLines = Files.readAllLines(second).stream().sorted().toList();
		return firstLines.equals(secondLines);
	}

}
