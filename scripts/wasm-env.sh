# Size settings of the shipped wasm build, sourced by scripts/build-wasm.sh (the page's build),
# scripts/wasm-breakdown.sh (the README's per-crate table) and scripts/setup.sh (which installs
# the pinned toolchain), so the three never disagree. Defines variables and one function; sets
# nothing in the environment.
#
# The native release build (CLI, bench) is tuned for speed in Cargo.toml; the wasm build is tuned
# for size here, for this build only. What each setting saved is in README.md, "Size budget":
#   - a pinned nightly with `-Z build-std` rebuilds std/core/alloc with the crate's settings, with
#     the `optimize_for_size` std feature (compact sort, formatting and string code instead of the
#     speed-tuned ones) and the `immediate-abort` panic strategy (a panic traps at once: no panic
#     messages, locations or formatting machinery in the module; presslens never panics, and
#     under panic=abort a panic already ended in a trap, after a console message);
#   - opt-level "z" with LLVM's inline threshold raised to 75 (opt-level "s"'s; plain "z" is 8 KB
#     gzipped smaller but 20 % slower);
#   - LTO, one codegen unit;
#   - WebAssembly SIMD (`+simd128`: memchr's and LLVM's vector code for byte scans): 1.1 KB
#     gzipped smaller and 1 % fewer instructions; every browser since 2023 runs it (Chrome 91,
#     Firefox 89, Safari 16.4), and www/worker-core.js names them if the module fails to compile.
# Pinned because `-Z` flags change between nightlies. The name is the rustup channel of rustc
# 1.97.0-nightly (e50aa6fba 2026-05-19); setup.sh installs it (minimal profile + rust-src, ~1 min)
# unless a toolchain with that exact compiler and rust-src is already there.
# The base image's own `nightly` is this very compiler; it is used as is when it has rust-src, so
# a machine that has it needs no download.
PRESSLENS_WASM_PINNED=nightly-2026-05-20
PRESSLENS_WASM_RUSTC='rustc 1.97.0-nightly (e50aa6fba 2026-05-19)'
PRESSLENS_WASM_TOOLCHAIN=$PRESSLENS_WASM_PINNED
for _toolchain in "$PRESSLENS_WASM_PINNED" nightly; do
  if [[ "$(RUSTUP_AUTO_INSTALL=0 rustc "+$_toolchain" -V 2>/dev/null)" == "$PRESSLENS_WASM_RUSTC" ]] &&
    rustup component list --toolchain "$_toolchain" --installed 2>/dev/null | grep -q '^rust-src'; then
    PRESSLENS_WASM_TOOLCHAIN=$_toolchain
    break
  fi
done
unset _toolchain
PRESSLENS_WASM_TARGET_DIR=target/wasm-size
PRESSLENS_WASM_OUT=$PRESSLENS_WASM_TARGET_DIR/wasm32-unknown-unknown/release/presslens.wasm

# wasm_cargo_build [CARGO_BUILD_ARGS...]: builds the library for wasm32 with these settings into
# $PRESSLENS_WASM_OUT, in its own target dir (a different compiler would otherwise invalidate the
# stable builds in target/). RUSTFLAGS with --target apply to the wasm crates only, never to build
# scripts or proc macros.
wasm_cargo_build() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
    CARGO_PROFILE_RELEASE_LTO=true \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
    CARGO_PROFILE_RELEASE_PANIC=abort \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Cllvm-args=-inline-threshold=75 -Ctarget-feature=+simd128" \
    cargo "+$PRESSLENS_WASM_TOOLCHAIN" build --quiet --lib --release \
    --target wasm32-unknown-unknown --target-dir "$PRESSLENS_WASM_TARGET_DIR" \
    -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size "$@"
}
