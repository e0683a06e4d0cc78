package de.amtsweg.appointments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import de.amtsweg.appointments.internal.Bookings;
import de.amtsweg.appointments.internal.Calendars;
import de.amtsweg.appointments.internal.SlotFinder;
import de.amtsweg.appointments.internal.SlotTakenException;
import de.amtsweg.catalog.ServiceCatalog;
import de.amtsweg.platform.Municipalities;
import de.amtsweg.platform.OrgUnits;
import de.amtsweg.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** No slot is ever booked beyond its capacity, and a repeated request books once. */
class BookingConcurrencyTests extends IntegrationTest {

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
	Bookings bookings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void threeHundredParallelBookingsOfThreeSlotsWithTwoCountersBookExactlySix() throws Exception {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 2, 15);
		List<Instant> targets = test.firstDay().stream().limit(3).map(SlotFinder.Slot::start).toList();
		assertThat(targets).hasSize(3);
		ExecutorService pool = Executors.newFixedThreadPool(24);
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger booked = new AtomicInteger();
		AtomicInteger taken = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Instant start = targets.get(i % 3);
			futures.add(pool.submit(() -> {
				go.await();
				try {
					this.bookings.book(request(test, start, UUID.randomUUID() + "@example.org", null));
					booked.incrementAndGet();
				}
				catch (SlotTakenException ex) {
					taken.incrementAndGet();
				}
				return null;
			}));
		}
		go.countDown();
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		assertThat(booked.get()).isEqualTo(6);
		assertThat(taken.get()).isEqualTo(294);
		Integer inDatabase = this.jdbc
			.sql("select count(*) from appointment where calendar_id = :c and status in ('HELD', 'CONFIRMED')")
			.param("c", test.calendar().id())
			.query(Integer.class)
			.single();
		assertThat(inDatabase).isEqualTo(6);
		Integer perSlotMaximum = this.jdbc.sql("""
				select coalesce(max(n), 0) from (select count(*) as n from appointment
				where calendar_id = :c and status in ('HELD', 'CONFIRMED') group by starts_at) counts""")
			.param("c", test.calendar().id())
			.query(Integer.class)
			.single();
		assertThat(perSlotMaximum).isEqualTo(2);
	}

	@Test
	void aRepeatedRequestWithTheSameKeyBooksOnce() throws Exception {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 3, 15);
		Instant start = test.firstDay().get(0).start();
		String key = UUID.randomUUID().toString();
		String email = UUID.randomUUID() + "@example.org";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		ConcurrentHashMap<UUID, Boolean> ids = new ConcurrentHashMap<>();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			futures.add(pool.submit(() -> ids.put(this.bookings.book(request(test, start, email, key)), true)));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from appointment where lower(email) = :e")
			.param("e", email)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAddressGetsNoSecondOpenAppointmentForTheSameService() {
		AppointmentsTestSupport.TestCalendar test = AppointmentsTestSupport.calendar(this.municipalities, this.orgUnits,
				this.catalog, this.calendars, this.slots, 3, 15);
		String email = UUID.randomUUID() + "@example.org";
		this.bookings.book(request(test, test.firstDay().get(0).start(), email, null));
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.bookings.book(request(test, test.firstDay().get(1).start(), email, null)))
			.isInstanceOf(de.amtsweg.appointments.internal.BookingLimitException.class);
	}

	private static Bookings.BookingRequest request(AppointmentsTestSupport.TestCalendar test, Instant start,
			String email, String key) {
		return new Bookings.BookingRequest(test.municipality().id(), test.calendar().id(), List.of(test.serviceId()), 1,
				start, "Erika Test", email, "", null, Locale.GERMAN, key, Bookings.Channel.ONLINE);
	}

}
