#!/usr/bin/env python3
"""Builds dist/presslens.html: the page as one self-contained file that works from file://.

    python3 scripts/build-single.py PKG_NOMODULES_DIR OUT_HTML

Inputs: www/ (index.html, style.css, the ES modules) and a wasm-pack `--target no-modules` build
(PKG_NOMODULES_DIR/presslens.js + presslens_bg.wasm). The page's modules are bundled into one
inline module script, each module wrapped in its own function scope (imports become lookups in
the exporting module's object), so names never collide. The worker is worker-core.js + store.js
+ the no-modules glue, run as a classic Web Worker from a Blob URL; the page posts it the wasm
bytes (base64 in the file). The file's Content-Security-Policy allows exactly its own inline
scripts and style (by SHA-256 hash), blob: workers and wasm compilation, and no network at all.

Module convention this bundler relies on (checked, the build fails otherwise): imports are
`import { a, b as c } from './x.js';` or `import * as x from './x.js';` on one line; exports are
`export function|async function|class|const|let NAME`.
"""
import base64
import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WWW = ROOT / "www"

IMPORT_RE = re.compile(r"^import\s+(?:\{([^}]*)\}|\*\s+as\s+(\w+))\s+from\s+'\./([\w-]+)\.js';\s*$", re.M)
EXPORT_RE = re.compile(r"^export\s+((?:async\s+)?function\*?|class|const|let)\s+(\w+)", re.M)
ANY_IMPORT_RE = re.compile(r"^\s*import\b(?!\.meta|\()", re.M)
ANY_EXPORT_RE = re.compile(r"^\s*export\b", re.M)


def fail(message):
    sys.exit(f"build-single: {message}")


def module_var(name):
    return "__m_" + name.replace("-", "_")


def wrap_module(name, source):
    """One module as `const __m_name = (() => { ...; return { exports }; })();` plus its deps."""
    deps = []

    def replace_import(match):
        names, star, dep = match.groups()
        deps.append(dep)
        if star:
            return f"const {star} = {module_var(dep)};"
        parts = []
        for item in names.split(","):
            item = item.strip()
            if not item:
                continue
            pieces = item.split()
            if len(pieces) == 3 and pieces[1] == "as":
                parts.append(f"{pieces[0]}: {pieces[2]}")
            elif len(pieces) == 1:
                parts.append(pieces[0])
            else:
                fail(f"{name}.js: cannot read import item {item!r}")
        return f"const {{ {', '.join(parts)} }} = {module_var(dep)};"

    body = IMPORT_RE.sub(replace_import, source)
    if ANY_IMPORT_RE.search(body):
        fail(f"{name}.js: an import this bundler cannot read: {ANY_IMPORT_RE.search(body).group(0)!r}")
    exports = [m.group(2) for m in EXPORT_RE.finditer(body)]
    body = EXPORT_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}", body)
    if ANY_EXPORT_RE.search(body):
        fail(f"{name}.js: an export this bundler cannot read")
    wrapped = f"const {module_var(name)} = (() => {{\n{body}\nreturn {{ {', '.join(exports)} }};\n}})();\n"
    return wrapped, deps


def bundle(entry):
    """The modules reachable from `entry` (a name in www/), dependencies first."""
    ordered, seen = [], set()

    def visit(name, stack):
        if name in stack:
            fail(f"import cycle: {' -> '.join(stack + [name])}")
        if name in seen:
            return
        source = (WWW / f"{name}.js").read_text(encoding="utf-8")
        wrapped, deps = wrap_module(name, source)
        for dep in deps:
            visit(dep, stack + [name])
        seen.add(name)
        ordered.append(wrapped)

    visit(entry, [])
    return "\n".join(ordered)


def safe_in_script(text):
    """Text that cannot close the <script> element it sits in."""
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.I)


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def main():
    if len(sys.argv) != 3:
        fail("usage: build-single.py PKG_NOMODULES_DIR OUT_HTML")
    pkg, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    glue = (pkg / "presslens.js").read_text(encoding="utf-8")
    wasm = (pkg / "presslens_bg.wasm").read_bytes()

    worker_src = "\n".join([
        glue,
        bundle("worker-core"),
        """// Single-file bootstrap: the page's first message carries the wasm bytes.
let readyResolve, readyReject;
const ready = new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; });
__m_worker_core.serve({
  analyze: (text, options) => JSON.parse(wasm_bindgen.analyze_json(text, options)),
  to_markdown: (analysis) => wasm_bindgen.to_markdown(analysis),
  compare: (texts, options) => wasm_bindgen.compare(texts, options),
}, ready);
const serveMessage = self.onmessage;
self.onmessage = (event) => {
  if (event.data && event.data.type === 'wasm') {
    try { wasm_bindgen.initSync({ module: event.data.bytes }); readyResolve(); } catch (err) { readyReject(err); }
    self.onmessage = serveMessage;
  } else serveMessage(event);
};
""",
    ])

    factory = """// Single-file build: the analysis worker runs from a Blob URL, the wasm comes from base64.
globalThis.presslensCreateWorker = () => {
  const source = document.getElementById('presslens-worker-source').textContent;
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  const base64 = document.getElementById('presslens-wasm').textContent.trim();
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  worker.postMessage({ type: 'wasm', bytes }, [bytes.buffer]);
  return worker;
};"""
    app = bundle("app")
    style = (WWW / "style.css").read_text(encoding="utf-8")

    html = (WWW / "index.html").read_text(encoding="utf-8")
    csp = ("default-src 'none'; "
           f"script-src {sha256(factory)} {sha256(app)} 'wasm-unsafe-eval'; "
           f"style-src {sha256(style)}; worker-src blob:; img-src data:; "
           "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
    html, n = re.subn(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")',
                      lambda m: m.group(1) + csp + m.group(2), html)
    if n != 1:
        fail("index.html has no Content-Security-Policy meta tag")
    html, n = re.subn(r'<link rel="stylesheet" href="style.css">', lambda m: f"<style>{style}</style>", html)
    if n != 1:
        fail("index.html does not link style.css")
    html, n = re.subn(r"<!--APP-->.*?<!--/APP-->",
                      lambda m: f"<script>{safe_in_script(factory)}</script>\n"
                                f"<script type=\"module\">{safe_in_script(app)}</script>",
                      html, flags=re.S)
    if n != 1:
        fail("index.html has no <!--APP-->...<!--/APP--> block")
    payload = (f'<script type="text/plain" id="presslens-worker-source">{safe_in_script(worker_src)}</script>\n'
               f'<script type="text/plain" id="presslens-wasm">{base64.b64encode(wasm).decode()}</script>\n')
    html, n = re.subn(r"</body>", lambda m: payload + "</body>", html)
    if n != 1:
        fail("index.html has no </body>")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
