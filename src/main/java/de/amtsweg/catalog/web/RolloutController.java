package de.amtsweg.catalog.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.amtsweg.catalog.RolloutDashboard;
import de.amtsweg.catalog.RolloutDashboard.DistrictFigures;
import de.amtsweg.catalog.RolloutFigures;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.catalog.ServiceSummary;
import de.amtsweg.catalog.internal.Csv;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OZG dashboard: for staff with every service's state, and as a public transparency
 * page (the same figures without the per-service list of work in progress), each with a
 * CSV download.
 */
@Controller
class RolloutController {

	private final RolloutDashboard dashboard;

	private final ServiceCatalog catalog;

	private final Municipalities municipalities;

	RolloutController(RolloutDashboard dashboard, ServiceCatalog catalog, Municipalities municipalities) {
		this.dashboard = dashboard;
		this.catalog = catalog;
		this.municipalities = municipalities;
	}

	@GetMapping("/intern/ozg-dashboard")
	String staff(Municipality municipality, Model model) {
		fill(model, municipality);
		model.addAttribute("services",
				this.catalog.offeredServices(municipality.id(), null, null)
					.stream()
					.filter((summary) -> summary.kind().name().equals("SERVICE"))
					.toList());
		model.addAttribute("csvPath", "/intern/ozg-dashboard.csv");
		return "catalog/dashboard";
	}

	@GetMapping("/digitale-verwaltung")
	String transparency(Municipality municipality, Model model) {
		fill(model, municipality);
		model.addAttribute("csvPath", "/digitale-verwaltung.csv");
		return "catalog/transparency";
	}

	@GetMapping("/intern/ozg-dashboard.csv")
	ResponseEntity<byte[]> staffCsv(Municipality municipality) {
		return csv(municipality, true);
	}

	@GetMapping("/digitale-verwaltung.csv")
	ResponseEntity<byte[]> publicCsv(Municipality municipality) {
		return csv(municipality, false);
	}

	private void fill(Model model, Municipality municipality) {
		model.addAttribute("municipality", municipality);
		model.addAttribute("figures", this.dashboard.figures(municipality.id()));
		if (municipality.districtId() != null) {
			DistrictFigures district = this.dashboard.district(municipality.districtId());
			model.addAttribute("district", district);
			model.addAttribute("districtName",
					this.municipalities.districts()
						.stream()
						.filter((candidate) -> candidate.id().equals(municipality.districtId()))
						.map((candidate) -> candidate.name())
						.findFirst()
						.orElse(""));
		}
	}

	/**
	 * Figures per municipality of the district (and the district's sum); for staff also
	 * one row per service of the municipality.
	 */
	private ResponseEntity<byte[]> csv(Municipality municipality, boolean withServices) {
		StringBuilder csv = new StringBuilder();
		csv.append(Csv.line(List.of("gebiet", "ags", "leistungen", "leistungen_online", "leistungen_in_umsetzung",
				"taetigkeiten", "taetigkeiten_online", "taetigkeiten_in_umsetzung", "reifegrad_0", "reifegrad_1",
				"reifegrad_2", "reifegrad_3", "reifegrad_4"), ';'));
		if (municipality.districtId() != null) {
			DistrictFigures district = this.dashboard.district(municipality.districtId());
			for (Map.Entry<Municipality, RolloutFigures> entry : district.perMunicipality().entrySet()) {
				csv.append(Csv.line(row(entry.getKey().name(), entry.getKey().ags().value(), entry.getValue()), ';'));
			}
			csv.append(Csv.line(row("Kreis gesamt", municipality.ags().districtKey(), district.total()), ';'));
		}
		else {
			csv.append(Csv.line(
					row(municipality.name(), municipality.ags().value(), this.dashboard.figures(municipality.id())),
					';'));
		}
		if (withServices) {
			csv.append("\r\n");
			csv.append(Csv.line(List.of("leika_schluessel", "leistung", "zustaendig", "reifegrad", "taetigkeiten",
					"taetigkeiten_online", "taetigkeiten_in_umsetzung", "stand"), ';'));
			for (ServiceSummary summary : this.catalog.offeredServices(municipality.id(), null, null)) {
				if (!summary.kind().name().equals("SERVICE")) {
					continue;
				}
				csv.append(Csv.line(
						List.of((summary.leikaKey() != null) ? summary.leikaKey() : "", summary.name().de(),
								summary.orgUnitName(), Integer.toString(summary.rollout().maturity()),
								Integer.toString(summary.rollout().activities()),
								Integer.toString(summary.rollout().activitiesOnline()),
								Integer.toString(summary.rollout().activitiesInProgress()), summary.rollout().online()
										? "online" : summary.rollout().inProgress() ? "in Umsetzung" : "nicht online"),
						';'));
			}
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("ozg-umsetzung-" + municipality.slug() + ".csv")
						.build()
						.toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> row(String area, String key, RolloutFigures figures) {
		List<String> row = new ArrayList<>(List.of(area, key, Integer.toString(figures.services()),
				Integer.toString(figures.servicesOnline()), Integer.toString(figures.servicesInProgress()),
				Integer.toString(figures.activities()), Integer.toString(figures.activitiesOnline()),
				Integer.toString(figures.activitiesInProgress())));
		figures.servicesByMaturity().forEach((count) -> row.add(Integer.toString(count)));
		return row;
	}

}
