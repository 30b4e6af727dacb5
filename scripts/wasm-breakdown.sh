#!/usr/bin/env bash
# Prints what each crate adds to the wasm module (the table in README.md, "Size budget").
#
#   bash scripts/wasm-breakdown.sh
#
# Builds the library for wasm32 with the size settings of scripts/build-wasm.sh (both use
# scripts/wasm-env.sh, so the two never disagree), keeps the function-name section,
# and groups twiggy's per-item sizes by the crate each function comes from (the first path
# segment of its demangled name; a trait impl `<T as Trait>` counts for T's crate; generic code
# counts for the crate whose name it carries). Sizes are before wasm-bindgen and wasm-opt -Oz,
# which shrink the module further; the shares carry over. Needs twiggy (cargo install twiggy).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v twiggy >/dev/null || cargo install --locked --quiet twiggy
source scripts/wasm-env.sh
wasm_cargo_build
wasm=$PRESSLENS_WASM_OUT
twiggy top -n 1000000 --format json "$wasm" | WASM="$wasm" python3 -c '
import json, os, re, sys
wasm = os.environ["WASM"]
items = json.load(sys.stdin)
groups, meta = {}, 0
for it in items:
    name, size = it["name"], it["shallow_size"]
    if name.startswith("custom section") or "subsection" in name or re.search(
        r"__wbindgen_describe|wasm_bindgen(\[\w+\])?::describe|WasmDescribe|__wbindgen_placeholder__", name
    ):
        meta += size  # names and wasm-bindgen descriptors: not shipped
        continue
    if name.startswith("data segment") or name.startswith("data["):
        key = "data (.rodata: word lists, strings, Unicode tables)"
    else:
        n = name.lstrip("<&* ").removeprefix("dyn ").removeprefix("mut ")
        m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", n)
        key = m.group(0) if m and "::" in n else None
        if key in ("str", "char", "u8", "u16", "u32", "u64", "usize", "i32", "i64", "f32", "f64", "bool"):
            key = "core"
        if key in ("T", "import") or key is None:
            key = "(generic glue, imports, tables)"
    groups[key] = groups.get(key, 0) + size
total = sum(groups.values())
print(f"{wasm}: {total + meta:,} bytes, of which {meta:,} are names/descriptors removed before shipping")
print(f"| crate | bytes | share |")
print(f"| --- | ---: | ---: |")
for k, v in sorted(groups.items(), key=lambda kv: -kv[1]):
    if v * 1000 >= total * 5:
        print(f"| {k} | {v:,} | {100 * v / total:.1f} % |")
rest = sum(v for v in groups.values() if v * 1000 < total * 5)
print(f"| everything else (< 0.5 % each) | {rest:,} | {100 * rest / total:.1f} % |")
print(f"| total (shipped code and data, before wasm-opt) | {total:,} | 100 % |")
'
