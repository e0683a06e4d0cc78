package de.amtsweg.accounts.internal;

/**
 * Legal forms an organisation account can have (Rechtsform); the labels are in the
 * message bundles under {@code organisation.legalForm.<name>}.
 */
public enum LegalForm {

	SOLE_TRADER, GBR, OHG, KG, GMBH, UG, GMBH_CO_KG, AG, EG, EV, FOUNDATION, PUBLIC_BODY, OTHER

}
