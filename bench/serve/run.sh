#!/usr/bin/env bash
# Loopback latency of `parley serve` (bench/RESULTS.md): a full-text quote
# search and speaker pages (the top person, a rare speaker, an unresolved
# speaker mention), each hammered by wrk for DURATION seconds.
#   bench/serve/run.sh build/parley corpus.db [DURATION] [CONNECTIONS]
set -euo pipefail
parley=$1
db=$2
duration=${3:-10}
conns=${4:-4}
here=$(cd "$(dirname "$0")" && pwd)
port=${PORT:-18080}
"$parley" serve --db "$db" --port "$port" 2>/dev/null &
pid=$!
trap 'kill $pid' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/stats" >/dev/null && break; sleep 0.1; done
speaker=$(curl -sf "http://127.0.0.1:$port/api/entities?type=PER&limit=1" |
  python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["entities"][0]["name"]))')
for url in "/api/quotes?text=border%20wall&limit=20" "/api/quotes?text=economy&limit=20" \
           "/api/speakers/$speaker?limit=20" "/api/speakers/${RARE_SPEAKER:-Abbe%20Gluck}?limit=20" \
           "/api/speakers/who?limit=20" "/api/quotes?speaker=trump&limit=20"; do
  echo "== GET $url"
  wrk -t1 -c"$conns" -d"${duration}s" -s "$here/p95.lua" "http://127.0.0.1:$port$url" | tail -n 2
done
