// The analysis side of the page, run inside a Web Worker so the page never blocks. The worker
// keeps the whole Analysis of the current text and hands the page only what it shows: a summary
// (every field but `lines`), then pages of lines on request. A 10 MB paste thus never crosses to
// the main thread in one piece. Protocol (page → worker → page):
//   { type: 'analyze', id, text, options, keep? } → { type: 'result', id, ms, summary } | { type: 'error', id, message }
//                                                   then, with keep = { docs, active }: { type: 'saved', dropped, chars }
//   { type: 'slice', id, view, from, count }     → { type: 'slice', id, view, from, items, total }
//   { type: 'find', id, needle }                 → { type: 'found', id, needle, lines }
//   { type: 'export', id, format }               → { type: 'export', id, format, text }
//   { type: 'save', docs, active }               → { type: 'saved', dropped }   (store.js; [] forgets)
//   { type: 'load' }                             → { type: 'loaded', saved }
//   { type: 'compare', texts, options }          → { type: 'compared', comparison }   (wasm compare)
// A large text may come first as { type: 'text-part', id, part } messages (in order), then the
// 'analyze' message with `text: null`: the text is the parts joined.
// Every request carries a `req` number that its answer repeats. `id` names the analysis; requests about an older one are answered with { type: 'stale', id }.
// `view` is 'lines' (every line) or 'article' (body and heading lines); `format` is 'json',
// 'markdown', 'text' (title + body) or 'body'.

import * as store from './store.js';

const FIRST_PAGE = 120;
const READING_HEAD = ['title', 'standfirst', 'byline', 'date'];
const MAX_FOUND = 5000;

/** Per-kind line counts, in first-seen order. */
function countKinds(lines) {
  const counts = new Map();
  for (const line of lines) counts.set(line.kind, (counts.get(line.kind) ?? 0) + 1);
  return [...counts];
}

/** The text of the first line of each reading-head kind (title, standfirst, byline, date). */
function firstLines(lines) {
  const first = {};
  for (const line of lines) {
    if (READING_HEAD.includes(line.kind) && !(line.kind in first) && line.text) {
      first[line.kind] = { line: line.line, text: line.text };
    }
  }
  return first;
}

/** Items per list field sent to the page (the side panel shows fewer; exports have them all). */
const MAX_FIELD_ITEMS = 100;
/** Items of a list inside a list item (an entity's `lines`) sent to the page. */
const MAX_NESTED_ITEMS = 1000;

/** A list item with its own lists shortened to MAX_NESTED_ITEMS. */
function trimItem(item) {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
  const out = {};
  for (const [key, value] of Object.entries(item)) out[key] = Array.isArray(value) ? value.slice(0, MAX_NESTED_ITEMS) : value;
  return out;
}

/**
 * What the page needs of an analysis, small whatever the paste's size: every field but `lines`
 * and `body` (lists cut to MAX_FIELD_ITEMS, their full lengths in `field_totals`), the body's
 * length, counts per kind, the first line of each head kind and the first page of each view.
 * Receiving a large structure costs the page's main thread as much as building it.
 */
function summarize(analysis, article) {
  const { lines, body, ...all } = analysis;
  const fields = {};
  const totals = {};
  for (const [key, value] of Object.entries(all)) {
    if (Array.isArray(value)) {
      fields[key] = value.slice(0, MAX_FIELD_ITEMS).map(trimItem);
      totals[key] = value.length;
    } else fields[key] = value;
  }
  return {
    fields,
    field_totals: totals,
    body_chars: body.length,
    line_count: lines.length,
    article_count: article.length,
    counts: countKinds(lines),
    first: firstLines(lines),
    lines_head: lines.slice(0, FIRST_PAGE),
    article_head: article.slice(0, FIRST_PAGE),
  };
}

function exportText(analysis, format, api) {
  switch (format) {
    case 'json':
      return `${JSON.stringify(analysis, null, 2)}\n`;
    case 'markdown':
      return api.to_markdown(analysis);
    case 'text':
      return `${analysis.title ? `${analysis.title}\n\n` : ''}${analysis.body}\n`;
    case 'body':
      return analysis.body;
    default:
      throw new Error(`unknown export format ${format}`);
  }
}

/** Lines whose text contains `needle`, case-insensitively (at most MAX_FOUND line numbers). */
function find(lines, needle) {
  const want = String(needle).toLocaleLowerCase();
  const found = [];
  if (!want) return found;
  for (const line of lines) {
    if (line.text.toLocaleLowerCase().includes(want)) {
      found.push(line.line);
      if (found.length >= MAX_FOUND) break;
    }
  }
  return found;
}

const message = (err) => String(err && err.message ? err.message : err);

/** Why the wasm module did not start; a compile error most likely means a browser without
 * WebAssembly SIMD (the module is built with it, scripts/wasm-env.sh), so say which suffice. */
const initMessage = (err) =>
  err instanceof WebAssembly.CompileError
    ? `${message(err)} (this browser cannot run the analyzer's WebAssembly: it needs Chrome or Edge 91, Firefox 89, Safari 16.4 or later)`
    : message(err);

/**
 * Answers the page's messages with `api` ({ analyze, to_markdown, compare } of the wasm glue) once
 * `ready` (the wasm instantiation) resolves. Posts { type: 'ready' } or { type: 'init-error' }.
 */
export function serve(api, ready) {
  let current = null; // { id, analysis, article }
  let parts = { id: null, list: [] }; // slices of a large text sent ahead of its 'analyze'
  ready.then(
    () => self.postMessage({ type: 'ready' }),
    (err) => self.postMessage({ type: 'init-error', message: initMessage(err) }),
  );
  self.onmessage = async (event) => {
    const msg = event.data;
    if (msg.type === 'text-part') {
      if (parts.id !== msg.id) parts = { id: msg.id, list: [] };
      parts.list.push(msg.part);
      return;
    }
    if (msg.type === 'analyze' && msg.text === null) {
      msg.text = parts.id === msg.id ? parts.list.join('') : '';
      parts = { id: null, list: [] };
    }
    try {
      if (msg.type === 'save') {
        const dropped = msg.docs.length ? await store.save(msg.docs, msg.active) : (await store.forget(), []);
        self.postMessage({ type: 'saved', req: msg.req, dropped });
        return;
      }
      if (msg.type === 'load') {
        self.postMessage({ type: 'loaded', req: msg.req, saved: await store.load() });
        return;
      }
      await ready;
      if (msg.type === 'compare') {
        const comparison = api.compare(msg.texts, msg.options);
        self.postMessage({ type: 'compared', req: msg.req, comparison });
        return;
      }
      if (msg.type === 'analyze') {
        current = null;
        const started = performance.now();
        const analysis = api.analyze(msg.text, msg.options);
        const article = analysis.lines.filter((l) => (l.kind === 'body' || l.kind === 'heading') && l.text);
        current = { id: msg.id, analysis, article };
        self.postMessage({ type: 'result', req: msg.req, id: msg.id, ms: performance.now() - started, summary: summarize(analysis, article) });
        if (msg.keep) {
          // The page sends the active document's text (and hints) only once, in the request.
          const hints = msg.options?.hints;
          const docs = msg.keep.docs.map((d) => (d.text !== null ? d : hints ? { name: d.name, text: msg.text, hints } : { name: d.name, text: msg.text }));
          const dropped = await store.save(docs, msg.keep.active);
          const chars = docs.reduce((n, d) => n + d.text.length, 0);
          self.postMessage({ type: 'saved', dropped, chars });
        }
        return;
      }
      if (!current || current.id !== msg.id) {
        self.postMessage({ type: 'stale', req: msg.req, id: msg.id, request: msg.type });
        return;
      }
      if (msg.type === 'slice') {
        const all = msg.view === 'article' ? current.article : current.analysis.lines;
        const items = all.slice(msg.from, msg.from + msg.count);
        self.postMessage({ type: 'slice', req: msg.req, id: msg.id, view: msg.view, from: msg.from, items, total: all.length });
      } else if (msg.type === 'find') {
        self.postMessage({ type: 'found', req: msg.req, id: msg.id, needle: msg.needle, lines: find(current.analysis.lines, msg.needle) });
      } else if (msg.type === 'export') {
        self.postMessage({ type: 'export', req: msg.req, id: msg.id, format: msg.format, text: exportText(current.analysis, msg.format, api) });
      }
    } catch (err) {
      self.postMessage({ type: 'error', req: msg.req, id: msg.id, request: msg.type, message: message(err) });
    }
  };
}
