#!/usr/bin/env bash
# Clerk inbox and applicant status page with 1,000,000 cases (generated with generate_series):
# prints p50/p95/p99 latencies of each page over real HTTP (target: p95 < 50 ms).
# Options (system properties): -Dbench.cases=1000000 -Dbench.rounds=300
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmark class is named so that ./mvnw verify never runs it; here it is asked for by name.
./mvnw -q test -Dtest=CasesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dspring-javaformat.skip=true "$@" 2>&1 \
	| grep -v -e "Failed to validate connection" -e "^\s*at " -e " WARN " -e " INFO "
