#!/usr/bin/env bash
# Cold start of Amtsweg: time from `java -jar` to "Started AmtswegApplication", on an empty data
# directory (embedded PostgreSQL initdb + migrations + demo data) and again on the same data.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests package
jar=$(ls target/amtsweg-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
port=${PORT:-18080}

start_once() {
	local label=$1
	local log
	log=$(mktemp)
	local begin
	begin=$(date +%s%N)
	AMTSWEG_DATA_DIR="$data" AMTSWEG_PORT="$port" java ${JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
	local pid=$!
	until grep -q "Started AmtswegApplication" "$log"; do
		if ! kill -0 "$pid" 2>/dev/null; then
			cat "$log"
			echo "application died" >&2
			exit 1
		fi
		sleep 0.1
	done
	local end
	end=$(date +%s%N)
	local reported
	reported=$(grep -o "Started AmtswegApplication in [0-9.]* seconds" "$log" | grep -o "[0-9.]*")
	curl -s -o /dev/null "http://localhost:$port/" || true
	local rss
	rss=$(ps -o rss= -p "$pid" | tr -d ' ')
	printf '%-28s wall %6.2f s   spring reported %6s s   RSS %5d MiB\n' "$label" \
		"$(echo "($end - $begin) / 1000000000" | bc -l)" "$reported" "$((rss / 1024))"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	rm -f "$log"
}

echo "java: $(java -version 2>&1 | head -n 1)"
start_once "first start (empty data)"
start_once "second start (same data)"
rm -rf "$data"
