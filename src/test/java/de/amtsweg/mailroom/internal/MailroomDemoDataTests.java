package de.amtsweg.mailroom.internal;

import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo mail room rules (off in the tests' configuration): run for one municipality,
 * they route each unit's business to it; a second run adds nothing.
 */
class MailroomDemoDataTests extends IntegrationTest {

	@Autowired
	MailroomDemoData seeder;

	@Autowired
	MailRules rules;

	@Autowired
	Municipalities municipalities;

	@Test
	void theDemoRulesAreAddedOnceAndRouteEachUnitsBusiness() {
		Municipality beispielheim = this.municipalities.bySlug("beispielheim").orElseThrow();
		MailroomDemoData.DemoAdmin admin = new MailroomDemoData.DemoAdmin(beispielheim.id());
		int before = SystemActor.call(() -> this.rules.rules(admin).size());

		int added = SystemActor.call(() -> this.seeder.seed(beispielheim));
		int again = SystemActor.call(() -> this.seeder.seed(beispielheim));

		assertThat(again).isZero();
		assertThat(SystemActor.call(() -> this.rules.rules(admin))).hasSize(before + added)
			.anySatisfy((rule) -> assertThat(rule.matches("Hundesteuer 2027", "", "")).isTrue());
		if (before == 0) {
			assertThat(added).isEqualTo(MailroomDemoData.RULES.size());
		}
	}

}
