#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs the Debian packages the tests need when
# they are missing (chromium and chromium-driver for the browser tests, DejaVu fonts for the PDF
# tests, tesseract-ocr with its German data tesseract-ocr-deu for the mail room's OCR tests,
# clamav-daemon for the virus-scan tests, which start their own clamd with a local EICAR
# signature and need neither freshclam nor the system's clamd service), then runs ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if ! command -v tesseract >/dev/null 2>&1; then
	missing+=(tesseract-ocr tesseract-ocr-deu)
elif ! grep -qx deu <<<"$(tesseract --list-langs 2>/dev/null || true)"; then
	missing+=(tesseract-ocr-deu)
fi
[ -x /usr/sbin/clamd ] || command -v clamd >/dev/null 2>&1 || missing+=(clamav-daemon)

if [ ${#missing[@]} -gt 0 ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "The tests need the Debian packages: ${missing[*]} (Chromium at /usr/bin/chromium," >&2
		echo "ChromeDriver at /usr/bin/chromedriver, DejaVu fonts, Tesseract with German, ClamAV daemon); install them, then run" >&2
		echo "./test.sh again." >&2
		exit 1
	fi
	echo "Installing ${missing[*]} for the tests (Debian packages) ..."
	sudo_cmd=""
	if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec ./mvnw -B verify "$@"
