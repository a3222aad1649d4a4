#!/usr/bin/env bash
# Installs the Debian packages parley needs to build and test. Idempotent.
set -euo pipefail
PKGS=(build-essential cmake ninja-build pkg-config clang
      libsimdjson-dev libutf8proc-dev libcli11-dev zlib1g-dev libxxhash-dev
      libgtest-dev libgmock-dev libbenchmark-dev clang-format libsqlite3-dev
      python3 python3-dev pybind11-dev python3-dask python3-distributed)
# parley serve (cpp-httplib), its load test (wrk) and browser tests (chromium,
# node + npm for playwright-core).
PKGS+=(libcpp-httplib-dev wrk chromium nodejs)
command -v npm >/dev/null || PKGS+=(npm)  # nodesource's nodejs ships its own npm
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "parley: installing Debian packages: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
