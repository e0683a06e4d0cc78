#!/usr/bin/env bash
# Display board latency (issue 7): BOARDS display boards (Server-Sent Events clients in a plain-JDK Java
# load driver) connected to the packaged application, the demo clerk calls CALLS tickets at RATE per
# second; prints p50/p90/p99/max from sending "call next" to the call's arrival on every board.
# Target: p99 < 1 s with 100 boards. Calls travel through PostgreSQL LISTEN/NOTIFY as with several nodes.
set -euo pipefail
cd "$(dirname "$0")/.."
boards=${BOARDS:-100}
calls=${CALLS:-100}
rate=${RATE:-4}
port=${PORT:-18081}
if [ "${SKIP_BUILD:-}" != "1" ]; then
	./mvnw -q -DskipTests package
fi
jar=$(ls target/amtsweg-*.jar | grep -v plain | head -n 1)
data=$(mktemp -d)
log=$(mktemp)
AMTSWEG_DATA_DIR="$data" AMTSWEG_PORT="$port" AMTSWEG_BASE_URL="http://localhost:$port" \
	java ${JAVA_OPTS:-} -jar "$jar" >"$log" 2>&1 &
pid=$!
cleanup() {
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rm -rf "$data" "$log"
}
trap cleanup EXIT
until grep -q "Started AmtswegApplication" "$log"; do
	if ! kill -0 "$pid" 2>/dev/null; then
		cat "$log"
		echo "application died" >&2
		exit 1
	fi
	sleep 0.5
done
# demo data (with the demo kiosk and board) is created after "Started"
until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/aufruf/kiosk/demo-kiosk-musterstadt-buergerbuero" | grep -q 200; do
	sleep 0.5
done
echo "java: $(java -version 2>&1 | head -n 1), cores: $(nproc)"
java bench/queue/BoardLoad.java "http://localhost:$port" "$boards" "$calls" "$rate"
