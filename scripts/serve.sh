#!/usr/bin/env bash
# Sets up what is missing, builds the wasm into www/pkg/ and the site into dist/www/ (www/ with
# its JavaScript and CSS minified), and serves that at
# http://127.0.0.1:PORT/ (PORT defaults to 8080: `PORT=9000 bash scripts/serve.sh`).
# Only the page's own files are served, on the loopback address. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}

bash scripts/setup.sh
bash scripts/build-wasm.sh
echo "presslens: serving http://127.0.0.1:$PORT/ (Ctrl+C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist/www
