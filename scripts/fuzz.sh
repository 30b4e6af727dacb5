#!/usr/bin/env bash
# Runs every fuzz target for a fixed time budget and prints the executions of each and in total.
# Not part of every CI run (it takes minutes); a soak step to run before a release and after
# changes to the classifier or extractors.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      # default 300 s, every target
#   FUZZ_MAX_LEN=N (default 4096) caps the input size libFuzzer generates.
#   FUZZ_PARALLEL=1 runs the targets at the same time (one process each) instead of in turn.
#   FUZZ_TIMEOUT=S (default 60) is the per-input time that counts as a hang: at nice 19 on a
#   loaded machine a 50 ms input was once starved past 10 s (a false timeout, 0.05 s alone).
#
# Needs the nightly toolchain and cargo-fuzz (installed from crates.io if missing). Runs at the
# lowest priority (nice 19): the machine is shared. Inputs found are kept in fuzz/corpus/ (not
# committed); the committed seeds are fuzz/seeds/<target>/. A crash leaves its input in
# fuzz/artifacts/<target>/ and makes this script exit non-zero: turn it into a regression test
# in tests/hostile.rs. Built in release without a sanitizer and without debug assertions
# (cargo-fuzz's defaults for -O; the crate is safe Rust, ASan would find nothing and costs 2-3x
# the speed): a panic, an out-of-bounds index, a broken output contract or a timeout
# (FUZZ_TIMEOUT) is a crash.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-300}"
shift || true
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz.sh: the nightly toolchain is missing (rustup toolchain install nightly)" >&2
  exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install --locked cargo-fuzz
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi

nice -n 19 cargo +nightly fuzz build -O -s none >/dev/null
log_dir="fuzz/artifacts/logs"
mkdir -p "$log_dir"

# run_one TARGET: fuzzes TARGET for $secs seconds; writes its log and a one-line result file.
run_one() {
  local t=$1 log="$log_dir/$1.log" start status runs
  mkdir -p "fuzz/corpus/$t"
  local seeds=()
  [ -d "fuzz/seeds/$t" ] && seeds=("fuzz/seeds/$t")
  start=$(date +%s)
  if nice -n 19 cargo +nightly fuzz run -O -s none "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
      -max_total_time="$secs" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then
    status=ok
  else
    status="CRASH (see $log and fuzz/artifacts/$t/)"
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  printf '%s %s %s\n' "${runs:-0}" "$(($(date +%s) - start))" "$status" >"$log_dir/$t.result"
}

if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  for t in "${targets[@]}"; do run_one "$t" & done
  wait
else
  for t in "${targets[@]}"; do run_one "$t"; done
fi

total=0
failed=0
for t in "${targets[@]}"; do
  read -r runs took status <"$log_dir/$t.result"
  total=$((total + runs))
  [ "$status" = ok ] || failed=1
  printf '%-22s %12d executions in %5d s  %s\n' "$t" "$runs" "$took" "$status"
done
printf '%-22s %12d executions\n' "total" "$total"
exit "$failed"
