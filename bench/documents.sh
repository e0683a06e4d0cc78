#!/usr/bin/env bash
# Full-text search of the e-file over 100,000 generated documents (about 300 words of German
# administrative prose each): prints p50/p95 latencies of the search page over real HTTP.
# Options (system properties): -Dbench.documents=100000 -Dbench.rounds=200
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmark class is named so that ./mvnw verify never runs it; here it is asked for by name.
./mvnw -q test -Dtest=DocumentsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dspring-javaformat.skip=true "$@" 2>&1 \
	| grep -v -e "Failed to validate connection" -e "^\s*at " -e " WARN " -e " INFO "
