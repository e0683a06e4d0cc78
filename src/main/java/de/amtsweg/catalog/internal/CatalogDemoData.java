package de.amtsweg.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import de.amtsweg.catalog.CatalogScope;
import de.amtsweg.catalog.CatalogTransfer;
import de.amtsweg.catalog.ImportReport;
import de.amtsweg.platform.DemoData;
import de.amtsweg.platform.District;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo catalogue: the shared services of Landkreis Musterkreis and the catalogues of
 * Musterstadt and Beispielheim (responsibilities, locations, opening hours, local fees
 * and rollout states), imported from {@code catalog/demo/*.json} through the same import
 * an admin uses. LeiKa keys, LeiKa names and legal bases come from the OZG database of
 * KDN NRW (2019, MIT licence; see the files' {@code note}); all texts are written for
 * Amtsweg.
 */
@Component
@Order(DemoData.CATALOG)
@ConditionalOnBooleanProperty(DemoData.ENABLED)
class CatalogDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

	private final CatalogTransfer transfer;

	private final Municipalities municipalities;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	CatalogDemoData(CatalogTransfer transfer, Municipalities municipalities, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.transfer = transfer;
		this.municipalities = municipalities;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<District> district = this.municipalities.districts()
			.stream()
			.filter((candidate) -> "musterkreis".equals(candidate.slug()))
			.findFirst();
		if (district.isEmpty() || this.jdbc.sql("select exists (select 1 from catalog_service where district_id = :d)")
			.param("d", district.get().id())
			.query(Boolean.class)
			.single()) {
			return;
		}
		SystemActor.run(() -> this.transactions.executeWithoutResult((status) -> {
			load(CatalogScope.district(district.get().id()), "kreis.json");
			for (String slug : List.of("musterstadt", "beispielheim")) {
				Optional<Municipality> municipality = this.municipalities.bySlug(slug);
				municipality.ifPresent((found) -> load(CatalogScope.municipality(found.id()), slug + ".json"));
			}
		}));
		log.info("Demo catalogue created for Landkreis Musterkreis, Musterstadt and Beispielheim");
	}

	private void load(CatalogScope scope, String file) {
		try (InputStream in = new ClassPathResource("catalog/demo/" + file).getInputStream()) {
			ImportReport report = this.transfer.importCatalog(scope, file, in.readAllBytes(), null);
			if (!report.stored()) {
				throw new IllegalStateException("Demo catalogue " + file + " did not import: " + report.problems());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
