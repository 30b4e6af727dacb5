// The shipped wasm must give the native results: runs the page's wasm build (www/pkg, the
// --target web glue, instantiated in Node from its bytes) on every text of a folder and compares
// `analyze_json` (what the page's worker calls) and `compare` of the five seeds with the native
// CLI's JSON of the same texts, written by scripts/wasm-parity.sh. Float math that differs by an
// ulp between the platforms' libm (a tree split of the line model sits on a feature value) shows
// here as a different line score, so every field is compared, reasons included.
//
//   node scripts/wasm-parity.mjs NATIVE_DIR TEXT_DIR...     (NATIVE_DIR/<stem>.json per text,
//                                                           NATIVE_DIR/compare-seeds.json)
// Prints one line per mismatching text (the first differing field) and a summary; exits 1 on any.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [nativeDir, ...textDirs] = process.argv.slice(2);
if (!nativeDir || textDirs.length === 0) {
  console.error('usage: node scripts/wasm-parity.mjs NATIVE_DIR TEXT_DIR...');
  process.exit(2);
}
const pkg = path.resolve('www/pkg');
const wasm = await import(pathToFileURL(path.join(pkg, 'presslens.js')).href);
wasm.initSync({ module: fs.readFileSync(path.join(pkg, 'presslens_bg.wasm')) });

/** The path of the first difference between two JSON values, or null when they are equal. */
function firstDifference(a, b, where = '') {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return `${where || '(root)'}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  if (a === null || typeof a !== 'object') {
    return a === b ? null : `${where}: ${JSON.stringify(a).slice(0, 80)} vs ${JSON.stringify(b).slice(0, 80)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(a[k], b[k], `${where}.${k}`);
    if (d) return d;
  }
  return null;
}

let checked = 0;
const mismatches = [];
const seeds = [];
for (const dir of textDirs) {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    if (dir.endsWith('seeds') || dir.endsWith('seeds/')) seeds.push(text);
    const stem = name.slice(0, -'.txt'.length);
    const native = JSON.parse(fs.readFileSync(path.join(nativeDir, `${stem}.json`), 'utf8'));
    const d = firstDifference(JSON.parse(wasm.analyze_json(text, undefined)), native);
    checked += 1;
    if (d) mismatches.push(`${name}: wasm vs native differ at ${d}`);
  }
}
const compareFile = path.join(nativeDir, 'compare-seeds.json');
if (seeds.length >= 2 && fs.existsSync(compareFile)) {
  const d = firstDifference(wasm.compare(seeds, undefined), JSON.parse(fs.readFileSync(compareFile, 'utf8')));
  checked += 1;
  if (d) mismatches.push(`compare of the seeds: wasm vs native differ at ${d}`);
}
for (const m of mismatches) console.log(m);
console.log(`wasm parity: ${checked - mismatches.length} of ${checked} results identical to native`);
process.exit(mismatches.length === 0 && checked > 0 ? 0 : 1);
