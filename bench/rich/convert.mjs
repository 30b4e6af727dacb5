// Converts the benchmark's HTML pages (../shared/bench/html/<id>.html.gz) with the page's own
// www/rich.js (htmlToLines) in headless Chromium, as a rich paste would be converted, and writes
// target/rich/<id>.json = { text, hints } for the Rust bench (`bench --only rich`, `bench train-rich`).
//
//   bash bench/rich/run.sh                        (convert, then the Rust bench's rich figures)
//   node bench/rich/convert.mjs [OUT_DIR]         (convert only; default target/rich)
//
// The files are served to the page by Playwright's request routing from disk: nothing listens,
// no request leaves the machine (the pages' own images, scripts and styles are never requested
// since the HTML is only parsed with DOMParser; any other request is refused and counted).
// The bench HTML is the whole page while a real rich paste carries the selection's HTML: the
// whole page is the stand-in for a select-all copy.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORIGIN, routedPage } from '../routed-chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const benchDir = resolve(process.env.PRESSLENS_BENCH_DIR || join(repo, '../shared/bench'));
const outDir = resolve(process.argv[2] || join(repo, 'target/rich'));

const ids = readdirSync(join(benchDir, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.slice(0, -'.html.gz'.length))
  .sort();

function serve(path) {
  if (path === '/') return ['<!doctype html><meta charset="utf-8"><title>rich bench</title>', 'text/html'];
  const m = path.match(/^\/(rich|rich-words)\.js$/);
  if (m) return [readFileSync(join(repo, 'www', `${m[1]}.js`)), 'text/javascript'];
  return null;
}

const { browser, page, refused } = await routedPage(serve);
let errors = 0;
try {
  page.on('pageerror', (e) => {
    errors += 1;
    console.error('pageerror:', e.message);
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(async () => {
    globalThis.rich = await import('/rich.js');
  });
  mkdirSync(outDir, { recursive: true });
  let lines = 0;
  for (const id of ids) {
    const html = new TextDecoder('utf-8').decode(gunzipSync(readFileSync(join(benchDir, 'html', `${id}.html.gz`))));
    const out = await page.evaluate((h) => globalThis.rich.htmlToLines(h), html);
    lines += out.lines.length;
    writeFileSync(join(outDir, `${id}.json`), JSON.stringify({ text: out.lines.join('\n'), hints: out.hints.join('\n') }));
  }
  console.log(`rich conversion: ${ids.length} pages, ${lines} lines → ${outDir} (Chromium ${browser.version()}; requests refused: ${refused()})`);
} finally {
  await browser.close();
}
if (errors || refused()) process.exitCode = 1;
