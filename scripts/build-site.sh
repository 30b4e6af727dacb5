#!/usr/bin/env bash
# Writes the served site, dist/www/ (git-ignored): www/ as it is, with every JavaScript file
# (the page's modules, the worker, the service worker, the wasm-bindgen glue in www/pkg) and
# style.css minified by esbuild, file by file (no bundling: the same files, names and module
# graph, so the service worker's list and the CSP hold unchanged). www/ stays the readable
# source; dist/www is what scripts/serve.sh, the e2e tests and scripts/size-budget.sh use.
#
#   bash scripts/build-site.sh     # after scripts/build-wasm.sh (which runs it); ~1 s
#
# esbuild (npm, pinned in package-lock.json) only removes whitespace and comments and shortens
# local names; it never lowers syntax (target esnext). Saved 11.4 KB gzipped of 31 KB.
set -euo pipefail
cd "$(dirname "$0")/.."

esbuild=node_modules/.bin/esbuild
if [[ ! -x $esbuild ]]; then
  echo "build-site: $esbuild is missing; run: bash scripts/setup.sh" >&2
  exit 1
fi
if [[ ! -f www/pkg/presslens_bg.wasm ]]; then
  echo "build-site: www/pkg is missing; run: bash scripts/build-wasm.sh" >&2
  exit 1
fi

out=dist/www
rm -rf "$out"
mkdir -p "$out/pkg"
"$esbuild" www/*.js www/pkg/presslens.js www/style.css --minify --outbase=www --outdir="$out" \
  --log-level=warning
cp www/index.html "$out/"
cp www/pkg/presslens_bg.wasm "$out/pkg/"

# Every file the page can load is there (a new kind of file in www/ must be handled above).
missing=$(cd www && find . -type f ! -name '*.d.ts' ! -name '.*' | while read -r f; do
  [[ -f ../$out/$f ]] || echo "$f"
done)
if [[ -n $missing ]]; then
  echo "build-site: not copied to $out: $missing" >&2
  exit 1
fi
