#!/usr/bin/env bash
# Smoke test of the real desktop binary: under Xvfb, open the window on a
# notebook holding the two seed articles, wait until the frontend calls Go's
# Ready method (the binary logs it), take a screenshot of the screen and
# check it is not blank. Exits non-zero on any failure.
#
# Usage: scripts/desktop-smoke.sh [BINARY] [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/bin/sourcebook}")
shot=${2:-build/screenshots/desktop.png}
mkdir -p "$(dirname "$shot")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" --db "$tmp/nb.db" import testdata/seeds/*.txt >/dev/null

# Runs inside xvfb-run: start the window, wait for the ready line, shoot.
cat >"$tmp/inside.sh" <<'INSIDE'
set -u
bin=$1 db=$2 log=$3 png=$4
"$bin" --db "$db" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  grep -q 'frontend ready' "$log" && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
sleep 2 # let the library render after Ready
import -window root "$png" 2>>"$log"
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
exit 0
INSIDE
xvfb-run -a -s "-screen 0 1280x820x24" bash "$tmp/inside.sh" "$bin" "$tmp/nb.db" "$tmp/log" "$shot"

fail() { echo "desktop smoke test FAILED: $*" >&2; echo "--- binary's output:" >&2; cat "$tmp/log" >&2; exit 1; }
grep -q 'frontend ready (desktop, 2 sources' "$tmp/log" || fail "the window never reported ready with 2 sources"
[ -s "$shot" ] || fail "no screenshot"
# A blank (one-colour) screen has no spread of pixel values.
spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
colours=$(convert "$shot" -format '%k' info:)
awk -v s="$spread" -v c="$colours" 'BEGIN { exit !(s > 0.02 && c > 16) }' ||
  fail "the screenshot looks blank (standard deviation $spread, $colours colours)"
echo "desktop smoke test: ok (window ready with 2 sources; screenshot $shot: $colours colours, spread $spread)"
