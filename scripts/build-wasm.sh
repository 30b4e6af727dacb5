#!/usr/bin/env bash
# Builds the wasm module and its JS glue into www/pkg/ (git-ignored), optimized for size.
#
#   bash scripts/build-wasm.sh
#
# Outputs (all git-ignored): www/pkg/ (--target web, the page's ES module build), dist/www/ (the
# served site: www/ with JS and CSS minified, scripts/build-site.sh) and dist/presslens.html (the single self-contained page, from a --target no-modules build in
# target/pkg-nomodules; see scripts/build-single.py).
#
# The size settings (pinned nightly, std rebuilt for size, opt-level, panic strategy) live in
# scripts/wasm-env.sh, shared with scripts/wasm-breakdown.sh. One cargo build makes the module;
# wasm-bindgen (the CLI setup.sh installs, = Cargo.lock's wasm-bindgen) writes the glue for each
# target, then npm binaryen@132's wasm-opt shrinks it (never Debian's binaryen 108: it breaks
# wasm-bindgen output). Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/wasm-env.sh

wasm_opt=node_modules/.bin/wasm-opt
if [[ ! -x $wasm_opt ]]; then
  echo "build-wasm: $wasm_opt is missing; run: bash scripts/setup.sh" >&2
  exit 1
fi

if ! wasm_cargo_build; then
  echo "build-wasm: the wasm build failed (toolchain $PRESSLENS_WASM_TOOLCHAIN; run: bash scripts/setup.sh)" >&2
  exit 1
fi

# build_one TARGET OUT_DIR: wasm-bindgen glue for TARGET + wasm-opt in place.
# wasm-opt: duplicate functions removed and similar ones merged (functions that differ only in
# constants become one with a parameter: generic instantiations; 3.6 KB gzipped less, no speed
# change), then -O3 with functions of up to 20 wasm instructions always inlined, run to a fixed
# point (--converge), without the producers section (the compiler versions). The inlining is for
# speed: at opt-level "z" LLVM leaves tiny std functions (`Chars::next`, `SplitWhitespace::next`,
# `char::is_whitespace`) as calls in every per-character loop. Measured on the 111 bench pages
# (instructions of node running the module under valgrind, one pass, startup subtracted; code of
# da5f728): -Oz 4.50 G, -Os inlining up to 12 instructions 4.31 G (~50 B smaller), -O3 4.24 G,
# this 4.19 G (-7 %, +1.2 KB gzipped); LLVM's own opt-level "s" would give 3.67 G for +26 KB and
# opt-level 3 2.83 G for +51 KB, over the page budget. wasm-bindgen writes the same module for both targets (only the glue
# differs), so a module already optimized is copied instead of optimized again (~1 min).
opt_raw_sum='' opt_done=''
build_one() {
  local target=$1 out=$2
  mkdir -p "$out"
  rm -f "$out/presslens_bg.wasm"
  wasm-bindgen --target "$target" --out-dir "$out" --out-name presslens "$PRESSLENS_WASM_OUT"
  echo '*' >"$out/.gitignore"
  local raw sum
  raw=$(wc -c <"$out/presslens_bg.wasm")
  sum=$(sha256sum <"$out/presslens_bg.wasm")
  if [[ $sum == "$opt_raw_sum" ]]; then
    cp "$opt_done" "$out/presslens_bg.wasm"
  else
    "$wasm_opt" --duplicate-function-elimination --merge-similar-functions -O3 \
      --always-inline-max-function-size=20 --converge \
      --strip-producers "$out/presslens_bg.wasm" -o "$out/presslens_bg.wasm"
    opt_raw_sum=$sum opt_done=$out/presslens_bg.wasm
  fi
  echo "build-wasm: $out/presslens_bg.wasm: $raw bytes from wasm-bindgen," \
    "$(wc -c <"$out/presslens_bg.wasm") after wasm-opt," \
    "$(gzip -9c "$out/presslens_bg.wasm" | wc -c) gzipped (-9)"
}

build_one web www/pkg
# The single-file page (dist/presslens.html) uses the no-modules glue: it runs in a classic
# blob: worker, which is what works from file://.
build_one no-modules target/pkg-nomodules
python3 scripts/build-single.py target/pkg-nomodules dist/presslens.html
echo "build-wasm: dist/presslens.html: $(wc -c <dist/presslens.html) bytes," \
  "$(gzip -9c dist/presslens.html | wc -c) gzipped (-9)"

# The served site: www/ with its JavaScript and CSS minified, in dist/www.
bash scripts/build-site.sh
# What a first visit downloads: every file the served page loads (dist/www).
page_files=$(find dist/www -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \) | sort)
page_gz=0
for f in $page_files; do page_gz=$((page_gz + $(gzip -9c "$f" | wc -c))); done
echo "build-wasm: page dist/www/: $(echo "$page_files" | wc -l) files, $page_gz bytes gzipped (-9, each file)"
