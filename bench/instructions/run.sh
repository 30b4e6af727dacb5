#!/usr/bin/env bash
# Instructions per pass over the 111 benchmark texts, counted by valgrind (callgrind): a measure
# that does not move with the load of a shared machine, for comparing two versions of the code.
# The speed figures in commit messages and README.md ("Instructions") come from it.
#
#   bash bench/instructions/run.sh wasm [PKG_DIR]   the page's wasm (www/pkg unless PKG_DIR) in
#                                                   Node, `analyze_json` of every text
#   bash bench/instructions/run.sh native           the native release build, `analyze` + JSON
#                                                   (examples/analyze_all.rs), with the stages
#
# Set REFERENCE_DATE=YYYY-MM-DD to measure the dated path (what the page runs). Needs valgrind
# (`apt-get install valgrind`). Slow: about 1.5 min (wasm) and 30 s (native) on this machine.
#
# wasm: Node runs with --predictable --no-liftoff --no-wasm-tier-up (one thread, the optimizing
# compiler from the start, no background tier-up), which makes the count repeatable to about
# 0.001 %; with the default tiering two runs of one build differed by up to 8 %. A run of one
# pass is subtracted from a run of two, so module compilation and Node's start do not count.
set -euo pipefail
cd "$(dirname "$0")/../.."
texts=${TEXTS:-../shared/bench/text}
what=${1:-}
if ! command -v valgrind >/dev/null; then
  echo "instructions: valgrind is missing (apt-get install valgrind)" >&2
  exit 1
fi
count() { # count CMD...: instructions valgrind collected running CMD
  valgrind --tool=callgrind --callgrind-out-file="${CG_OUT:-/dev/null}" "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
case $what in
  wasm)
    pkg=${2:-www/pkg}
    [[ -f $pkg/presslens_bg.wasm ]] || bash scripts/build-wasm.sh
    node_flags=(--single-threaded --predictable --no-liftoff --no-wasm-tier-up)
    one=$(count node "${node_flags[@]}" bench/instructions/wasm-run.mjs "$texts" 1 "$pkg" ${REFERENCE_DATE:-})
    two=$(count node "${node_flags[@]}" bench/instructions/wasm-run.mjs "$texts" 2 "$pkg" ${REFERENCE_DATE:-})
    gz=$(gzip -9c "$pkg/presslens_bg.wasm" | wc -c)
    python3 -c "print(f'wasm ($pkg, {$gz:,} B gzipped): {($two - $one) / 1e9:.3f} G instructions per pass over the texts of $texts')"
    ;;
  native)
    cargo build --release --quiet --example analyze_all
    out=$(mktemp /tmp/presslens-callgrind.XXXXXX)
    total=$(CG_OUT=$out count target/release/examples/analyze_all "$texts" 1 ${REFERENCE_DATE:-})
    python3 -c "print(f'native: {$total / 1e6:,.1f} M instructions for one pass over the texts of $texts (program start included)')"
    # Inclusive counts of the stages and their biggest parts (callgrind_annotate's --inclusive
    # view; functions inlined into their caller do not show).
    stages='clean::clean_lines_with|clean::measure_lines|meta::extract|meta::page::Page::new|meta::title::choose|facts::Facts::from_lines|entities::extract_in_windows|figures::extract|summary::extract|keywords::word_weights'
    callgrind_annotate --inclusive=yes "$out" 2>/dev/null |
      grep -E ":presslens::($stages) \\[" | sed -E 's/^ *([0-9,]+) +\(([ 0-9.]+)%\) +[^:]*:presslens::([^ ]+).*/  \1 M  \3/' |
      awk '{ gsub(",", "", $1); printf "  %9.1f M  %s\n", $1 / 1e6, $3 }'
    echo "(all functions: callgrind_annotate --inclusive=yes $out)"
    ;;
  *)
    echo "usage: bash bench/instructions/run.sh wasm [PKG_DIR] | native" >&2
    exit 2
    ;;
esac
