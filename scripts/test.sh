#!/usr/bin/env bash
# Runs every test of presslens, after installing what is missing (scripts/setup.sh):
#   1. cargo fmt --check                      4. wasm-pack test --headless --chrome (tests/web.rs)
#   2. cargo clippy --all-targets -D warnings 5. scripts/build-wasm.sh (www/pkg, dist/)
#   3. cargo test (native)                    6. Playwright e2e of the served page (tests/e2e/)
# and, after the wasm build, the size budget and wasm = native on every bench text and seed.
# Every step runs even when an earlier one failed (a failed build fails the steps that need it).
# Ends with one plain line "tests: N passed, N failed" counting the tests the runners report
# (steps 1, 2 and 5 count as one check each) and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

bash scripts/setup.sh

passed=0
failed=0
failed_steps=()
timings=()
logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT

# step NAME CMD...: runs CMD, echoing its output; returns its exit status.
step() {
  local name=$1
  shift
  echo "=== $name: $*"
  local began=$SECONDS
  set +e
  "$@" 2>&1 | tee "$logdir/$name.log"
  local status=${PIPESTATUS[0]}
  set -e
  timings+=("$name $((SECONDS - began)) s")
  return "$status"
}

# check NAME CMD...: a step that counts as one check.
check() {
  local name=$1
  if step "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failed_steps+=("$name")
  fi
}

# sum_counts WORD LOG: the sum of N over the cargo "test result:" lines' "N WORD" in LOG.
sum_counts() {
  { grep -E '^test result: ' "$2" || true; } | { grep -Eo "[0-9]+ $1" || true; } | awk '{ s += $1 } END { print s + 0 }'
}

# cargo_tests NAME CMD...: a step whose "test result: ... N passed; N failed" lines are summed.
cargo_tests() {
  local name=$1 status=0 p f
  step "$@" || status=$?
  p=$(sum_counts passed "$logdir/$name.log")
  f=$(sum_counts failed "$logdir/$name.log")
  passed=$((passed + p))
  failed=$((failed + f))
  if [[ $status -ne 0 ]]; then
    failed_steps+=("$name")
    # A build failure reports no failed test: count the step itself.
    [[ $f -gt 0 ]] || failed=$((failed + 1))
  elif [[ $p -eq 0 ]]; then
    echo "$name: ran no test" >&2
    failed=$((failed + 1))
    failed_steps+=("$name (no test ran)")
  fi
}

check fmt cargo fmt --check
check clippy cargo clippy --all-targets -- -D warnings
cargo_tests cargo-test cargo test
WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-90} \
  cargo_tests wasm-test wasm-pack test --headless --chrome --mode no-install -- --test web

if check build-wasm bash scripts/build-wasm.sh && [[ ${failed_steps[*]-} != *build-wasm* ]]; then
  check size-budget bash scripts/size-budget.sh
  check wasm-parity bash scripts/wasm-parity.sh
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  rm -f artifacts/e2e-results.json
  status=0
  PRESSLENS_E2E_PORT=$port step e2e npx --no-install playwright test || status=$?
  if [[ -f artifacts/e2e-results.json ]]; then
    read -r p f < <(node -e '
      const s = JSON.parse(require("fs").readFileSync("artifacts/e2e-results.json", "utf8")).stats;
      console.log(s.expected + s.flaky, s.unexpected);')
  else
    p=0 f=0
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  if [[ $status -ne 0 || $p -eq 0 ]]; then
    failed_steps+=("e2e")
    [[ $f -gt 0 ]] || failed=$((failed + 1))
  fi
else
  echo "e2e: skipped, the wasm build failed" >&2
  failed=$((failed + 1))
  failed_steps+=("e2e (not run)")
fi

echo
echo "test.sh: $((SECONDS - started)) s in all (${timings[*]/%/,})"
[[ ${#failed_steps[@]} -eq 0 ]] || echo "failed steps: ${failed_steps[*]}"
echo "tests: $passed passed, $failed failed"
[[ $failed -eq 0 && ${#failed_steps[@]} -eq 0 ]]
