// Runs the page's wasm build (www/pkg, or PKG_DIR) in Node on every text of a folder, PASSES
// times, through `analyze_json` (what the page's worker calls): the workload
// bench/instructions/run.sh counts instructions of.
//
//   node bench/instructions/wasm-run.mjs TEXT_DIR PASSES [PKG_DIR] [REFERENCE_DATE]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, passesArg, pkgArg, referenceDate] = process.argv.slice(2);
const passes = Number(passesArg);
if (!dir || !Number.isInteger(passes) || passes < 0) {
  console.error('usage: node bench/instructions/wasm-run.mjs TEXT_DIR PASSES [PKG_DIR] [REFERENCE_DATE]');
  process.exit(2);
}
const pkg = path.resolve(pkgArg || 'www/pkg');
const wasm = await import(pathToFileURL(path.join(pkg, 'presslens.js')).href);
wasm.initSync({ module: fs.readFileSync(path.join(pkg, 'presslens_bg.wasm')) });
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const options = referenceDate ? { reference_date: referenceDate } : undefined;
let bytes = 0;
for (let p = 0; p < passes; p++) for (const t of texts) bytes += wasm.analyze_json(t, options).length;
console.error(`wasm-run: ${texts.length} texts x ${passes} passes, ${bytes} chars of JSON`);
