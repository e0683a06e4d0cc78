#!/usr/bin/env bash
# Compares search approaches for the responsibility finder and measures the finder API under load.
# Prints hit rates (top-1, top-3) on the realistic queries of
# src/test/resources/catalog/search-queries.csv, latency percentiles, and requests per second.
# Uses the LeiKa list of the OZG database as distractors: set LEIKA_CSV to its path (default:
# ../shared/fixtures/ozg/leika_leistungen_kdn_nrw_2019.csv next to the project folder).
# Options (system properties): -Dbench.rounds=10 -Dbench.seconds=20 -Dbench.threads=4
set -euo pipefail
cd "$(dirname "$0")/../.."
export LEIKA_CSV="${LEIKA_CSV:-$(pwd)/../shared/fixtures/ozg/leika_leistungen_kdn_nrw_2019.csv}"
# The benchmark class is named so that ./mvnw verify never runs it; here it is asked for by name.
./mvnw -q test -Dtest=CatalogSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dspring-javaformat.skip=true "$@" 2>&1 \
	| grep -v -e "Failed to validate connection" -e "^\s*at " -e " WARN " -e " INFO "
