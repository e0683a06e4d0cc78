#!/usr/bin/env bash
# Booking rush: 2,000 simulated clients try to book the 200 slots of a day released at 8:00.
# Each client opens the booking page (session, CSRF token, proof-of-work challenge), solves the
# challenge and posts; on "taken" it picks another free slot, up to 5 attempts. Prints bookings
# made (must be 200), over-bookings (must be 0), p95 latency of the booking POST and attempts/s.
# Runs the class AppointmentsBookingRushBenchmark (named so that ./mvnw verify never runs it)
# against the application started on a real port. Options: -Dbench.clients=2000 -Dbench.threads=50
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test -Dtest=AppointmentsBookingRushBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dspring-javaformat.skip=true -Damtsweg.proof-of-work.difficulty=8 \
	-Damtsweg.appointments.bookings-per-client-per-hour=1000000 "$@" 2>&1 \
	| grep -v -e "Failed to validate connection" -e "^\s*at " -e " WARN " -e " INFO "
