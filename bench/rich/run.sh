#!/usr/bin/env bash
# The rich-paste benchmark: converts the 111 benchmark HTML pages with the page's own www/rich.js
# in headless Chromium (bench/rich/convert.mjs → target/rich/<id>.json), then prints body F1 of
# the rich path next to the plain paste, in-sample and 5-fold cross-validated
# (`bench --only rich`).
#   bash bench/rich/run.sh            convert + figures
#   bash bench/rich/run.sh --train    convert + retrain data/model/lines_rich.tsv + figures
#   BENCH_ARGS="--no-cv" bash bench/rich/run.sh     extra bench options
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/setup.sh
node bench/rich/convert.mjs target/rich
if [[ ${1-} == --train ]]; then
  cargo run --quiet --release --bin bench -- train-rich ../shared/bench --rich-dir target/rich
fi
# shellcheck disable=SC2086
exec cargo run --quiet --release --bin bench -- ../shared/bench --only rich --rich-dir target/rich ${BENCH_ARGS-}
