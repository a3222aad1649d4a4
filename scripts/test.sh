#!/usr/bin/env bash
# The test command (README, .ci/run): installs dependencies, then
#  1. checks formatting,
#  2. builds with -Werror and runs the unit tests (tests that need ../shared
#     skip when it is absent) and the Python tests (bindings, Dask clusters;
#     only in this build: the Python module is not built under sanitizers),
#  3. builds with clang + AddressSanitizer + UBSan and runs the tests again,
#  4. runs each libFuzzer target for a short budget.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
JOBS=${JOBS:-$(nproc)}
FUZZ_SECONDS=${FUZZ_SECONDS:-20}

echo "== format check"
git ls-files -- '*.h' '*.cpp' | xargs clang-format --dry-run -Werror

echo "== release build + tests"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_WERROR=ON >/dev/null
cmake --build build-test -j "$JOBS"
ctest --test-dir build-test -j "$JOBS" --output-on-failure

echo "== clang ASan+UBSan build + tests + fuzzers"
CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPARLEY_WERROR=ON \
  -DPARLEY_SANITIZE=address,undefined -DPARLEY_BUILD_FUZZERS=ON >/dev/null
cmake --build build-asan -j "$JOBS"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan -j "$JOBS" --output-on-failure
for f in build-asan/fuzz/fuzz_*; do
  [ -x "$f" ] || continue
  name=$(basename "$f")
  seeds=fuzz/corpus/$name
  work=$(mktemp -d)
  echo "-- $name (${FUZZ_SECONDS}s)"
  "$f" -max_total_time="$FUZZ_SECONDS" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=0 \
    "$work" $( [ -d "$seeds" ] && echo "$seeds" ) 2>&1 | tail -n 2
  rm -rf "$work"
done
echo "== all tests passed"
