package de.amtsweg.catalog.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import de.amtsweg.catalog.FeeType;
import de.amtsweg.catalog.Maturity;
import de.amtsweg.catalog.RolloutStatus;
import de.amtsweg.catalog.internal.CatalogAccess;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnit;
import de.amtsweg.platform.OrgUnits;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the catalogue's admin pages share: the access check and the choices of select
 * fields.
 */
@Component
class AdminPages {

	private final CatalogAccess access;

	private final OrgUnits orgUnits;

	private final MessageSource messages;

	AdminPages(CatalogAccess access, OrgUnits orgUnits, MessageSource messages) {
		this.access = access;
		this.orgUnits = orgUnits;
		this.messages = messages;
	}

	/**
	 * Only the municipality's admins (and the portal's operators) see its catalogue
	 * pages.
	 */
	void requireAdmin(Municipality municipality) {
		this.access.requireMunicipalityAdmin(municipality.id());
	}

	boolean mayAdministerDistrict() {
		return this.access.mayAdministerDistrict();
	}

	Map<String, String> orgUnitOptions(UUID municipalityId) {
		Map<String, String> options = new LinkedHashMap<>();
		for (OrgUnit unit : this.orgUnits.of(municipalityId)) {
			options.put(unit.id().toString(), unit.name());
		}
		return options;
	}

	Map<String, String> maturityOptions(Locale locale) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int maturity = Maturity.MIN; maturity <= Maturity.MAX; maturity++) {
			options.put(Integer.toString(maturity),
					this.messages.getMessage("catalog.maturity." + maturity, null, locale));
		}
		return options;
	}

	Map<String, String> statusOptions(Locale locale) {
		Map<String, String> options = new LinkedHashMap<>();
		for (RolloutStatus status : RolloutStatus.values()) {
			options.put(status.name(), this.messages.getMessage("catalog.status." + status.name(), null, locale));
		}
		return options;
	}

	Map<String, String> feeTypeOptions(Locale locale) {
		Map<String, String> options = new LinkedHashMap<>();
		for (FeeType type : FeeType.values()) {
			options.put(type.name(), this.messages.getMessage("catalog.feeType." + type.name(), null, locale));
		}
		return options;
	}

	/** The page that adds a fee, for a service or a municipality's responsibility. */
	String feeForm(Model model, String serviceName, FeeForm form, String action, String back, Locale locale) {
		model.addAttribute("serviceName", serviceName);
		model.addAttribute("form", form);
		model.addAttribute("action", action);
		model.addAttribute("back", back);
		model.addAttribute("feeTypes", feeTypeOptions(locale));
		return "catalog/admin/fee-form";
	}

	Map<String, String> kindOptions(Locale locale) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("SERVICE", this.messages.getMessage("catalog.kind.SERVICE", null, locale));
		options.put("INFORMATION", this.messages.getMessage("catalog.kind.INFORMATION", null, locale));
		return options;
	}

}
