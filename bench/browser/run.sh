#!/usr/bin/env bash
# Runs the browser benchmark (bench/browser/bench.mjs) in headless Chromium: presslens (wasm)
# vs Mozilla Readability on the 111 benchmark pages. Installs @mozilla/readability (pinned in
# bench/browser/package-lock.json) with npm ci when missing, builds the wasm when www/pkg is
# missing. Exits non-zero when the targets (median < 1 ms, >= 10x faster) are not met.
#   bash bench/browser/run.sh            ROUNDS=N for more rounds per page (default 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup.sh
[[ -f www/pkg/presslens_bg.wasm ]] || bash scripts/build-wasm.sh
if [[ ! -f bench/browser/node_modules/@mozilla/readability/Readability.js ]]; then
  (cd bench/browser && npm ci --no-audit --no-fund --silent)
fi
exec node bench/browser/bench.mjs
