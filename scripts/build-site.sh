#!/usr/bin/env bash
# Writes the served site, dist/www/ (git-ignored), from www/ (the readable source, one ES module
# per concern) with esbuild (npm, pinned in package-lock.json):
#   - app.js: the page's module graph (app.js and everything it imports) bundled into one
#     minified module;
#   - worker.js: the worker's graph (worker.js, worker-core.js, store.js and the wasm-bindgen glue
#     www/pkg/presslens.js) bundled into one minified module; the glue's unused exports are left
#     out;
#   - sw.js and style.css minified; index.html and pkg/presslens_bg.wasm copied;
#   - the service worker's file list (`const FILES` in sw.js) rewritten to the files written here,
#     so it stays exactly what the page loads (tests/e2e/offline.spec.mjs checks it).
# Bundling saves the per-file gzip overhead and repeated names of 17 small modules: 3.2 KB
# gzipped of 18.9 KB (README.md, "Size budget"). The module and worker URLs are unchanged
# (index.html loads app.js; app.js starts worker.js; worker.js fetches pkg/presslens_bg.wasm), so
# the CSP holds unchanged.
#
#   bash scripts/build-site.sh     # after scripts/build-wasm.sh (which runs it); ~1 s
#
# esbuild only joins modules, removes whitespace and comments and shortens local names; it never
# lowers syntax (target esnext).
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
"$esbuild" www/app.js www/worker.js --bundle --format=esm --minify --outdir="$out" \
  --log-level=warning
"$esbuild" www/sw.js www/style.css --minify --outdir="$out" --log-level=warning
cp www/index.html "$out/"
cp www/pkg/presslens_bg.wasm "$out/pkg/"

# The service worker caches exactly the files of the served site (and './', the page itself).
python3 - "$out" <<'PY'
import pathlib, re, sys
out = pathlib.Path(sys.argv[1])
files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != "sw.js")
sw = out / "sw.js"
src, n = re.subn(r"FILES\s*=\s*\[[^\]]*\]",
                 lambda m: "FILES=[" + ",".join(f'"{f}"' for f in ["./", *files]) + "]",
                 sw.read_text(), count=1)
if n != 1 or "presslens_bg.wasm" not in src:
    sys.exit("build-site: could not rewrite the file list of sw.js")
sw.write_text(src)
PY
