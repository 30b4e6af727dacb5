#!/usr/bin/env bash
# Installs what building and testing presslens needs, and only what is missing:
#   - the rustup target wasm32-unknown-unknown;
#   - the pinned nightly toolchain of the size-tuned wasm build (scripts/wasm-env.sh) with rust-src,
#     with rustup (minimal profile; std is rebuilt from rust-src, so no wasm32 std is needed);
#   - wasm-bindgen-cli (same version as the wasm-bindgen crate in Cargo.lock) and wasm-pack,
#     with `cargo install --locked` from crates.io;
#   - Debian's chromium and chromium-driver (headless browser tests), with apt-get;
#   - the npm packages of package-lock.json (Playwright, binaryen's wasm-opt, esbuild, axe-core),
#     with `npm ci`.
# Idempotent and silent when everything is already there. Needs rustup/cargo, node/npm, python3.
# Browsers are never downloaded by npm (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD): Playwright runs the
# system chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
say() { echo "setup: $*" >&2; }
die() { say "$*"; exit 1; }

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed; install it first (see README.md)."
done

# --- Rust target -----------------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- pinned nightly for the wasm build (scripts/build-wasm.sh) --------------------------------
wasm_toolchain=$(source scripts/wasm-env.sh && echo "$PRESSLENS_WASM_TOOLCHAIN")
if ! rustup component list --toolchain "$wasm_toolchain" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing the $wasm_toolchain toolchain with rust-src (about a minute)"
  rustup toolchain install "$wasm_toolchain" --profile minimal --component rust-src
fi

# --- wasm-bindgen-cli: must equal the wasm-bindgen crate version that Cargo.lock resolved -----
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n $bindgen_version ]] || die "cannot read the wasm-bindgen version from Cargo.lock"
installed_version() { # installed_version BINARY -> prints its version number, or nothing
  command -v "$1" >/dev/null && "$1" --version 2>/dev/null | awk '{ print $2; exit }' || true
}
if [[ $(installed_version wasm-bindgen) != "$bindgen_version" ]]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  cargo install --quiet --locked --force wasm-bindgen-cli --version "$bindgen_version"
fi
if [[ $(installed_version wasm-pack) != "$WASM_PACK_VERSION" ]]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install --quiet --locked --force wasm-pack --version "$WASM_PACK_VERSION"
fi

# --- Debian chromium + chromedriver ----------------------------------------------------------
if [[ ! -x /usr/bin/chromium ]] || ! command -v chromedriver >/dev/null; then
  command -v apt-get >/dev/null || die "chromium/chromedriver are missing and apt-get is not available"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  apt_install() {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      chromium chromium-driver
  }
  say "installing chromium and chromium-driver with apt-get"
  "${sudo[@]}" apt-get update -q
  # An install that races another apt run can die half-way; the second try completes it.
  apt_install || { say "apt-get install failed; retrying once"; sleep 5; apt_install; }
fi

# --- npm packages from the committed lockfile -------------------------------------------------
# node_modules is stale when the lockfile changed since the last `npm ci` here (stamp file), or
# when a tool the scripts call is missing.
lock_sum=$(sha256sum <package-lock.json)
if [[ ! -x node_modules/.bin/playwright || ! -x node_modules/.bin/wasm-opt || ! -x node_modules/.bin/esbuild ]] \
  || [[ $(cat node_modules/.presslens-lock 2>/dev/null || true) != "$lock_sum" ]]; then
  say "installing npm packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error 2>&1 \
    | { grep -v 'Unknown user config' || true; } >&2
  [[ -x node_modules/.bin/playwright ]] || die "npm ci failed"
  echo "$lock_sum" >node_modules/.presslens-lock
fi
