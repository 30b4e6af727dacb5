#!/usr/bin/env bash
# Runs every fuzz target for a fixed time budget and prints the executions of each and in total.
# Not part of every CI run (it takes minutes); a soak step to run before a release and after
# changes to the classifier or extractors.
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      # default 300 s, every target
#   FUZZ_MAX_LEN=N (default 4096) caps the input size libFuzzer generates.
#
# Needs the nightly toolchain and cargo-fuzz (installed from crates.io if missing). Runs at the
# lowest priority (nice 19): the machine is shared. Inputs found are kept in fuzz/corpus/ (not
# committed); the committed seeds are fuzz/seeds/<target>/. A crash leaves its input in
# fuzz/artifacts/<target>/ and makes this script exit non-zero: turn it into a regression test
# in tests/hostile.rs. Built without a sanitizer (the crate is safe Rust; ASan would find
# nothing and costs 2-3x the speed) but with debug assertions (overflow checks) on.
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
total=0
failed=0
log_dir="fuzz/artifacts/logs"
mkdir -p "$log_dir"
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  seeds=()
  [ -d "fuzz/seeds/$t" ] && seeds=("fuzz/seeds/$t")
  log="$log_dir/$t.log"
  start=$(date +%s)
  if nice -n 19 cargo +nightly fuzz run -O -s none "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
      -max_total_time="$secs" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$log" 2>&1; then
    status=ok
  else
    status="CRASH (see $log and fuzz/artifacts/$t/)"
    failed=1
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  printf '%-22s %12d executions in %5d s  %s\n' "$t" "$runs" "$(( $(date +%s) - start ))" "$status"
done
printf '%-22s %12d executions\n' "total" "$total"
exit "$failed"
