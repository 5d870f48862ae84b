#!/bin/sh
# Chromium's cold run: one whole browser process prints one poster.
# usage: chromium-one.sh IN.html OUT.pdf
# A new profile folder every run, as on a machine that never ran it.
set -e
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
/usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$2" \
	"file://$(realpath "$1")" 2>/dev/null
