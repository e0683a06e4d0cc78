package de.amtsweg.cases.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import de.amtsweg.cases.internal.RouteDryRun;
import de.amtsweg.cases.internal.RouteProblem;
import de.amtsweg.cases.internal.RouteVersion;
import de.amtsweg.cases.internal.RouteVersions;
import de.amtsweg.platform.InvalidInputException;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.NavigationLink;
import org.flowable.bpmn.model.UserTask;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The processing routes for a municipality's admins ("Verfahren"): the case types with
 * their route versions, upload of a BPMN model as a draft, the route as a diagram (and as
 * a list without JavaScript), the dry run "Ergebnis testen", publishing and the migration
 * of running cases with its report.
 */
@Controller
class RouteAdminController {

	static final String BASE = "/intern/admin/verfahren";

	/** Prefix of the dry run's per-task decision fields. */
	static final String DECISION = "entscheidung-";

	private final RouteVersions routes;

	RouteAdminController(RouteVersions routes) {
		this.routes = routes;
	}

	@GetMapping(BASE)
	String list(Municipality municipality, Model model) {
		model.addAttribute("caseTypes", this.routes.overview(municipality.id()));
		return "cases/admin/case-types";
	}

	@GetMapping(BASE + "/{caseTypeId}")
	String caseType(@PathVariable UUID caseTypeId, Municipality municipality, Model model) {
		model.addAttribute("entry", this.routes.caseType(municipality.id(), caseTypeId));
		return "cases/admin/case-type";
	}

	@PostMapping(BASE + "/{caseTypeId}/hochladen")
	String upload(@PathVariable UUID caseTypeId,
			@RequestParam(name = RouteVersions.FILE_FIELD, required = false) @Nullable MultipartFile file,
			Municipality municipality, HttpServletResponse response, Model model, RedirectAttributes redirect)
			throws IOException {
		RouteVersions.CaseTypeRoutes entry = this.routes.caseType(municipality.id(), caseTypeId);
		List<RouteProblem> problems = new ArrayList<>();
		if (file == null || file.isEmpty()) {
			problems.add(new RouteProblem("cases.route.problem.noFile", List.of()));
		}
		else {
			try {
				RouteVersion route = this.routes.upload(municipality.id(), caseTypeId,
						(file.getOriginalFilename() != null) ? file.getOriginalFilename() : "", file.getBytes());
				redirect.addFlashAttribute("notice", "cases.route.uploaded");
				redirect.addFlashAttribute("noticeName", route.version());
				return "redirect:" + BASE + "/" + caseTypeId + "/laufwege/" + route.id();
			}
			catch (InvalidInputException ex) {
				ex.problems()
					.forEach((problem) -> problems.add(new RouteProblem(problem.messageKey(),
							java.util.Arrays.stream(problem.arguments()).map(String::valueOf).toList())));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("entry", entry);
		model.addAttribute("problems", problems);
		return "cases/admin/case-type";
	}

	@GetMapping(BASE + "/{caseTypeId}/laufwege/{routeId}")
	String route(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality, Model model) {
		return routePage(municipality, caseTypeId, routeId, "", Map.of(), null, model);
	}

	@GetMapping(path = BASE + "/{caseTypeId}/laufwege/{routeId}/modell.bpmn")
	ResponseEntity<byte[]> model(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality) {
		RouteVersion route = this.routes.route(municipality.id(), caseTypeId, routeId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", "attachment; filename=\"route-v" + route.version() + ".bpmn\"")
			.body(route.xml().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping(BASE + "/{caseTypeId}/laufwege/{routeId}/probelauf")
	String dryRun(@PathVariable UUID caseTypeId, @PathVariable UUID routeId,
			@RequestParam MultiValueMap<String, String> parameters, Municipality municipality, Model model,
			HttpServletResponse response) {
		RouteVersions.CaseTypeRoutes entry = this.routes.caseType(municipality.id(), caseTypeId);
		RouteVersion route = this.routes.route(municipality.id(), caseTypeId, routeId);
		String sample = parameters.getFirst("beispieldaten");
		String reference = parameters.getFirst("vorgang");
		Map<String, String> decisionTexts = new LinkedHashMap<>();
		Map<String, Map<String, Object>> decisions = new LinkedHashMap<>();
		for (UserTask task : this.routes.userTasks(route)) {
			String text = parameters.getFirst(DECISION + task.getId());
			if (text != null) {
				decisionTexts.put(task.getId(), text);
				decisions.put(task.getId(), pairs(text));
			}
		}
		model.addAttribute("reference", (reference != null) ? reference : "");
		if (reference != null && !reference.isBlank()) {
			// the data of an existing case instead of the typed sample
			try {
				sample = this.routes.sampleFromCase(municipality.id(), reference);
			}
			catch (InvalidInputException ex) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("caseProblem", ex.problems().get(0).messageKey());
				return routePage(municipality, caseTypeId, routeId, (sample != null) ? sample : "", decisionTexts, null,
						model);
			}
		}
		RouteDryRun.Result result = this.routes.dryRun(municipality.id(), entry.caseType(), route,
				pairs((sample != null) ? sample : ""), decisions);
		return routePage(municipality, caseTypeId, routeId, (sample != null) ? sample : "", decisionTexts, result,
				model);
	}

	@PostMapping(BASE + "/{caseTypeId}/laufwege/{routeId}/veroeffentlichen")
	String publish(@PathVariable UUID caseTypeId, @PathVariable UUID routeId, Municipality municipality,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			RouteVersion route = this.routes.publish(municipality.id(), caseTypeId, routeId);
			redirect.addFlashAttribute("notice", "cases.route.published");
			redirect.addFlashAttribute("noticeName", route.version());
			return "redirect:" + BASE + "/" + caseTypeId;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems",
					ex.problems()
						.stream()
						.map((problem) -> new RouteProblem(problem.messageKey(),
								java.util.Arrays.stream(problem.arguments()).map(String::valueOf).toList()))
						.toList());
			return routePage(municipality, caseTypeId, routeId, "", Map.of(), null, model);
		}
	}

	@PostMapping(BASE + "/{caseTypeId}/migrieren")
	String migrate(@PathVariable UUID caseTypeId, Municipality municipality, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("report", this.routes.migrate(municipality.id(), caseTypeId));
			return "redirect:" + BASE + "/" + caseTypeId;
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("entry", this.routes.caseType(municipality.id(), caseTypeId));
			model.addAttribute("problems", List.of(new RouteProblem(ex.problems().get(0).messageKey(), List.of())));
			return "cases/admin/case-type";
		}
	}

	private String routePage(Municipality municipality, UUID caseTypeId, UUID routeId, String sample,
			Map<String, String> decisionTexts, RouteDryRun.@Nullable Result result, Model model) {
		RouteVersions.CaseTypeRoutes entry = this.routes.caseType(municipality.id(), caseTypeId);
		RouteVersion route = this.routes.route(municipality.id(), caseTypeId, routeId);
		model.addAttribute("entry", entry);
		model.addAttribute("route", route);
		model.addAttribute("outline", this.routes.outline(route));
		model.addAttribute("userTasks",
				this.routes.userTasks(route)
					.stream()
					.map((task) -> new TaskField(task.getId(), DECISION + task.getId(),
							(task.getName() != null && !task.getName().isBlank()) ? task.getName() : task.getId(),
							decisionTexts.getOrDefault(task.getId(), "")))
					.toList());
		model.addAttribute("sample", sample);
		model.addAttribute("result", result);
		return "cases/admin/route";
	}

	/**
	 * "key=value" lines (or separated by ";") as variables; true/false become yes/no
	 * values.
	 */
	static Map<String, Object> pairs(String text) {
		Map<String, Object> pairs = new LinkedHashMap<>();
		for (String line : text.split("[\\r\\n;]+")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				String key = line.substring(0, equals).trim();
				String value = line.substring(equals + 1).trim();
				if (!key.isEmpty()) {
					pairs.put(key, switch (value) {
						case "true" -> Boolean.TRUE;
						case "false" -> Boolean.FALSE;
						default -> value;
					});
				}
			}
		}
		return pairs;
	}

	/**
	 * A decision field of the dry run.
	 *
	 * @param taskId the user task
	 * @param field the field's name and id
	 * @param label the task's name
	 * @param value what the admin entered
	 */
	public record TaskField(String taskId, String field, String label, String value) {
	}

	/** The link on the administration hub. */
	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationLink caseRoutesOnAdmin() {
			return new NavigationLink(NavigationLink.Area.ADMIN, "cases.route.nav.title", "cases.route.nav.description",
					BASE, 55, null);
		}

	}

}
