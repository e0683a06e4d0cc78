#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the browser tests need (Debian's
# chromium and chromium-driver) when it is missing, then runs ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "The browser tests need Chromium and its ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver" >&2
		echo "(Debian packages chromium and chromium-driver); install them, then run ./test.sh again." >&2
		exit 1
	fi
	echo "Installing chromium and chromium-driver for the browser tests (Debian packages) ..."
	sudo_cmd=""
	if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
fi

exec ./mvnw -B verify "$@"
