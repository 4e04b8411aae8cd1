#!/usr/bin/env bash
# Regenerates sqlc's Go code and the Wails bindings and fails when they
# differ from the files in the work tree, so generated code never drifts from
# queries/, db/migrations/ and app/. The regenerated files are left in place:
# after a failure, review them with git diff and commit.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/db" "$tmp/wailsjs"
cp db/*.go "$tmp/db/"
cp -r frontend/wailsjs/. "$tmp/wailsjs/"
go tool sqlc generate
go tool wails generate module -tags webkit2_41 >/dev/null
status=0
for f in db/*.go; do
  if ! cmp -s "$f" "$tmp/db/$(basename "$f")"; then
    echo "check-generated: $f differs from sqlc's output for queries/ and db/migrations/" >&2
    status=1
  fi
done
for f in "$tmp"/db/*.go; do
  [ -e "db/$(basename "$f")" ] || { echo "check-generated: db/$(basename "$f") would be deleted" >&2; status=1; }
done
if ! diff -r "$tmp/wailsjs" frontend/wailsjs >/dev/null; then
  diff -r "$tmp/wailsjs" frontend/wailsjs >&2 || true
  echo "check-generated: frontend/wailsjs differs from the bindings Wails generates for app/" >&2
  status=1
fi
if [ $status -ne 0 ]; then
  echo "check-generated: run 'make generate' and commit the result" >&2
  exit 1
fi
echo "check-generated: sqlc output and Wails bindings are up to date"
