package de.amtsweg.appointments;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.appointments.internal.Calendar;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.catalog.OfferedService;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.Municipality;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.platform.ProofOfWork;
import de.amtsweg.platform.SystemActor;
import de.amtsweg.support.IntegrationTest;
import de.amtsweg.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The booking rush (run by {@code bench/appointments.sh}; its name keeps it out of
 * {@code ./mvnw verify}): many clients over real HTTP race for the 200 slots of one day
 * (20 start times × 10 counters). Prints bookings, over-bookings, latency percentiles of
 * the booking POST and attempts per second; asserts nothing about time.
 */
class AppointmentsBookingRushBenchmark extends IntegrationTest {

	private static final int CLIENTS = Integer.getInteger("bench.clients", 2000);

	private static final int THREADS = Integer.getInteger("bench.threads", 50);

	private static final int ATTEMPTS = 8;

	@Autowired
	Municipalities municipalities;

	@Autowired
	OrgUnits orgUnits;

	@Autowired
	ServiceCatalog catalog;

	@Autowired
	Calendars calendars;

	@Autowired
	SlotFinder slots;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bookingRush() throws Exception {
		Municipality musterstadt = this.municipalities.bySlug("musterstadt").orElseThrow();
		UUID[] ids = SystemActor.call(() -> {
			String key = "rush-" + UUID.randomUUID().toString().substring(0, 8);
			UUID orgUnit = this.orgUnits.create(musterstadt.id(), key, "Rush " + key, key + "@musterstadt.example", "");
			OfferedService offered = this.catalog.offered(musterstadt.id(), "personalausweis").orElseThrow();
			UUID calendarId = this.calendars.create(musterstadt.id(), offered.locations().get(0).id(), orgUnit,
					new Calendars.Settings("Rush " + key, 13, 0, 60, LocalTime.of(8, 0), 0, true));
			for (int i = 1; i <= 10; i++) {
				this.calendars.addCounter(musterstadt.id(), calendarId, "Schalter " + i);
			}
			UUID serviceId = this.calendars.addService(musterstadt.id(), calendarId, offered.responsibility().id(),
					new Calendars.ServiceSettings("Rush", "", 13, 0, 1, 1, true));
			return new UUID[] { calendarId, serviceId };
		});
		Calendar calendar = this.calendars.get(musterstadt.id(), ids[0]);
		// a day with 20 start times (8:00–12:30 in 13-minute slots) on 10 counters: 200
		// slots
		Map<LocalDate, List<SlotFinder.Slot>> free = this.slots.freeSlots(calendar, 13, LocalDate.now().plusDays(2),
				LocalDate.now().plusDays(40), false);
		List<SlotFinder.Slot> day = free.values().stream().filter((s) -> s.size() == 20).findFirst().orElseThrow();
		int capacity = day.stream().mapToInt(SlotFinder.Slot::freeCounters).sum();
		List<String> starts = day.stream().map((s) -> s.local().toString()).toList();
		String query = "?kalender=" + ids[0] + "&dienst=" + ids[1] + "&personen=1";

		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger booked = new AtomicInteger();
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		long begin = System.nanoTime();
		for (int client = 0; client < CLIENTS; client++) {
			int number = client;
			pool.submit(() -> {
				try {
					WebSession session = newSession();
					session.open("/gemeinde/musterstadt");
					for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
						String start = starts.get(ThreadLocalRandom.current().nextInt(starts.size()));
						WebSession.Page details = session.open("/termine/angaben" + query + "&beginn=" + start);
						String challenge = details.document().selectFirst("input[name=powChallenge]").attr("value");
						int bits = Integer.parseInt(
								details.document().selectFirst("form[data-proof-of-work]").attr("data-proof-of-work"));
						String solution = ProofOfWork.solve(new ProofOfWork.Challenge(challenge, bits));
						long sent = System.nanoTime();
						WebSession.Page result = session.submit("/termine/buchen",
								Map.of("name", "Client " + number, "email",
										"rush-" + number + "-" + UUID.randomUUID() + "@example.org", "powSolution",
										solution));
						latencies.add(System.nanoTime() - sent);
						attempts.incrementAndGet();
						if (result.location().orElse("").endsWith("/termine/vorgemerkt")) {
							booked.incrementAndGet();
							return;
						}
						if (!result.location().orElse("").contains("/termine/zeiten")) {
							errors.incrementAndGet();
							return;
						}
					}
				}
				catch (RuntimeException ex) {
					errors.incrementAndGet();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - begin) / 1e9;

		int inDatabase = this.jdbc.sql("select count(*) from appointment where calendar_id = :c and status = 'HELD'")
			.param("c", ids[0])
			.query(Integer.class)
			.single();
		int overBooked = this.jdbc.sql("""
				select count(*) from appointment a join appointment b on a.counter_id = b.counter_id and a.id < b.id
				  and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
				where a.calendar_id = :c and a.status = 'HELD' and b.status = 'HELD'""")
			.param("c", ids[0])
			.query(Integer.class)
			.single();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("%nBooking rush: %d clients, %d threads, %d slots on %s%n", CLIENTS, THREADS, capacity,
				day.get(0).local().toLocalDate());
		System.out.printf("bookings made      %d (in the database: %d; must be %d)%n", booked.get(), inDatabase,
				capacity);
		System.out.printf("over-bookings      %d%n", overBooked);
		System.out.printf("booking attempts   %d in %.1f s = %.0f attempts/s (errors: %d)%n", attempts.get(), seconds,
				attempts.get() / seconds, errors.get());
		System.out.printf("POST latency       p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n",
				percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
	}

	private static double percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1e6;
	}

}
