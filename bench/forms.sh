#!/usr/bin/env bash
# Form submissions and form page render under load (see bench/forms/README.md).
# Starts the application on a fresh embedded database with the demo data (test profile: mail to
# an in-process SMTP server, submission limits high), fills drafts in process, then measures over
# HTTP from signed-in clients: the p50/p95/p99 render time of a form page and of the check page,
# and sustained submissions per second with the receipt notices going through the outbox.
# Options (system properties): -Dbench.threads=8 -Dbench.submissions=6000 -Dbench.seconds=15
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmark class is named so that ./mvnw verify never runs it; here it is asked for by name.
./mvnw -q test -Dtest=FormsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dspring-javaformat.skip=true "$@" 2>&1 \
	| grep -v -e "Failed to validate connection" -e "^\s*at " -e " WARN " -e " INFO "
