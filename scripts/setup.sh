#!/usr/bin/env bash
# One command from a fresh Debian machine: install dependencies, build parley,
# and run its main job on the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_TESTS=OFF >/dev/null
cmake --build build --target parley
echo
echo "== build/parley extract examples/anchorage.txt --format text"
build/parley extract examples/anchorage.txt --format text
echo
echo "== build/parley ingest examples/anchorage.txt --db example.db"
build/parley ingest examples/anchorage.txt --db example.db
echo
echo "Next: 'build/parley extract examples/anchorage.txt --format json' for the full record;"
echo "      explore the corpus: 'build/parley query quotes --db example.db --speaker Baigaliyev',"
echo "      'build/parley query entities --db example.db', 'build/parley query events --db example.db --all',"
echo "      'build/parley query stats --db example.db';"
echo "      in a browser: 'build/parley serve --db example.db', then open http://127.0.0.1:8080/;"
echo "      'build/parley --help' for every command."
