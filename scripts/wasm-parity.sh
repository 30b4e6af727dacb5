#!/usr/bin/env bash
# Checks that the page's wasm build (www/pkg, from scripts/build-wasm.sh) gives exactly the native
# results: the native CLI (release build) writes the JSON of every benchmark text and seed and the
# seeds' comparison; scripts/wasm-parity.mjs runs the wasm on the same texts in Node and compares
# every field. Run by scripts/test.sh after the wasm build. Needs ../shared beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f www/pkg/presslens_bg.wasm ]] || { echo "wasm-parity: www/pkg is not built (bash scripts/build-wasm.sh)" >&2; exit 1; }
texts=(../shared/bench/text ../shared/seeds)
for d in "${texts[@]}"; do [[ -d $d ]] || { echo "wasm-parity: $d is missing" >&2; exit 1; }; done
cargo build --quiet --release --bin presslens
native=$(mktemp -d)
trap 'rm -rf "$native"' EXIT
for d in "${texts[@]}"; do
  target/release/presslens --format json --out-dir "$native" "$d"/*.txt
done
target/release/presslens compare ../shared/seeds/*.txt >"$native/compare-seeds.json"
node scripts/wasm-parity.mjs "$native" "${texts[@]}"
