// The page's wiring: input → worker (wasm analyze) → render. State for tests and styles is in
// #result[data-state]: loading → ready → (pending while typing) → working → done | error, and
// "empty" for a blank input. #result[data-chars] is the length of the text last shown.
import { copyText, download, fileStem } from './exports.js';
import { renderArticle, renderLegend, renderLines } from './render.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const status = $('status');
const result = $('result');
const titleEl = $('title');
const copyButton = $('copy-text');
const jsonButton = $('download-json');

const TYPING_DELAY_MS = 300;

let current = null; // the Analysis shown
let workerReady = false;
let busy = false; // a request is in the worker
let queued = null; // the latest text waiting for the worker
let lastId = 0;
let typingTimer = 0;
let sentChars = 0; // length of the text in the worker

function setState(state, message) {
  result.dataset.state = state;
  if (message !== undefined) status.textContent = message;
}

/** Today's local date as YYYY-MM-DD: the core is pure, so "today" comes in the options. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

worker.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'ready') {
    workerReady = true;
    setState('ready', 'Ready. Paste a page.');
    if (input.value) request(input.value);
  } else if (msg.type === 'init-error') {
    setState('error', `The analyzer could not start: ${msg.message}`);
  } else if (msg.type === 'result' || msg.type === 'error') {
    busy = false;
    if (msg.id === lastId && queued === null) {
      if (msg.type === 'result') show(msg.analysis, sentChars, msg.ms);
      else setState('error', `Analysis failed: ${msg.message}`);
    }
    if (queued !== null) {
      const text = queued;
      queued = null;
      send(text);
    }
  }
};
worker.onerror = (event) => setState('error', `The analyzer stopped: ${event.message ?? 'unknown error'}`);

function send(text) {
  busy = true;
  lastId += 1;
  worker.postMessage({ id: lastId, text, options: { reference_date: today() } });
  sentChars = text.length;
}

/** Asks for an analysis of `text`; while the worker is busy only the latest text waits. */
function request(text) {
  clearTimeout(typingTimer);
  if (!text.trim()) {
    queued = null;
    clear();
    return;
  }
  if (!workerReady) return; // analyzed once the worker is ready
  setState('working', `Analyzing ${text.length.toLocaleString('en')} characters…`);
  if (busy) queued = text;
  else send(text);
}

function clear() {
  lastId += 1; // a result still in the worker is now stale
  current = null;
  delete result.dataset.chars;
  titleEl.textContent = 'No article yet';
  titleEl.classList.add('placeholder');
  $('article').replaceChildren();
  $('lines').replaceChildren();
  $('legend').replaceChildren();
  copyButton.disabled = true;
  jsonButton.disabled = true;
  setState(workerReady ? 'empty' : 'loading', workerReady ? 'Nothing to analyze: the paste is empty.' : undefined);
}

function show(analysis, chars, ms) {
  current = analysis;
  result.dataset.chars = String(chars);
  titleEl.textContent = analysis.title ?? 'No title found';
  titleEl.classList.toggle('placeholder', !analysis.title);
  renderArticle($('article'), analysis);
  renderLegend($('legend'), analysis.lines);
  renderLines($('lines'), analysis.lines);
  copyButton.disabled = !analysis.body;
  jsonButton.disabled = false;
  const kept = analysis.lines.filter((l) => l.kind === 'body' || l.kind === 'heading').length;
  setState('done', `${analysis.lines.length.toLocaleString('en')} lines, ${kept.toLocaleString('en')} kept as article text (${Math.round(ms)} ms).`);
}

input.addEventListener('input', (event) => {
  clearTimeout(typingTimer);
  if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') request(input.value);
  else {
    if (workerReady) setState('pending');
    typingTimer = setTimeout(() => request(input.value), TYPING_DELAY_MS);
  }
});

copyButton.addEventListener('click', async () => {
  if (!current) return;
  const ok = await copyText(current.body);
  status.textContent = ok ? 'Clean text copied.' : 'Could not copy: the browser refused clipboard access.';
});

jsonButton.addEventListener('click', () => {
  if (!current) return;
  download(`${fileStem(current.title)}.json`, `${JSON.stringify(current, null, 2)}\n`, 'application/json');
});
