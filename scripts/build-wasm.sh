#!/usr/bin/env bash
# Builds the wasm module and its JS glue into www/pkg/ (git-ignored), optimized for size.
#
#   bash scripts/build-wasm.sh
#
# Outputs (all git-ignored): www/pkg/ (--target web, the served page's ES module build) and
# dist/presslens.html (the single self-contained page, from a --target no-modules build in
# target/pkg-nomodules; see scripts/build-single.py).
#
# Size settings live here, not in Cargo.toml, because the native release build (CLI, bench) is
# tuned for speed: opt-level "z", LTO, one codegen unit and panic=abort are set through
# CARGO_PROFILE_RELEASE_* for this build only. wasm-pack's own wasm-opt step is off in Cargo.toml
# (Debian's binaryen 108 silently breaks wasm-bindgen output); the npm binaryen@132 wasm-opt from
# node_modules runs explicitly instead. Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort

wasm_opt=node_modules/.bin/wasm-opt
if [[ ! -x $wasm_opt ]]; then
  echo "build-wasm: $wasm_opt is missing; run: bash scripts/setup.sh" >&2
  exit 1
fi

# build_one TARGET OUT_DIR: wasm-pack build + wasm-opt -Oz in place.
build_one() {
  local target=$1 out=$2
  local log
  log=$(mktemp)
  rm -f "$out/presslens_bg.wasm"
  if ! wasm-pack --quiet build --release --target "$target" --out-dir "$out" --out-name presslens \
    --no-pack --mode no-install >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "build-wasm: wasm-pack build --target $target failed" >&2
    exit 1
  fi
  rm -f "$log"
  local raw
  raw=$(wc -c <"$out/presslens_bg.wasm")
  "$wasm_opt" -Oz "$out/presslens_bg.wasm" -o "$out/presslens_bg.wasm"
  echo "build-wasm: $out/presslens_bg.wasm: $raw bytes from wasm-pack," \
    "$(wc -c <"$out/presslens_bg.wasm") after wasm-opt -Oz," \
    "$(gzip -9c "$out/presslens_bg.wasm" | wc -c) gzipped (-9)"
}

build_one web www/pkg
# The single-file page (dist/presslens.html) uses the no-modules glue: it runs in a classic
# blob: worker, which is what works from file://.
build_one no-modules target/pkg-nomodules
python3 scripts/build-single.py target/pkg-nomodules dist/presslens.html
echo "build-wasm: dist/presslens.html: $(wc -c <dist/presslens.html) bytes," \
  "$(gzip -9c dist/presslens.html | wc -c) gzipped (-9)"

# What a first visit downloads: every file the served page loads (www/ minus type declarations).
page_files=$(find www -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \) | sort)
page_gz=0
for f in $page_files; do page_gz=$((page_gz + $(gzip -9c "$f" | wc -c))); done
echo "build-wasm: page www/: $(echo "$page_files" | wc -l) files, $page_gz bytes gzipped (-9, each file)"
