// Browser benchmark: in ONE headless Chromium run, times presslens's wasm `analyze` on the 111
// pasted texts of ../shared/bench/text and Mozilla Readability on the matching
// ../shared/bench/html/*.html.gz pages, parsed with DOMParser in the same page. Prints median and
// p95 ms per article for both and their ratio, as a Markdown table.
//
//   bash bench/browser/run.sh          (builds www/pkg with scripts/build-wasm.sh when missing)
//   PRESSLENS_PKG_DIR=DIR node bench/browser/bench.mjs    (another wasm-pack --target web build)
//
// Files are served to the page by Playwright's request routing from disk (no server, no
// network); the page is cross-origin isolated so performance.now() has fine resolution.
// presslens is timed as the page calls it: JS string in, JS object out (the shipped, optimized
// www/pkg build). Readability is timed two ways: DOMParser + Readability#parse (what it costs to
// get an article from HTML), and #parse alone on a freshly parsed document (parse untimed).
// Each article is timed `ROUNDS` times after one warm-up pass; its time is the median round.
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORIGIN, routedPage } from '../routed-chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const benchDir = resolve(process.env.PRESSLENS_BENCH_DIR || join(repo, '../shared/bench'));
const pkgDir = resolve(process.env.PRESSLENS_PKG_DIR || join(repo, 'www/pkg'));
const ROUNDS = Number(process.env.ROUNDS || 7);

const ids = readdirSync(join(benchDir, 'text'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

/** What the routed origin serves: path -> [body, content type]. */
function serve(path) {
  if (path === '/') {
    return ['<!doctype html><meta charset="utf-8"><title>bench</title>', 'text/html'];
  }
  if (path.startsWith('/pkg/')) {
    const file = join(pkgDir, path.slice(5));
    return [readFileSync(file), file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript'];
  }
  if (path === '/readability.js') {
    return [readFileSync(join(here, 'node_modules/@mozilla/readability/Readability.js')), 'text/javascript'];
  }
  let m = path.match(/^\/text\/([0-9a-f]+)$/);
  if (m) return [readFileSync(join(benchDir, 'text', `${m[1]}.txt`)), 'text/plain; charset=utf-8'];
  m = path.match(/^\/html\/([0-9a-f]+)$/);
  if (m) return [gunzipSync(readFileSync(join(benchDir, 'html', `${m[1]}.html.gz`))), 'text/plain; charset=utf-8'];
  return null;
}

// Cross-origin isolated, so performance.now() has fine resolution.
const { browser, page, refused } = await routedPage(serve, {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
});
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(`${ORIGIN}/`);

const result = await page.evaluate(async ({ ids, rounds }) => {
  const { default: init, analyze, analyze_json: analyzeJson } = await import('/pkg/presslens.js');
  await init();
  await new Promise((ok, fail) => {
    const s = document.createElement('script');
    s.src = '/readability.js';
    s.onload = ok;
    s.onerror = fail;
    document.head.append(s);
  });
  const fetchText = async (p) => (await fetch(p)).text();
  const texts = await Promise.all(ids.map((id) => fetchText(`/text/${id}`)));
  const htmls = await Promise.all(ids.map((id) => fetchText(`/html/${id}`)));
  const parse = (html) => new DOMParser().parseFromString(html, 'text/html');
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  let readabilityFailures = 0;
  let presslensBodies = 0;

  // Warm-up pass (JIT, wasm tier-up), not timed.
  for (let i = 0; i < ids.length; i++) {
    if (analyze(texts[i]).body.length > 0) presslensBodies++;
    if (analyzeJson) JSON.parse(analyzeJson(texts[i]));
    try {
      if (!new Readability(parse(htmls[i])).parse()) readabilityFailures++;
    } catch {
      readabilityFailures++;
    }
  }
  const presslens = [];
  const presslensJson = [];
  const presslensJsonString = [];
  const readabilityWithParse = [];
  const readabilityOnly = [];
  for (let i = 0; i < ids.length; i++) {
    const p = [];
    const pj = [];
    const ps = [];
    const rp = [];
    const r = [];
    for (let k = 0; k < rounds; k++) {
      let t = performance.now();
      analyze(texts[i]);
      p.push(performance.now() - t);

      if (analyzeJson) {
        t = performance.now();
        const json = analyzeJson(texts[i]);
        ps.push(performance.now() - t);
        JSON.parse(json);
        pj.push(performance.now() - t);
      }

      t = performance.now();
      try { new Readability(parse(htmls[i])).parse(); } catch { /* counted in warm-up */ }
      rp.push(performance.now() - t);

      const doc = parse(htmls[i]);
      t = performance.now();
      try { new Readability(doc).parse(); } catch { /* counted in warm-up */ }
      r.push(performance.now() - t);
    }
    presslens.push(median(p));
    if (analyzeJson) {
      presslensJson.push(median(pj));
      presslensJsonString.push(median(ps));
    }
    readabilityWithParse.push(median(rp));
    readabilityOnly.push(median(r));
  }
  return {
    presslens, presslensJson, presslensJsonString, readabilityWithParse, readabilityOnly, readabilityFailures, presslensBodies,
    textBytes: texts.reduce((s, t) => s + t.length, 0),
    htmlBytes: htmls.reduce((s, t) => s + t.length, 0),
    crossOriginIsolated: self.crossOriginIsolated,
    userAgent: navigator.userAgent,
  };
}, { ids, rounds: ROUNDS });
const version = browser.version();
await browser.close();

const sorted = (v) => [...v].sort((a, b) => a - b);
const q = (v, p) => sorted(v)[Math.min(v.length - 1, Math.ceil(v.length * p) - 1)];
const sum = (v) => v.reduce((s, x) => s + x, 0);
const row = (name, v) => `| ${name} | ${q(v, 0.5).toFixed(3)} | ${q(v, 0.95).toFixed(3)} | ${sum(v).toFixed(1)} |`;
const pm = q(result.presslens, 0.5);
console.log(`browser benchmark: ${ids.length} pages, Chromium ${version}, ${ROUNDS} rounds per page (median round), ` +
  `cross-origin isolated: ${result.crossOriginIsolated}`);
console.log(`inputs: ${(result.textBytes / 1e6).toFixed(2)} M chars of pasted text; ${(result.htmlBytes / 1e6).toFixed(2)} M chars of HTML`);
console.log('');
console.log('| per article | median ms | p95 ms | total ms (111 pages) |');
console.log('| --- | ---: | ---: | ---: |');
console.log(row('presslens `analyze` (wasm, text → JS object)', result.presslens));
if (result.presslensJson.length) {
  console.log(row('presslens `analyze_json` + `JSON.parse` (text → JSON string → object)', result.presslensJson));
  console.log(row('presslens `analyze_json` alone (text → JSON string)', result.presslensJsonString));
}
console.log(row('Readability: DOMParser + `parse()`', result.readabilityWithParse));
console.log(row('Readability: `parse()` alone', result.readabilityOnly));
console.log('');
const ratioWith = q(result.readabilityWithParse, 0.5) / pm;
const ratioOnly = q(result.readabilityOnly, 0.5) / pm;
console.log(`ratio of medians: Readability with parsing / presslens = ${ratioWith.toFixed(1)}×; ` +
  `Readability alone / presslens = ${ratioOnly.toFixed(1)}×`);
console.log(`presslens found a body on ${result.presslensBodies}/${ids.length} pages; ` +
  `Readability returned no article on ${result.readabilityFailures}; requests refused (not the bench's own files): ${refused()}`);
const ok = pm < 1 && ratioOnly >= 10;
console.log(`targets (presslens median < 1 ms, >= 10× faster than Readability alone): ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;
