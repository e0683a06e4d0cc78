/**
 * The service catalogue: services (Leistungen) with LeiKa keys, activities, fees and
 * documents, shared by a district or local to a municipality; each municipality's
 * responsibility for them (org unit, contacts, locations, opening hours); the
 * responsibility finder (German full-text search) for citizens, the OZG rollout
 * dashboard, and import and export. Publishes {@link de.amtsweg.catalog.ServiceCatalog},
 * {@link de.amtsweg.catalog.ServiceFinder} and
 * {@link de.amtsweg.catalog.RolloutDashboard}.
 */
@NullMarked
@ApplicationModule(displayName = "Catalog")
package de.amtsweg.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
