#!/usr/bin/env bash
# ctest entry for the browser test: tests/browser/run.sh PARLEY_BINARY ARTIFACTS_DIR
# Exits 77 (ctest: skipped) only when node, npm or chromium is not installed;
# scripts/deps.sh installs them, so CI runs the test.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
parley=$1
artifacts=$2
chromium=${PARLEY_CHROMIUM:-/usr/bin/chromium}
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
[ -x "$chromium" ] || { echo "SKIP: $chromium not installed"; exit 77; }
# playwright-core only (no browser download), pinned by package-lock.json.
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.package-lock.json.parley" 2>/dev/null; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$here/node_modules/.package-lock.json.parley"
fi
mkdir -p "$artifacts"
db="$artifacts/explorer.db"
rm -f "$db" "$db-wal" "$db-shm"
"$parley" ingest "$here/../../examples/anchorage.txt" "$here/injection.txt" --db "$db" --quiet
PARLEY_CHROMIUM=$chromium node "$here/explorer.test.js" "$parley" "$db" "$artifacts"
