// The page's wiring: input (paste, typing, files) → worker (wasm analyze) → views, facts panel,
// exports, saved work. Tests and styles read #result[data-state]: loading → ready → (pending
// while typing) → working → done | empty | error; #result[data-chars] is the length of the text
// shown and #result[data-doc] its document index; #result[data-rich] is "used" when the analysis
// read the page structure of a rich paste (clipboard HTML or an .html file), else absent.
import { Analyzer } from './analyzer.js';
import { el, fmtSize, markText, unmarkText } from './dom.js';
import { copyText, download, fileStem } from './exports.js';
import { renderFacts } from './facts.js';
import { FileProblem, readFile } from './files.js';
import { htmlToLines } from './rich.js';
import { Pager } from './pager.js';
import { articleItem, lineItem, renderHead, renderLegend } from './views.js';
import { renderComparison } from './compare-view.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const status = $('status');
const progress = $('progress');
const result = $('result');
const note = $('input-note');
const exportButtons = ['copy-text', 'download-md', 'download-json', 'download-txt'].map($);

const TYPING_DELAY_MS = 300;
/** Texts longer than this are held in memory instead of the text box (a huge textarea is slow). */
const BOX_LIMIT = 300_000;
/** Clipboard HTML longer than this is not converted (the plain text is pasted instead). */
const RICH_LIMIT = 20_000_000;

let docs = [{ name: 'Pasted text', text: '' }];
let active = 0;
let shown = null; // { id, summary } of the analysis on screen
let comparison = null; // { docs, value }: the wasm compare() of `docs` while they are the open ones
let typingTimer = 0;
let workStarted = 0;
let workTimer = 0;

function setState(state, message) {
  result.dataset.state = state;
  if (message !== undefined) status.textContent = message;
  const working = state === 'working';
  progress.hidden = !working;
  clearInterval(workTimer);
  if (working) {
    workStarted = performance.now();
    const base = status.textContent;
    workTimer = setInterval(() => {
      status.textContent = `${base} ${((performance.now() - workStarted) / 1000).toFixed(0)} s`;
    }, 1000);
  }
}

/** Today's local date as YYYY-MM-DD: the core is pure, so "today" comes in the options. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// The single-file build (dist/presslens.html) provides its own blob worker.
const worker = globalThis.presslensCreateWorker
  ? globalThis.presslensCreateWorker()
  : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });

const analyzer = new Analyzer(worker, (state, message) => {
  if (state === 'saved') saved(message);
  else if (state === 'ready') {
    setState('ready', 'Ready. Paste a page, type, or open files.');
    if (activeText().trim()) analyzeNow(); // work restored from the last visit
  } else setState(state, message);
});

const articlePager = new Pager({
  list: $('article'),
  more: $('article-more'),
  noun: 'paragraphs',
  fetchPage: (from, count) => analyzer.slice(shown.id, 'article', from, count),
  renderItem: articleItem,
});
const linesPager = new Pager({
  list: $('lines'),
  more: $('lines-more'),
  noun: 'lines',
  fetchPage: (from, count) => analyzer.slice(shown.id, 'lines', from, count),
  renderItem: lineItem,
});

// --- documents and the text box -------------------------------------------------------------

function activeText() {
  return docs[active]?.text ?? '';
}

/** Shows the active document in the text box, or a note when it is too large for it. */
function showActiveDoc() {
  const doc = docs[active];
  const large = doc.text.length > BOX_LIMIT;
  const rich = typeof doc.hints === 'string';
  input.value = large ? '' : doc.text;
  note.hidden = !large && !rich && docs.length === 1 && doc.name === 'Pasted text';
  const richNote = rich ? ` Rich paste: ${(doc.hints.split('\n').length).toLocaleString('en')} lines with the page's structure (from the copied HTML).` : '';
  note.textContent = large
    ? `Holding “${doc.name}” (${fmtSize(doc.text.length)}): too large to show in the box. Type or paste to replace it.${richNote}`
    : rich && docs.length === 1 ? richNote.trim() : `Showing “${doc.name}”.${richNote}`;
  renderDocList();
}

function renderDocList() {
  const nav = $('docs');
  nav.hidden = docs.length < 2;
  if (comparison && comparison.docs !== docs) forgetComparison();
  $('doc-list').replaceChildren(...docs.map((doc, i) => {
    const button = el('button', 'doc', doc.name);
    button.type = 'button';
    button.setAttribute('aria-current', i === active ? 'true' : 'false');
    button.addEventListener('click', () => {
      if (result.dataset.view === 'compare') setView('reading');
      selectDoc(i);
    });
    const li = el('li');
    li.append(button);
    return li;
  }));
}

/** Shows document `i` and analyzes it; resolves once its analysis is on screen. */
function selectDoc(i) {
  active = i;
  showActiveDoc();
  return analyzeNow();
}

function forgetComparison() {
  comparison = null;
  $('view-compare').hidden = true;
  $('comparison-body').replaceChildren();
  delete result.dataset.compared;
  if (result.dataset.view === 'compare') setView('reading');
}

async function compareDocs() {
  const compared = docs;
  setState('working', `Comparing ${compared.length} documents…`);
  try {
    const value = await analyzer.compare(compared.map((d) => d.text), { reference_date: today() });
    if (compared !== docs) return; // the documents changed meanwhile
    comparison = { docs: compared, value };
    const names = compared.map((d) => d.name);
    renderComparison($('comparison-body'), value, names, async (source, lines) => {
      setView('reading');
      await selectDoc(source);
      await highlight({ lines, needles: [], label: names[source] });
    });
    $('view-compare').hidden = false;
    setView('compare');
    result.dataset.compared = String(compared.length);
    setState('done', `Compared ${compared.length} documents.`);
  } catch (err) {
    setState('error', `Could not compare: ${err.message}`);
  }
}

/** Sets the active document's text; an edited text loses its page-structure hints. */
function setActiveText(text) {
  if (docs[active].text !== text) delete docs[active].hints;
  docs[active].text = text;
}

/** The documents are saved by the worker with each analysis (see analyzeNow); this reports it. */
function saved({ dropped, chars }) {
  if (dropped.length) {
    note.hidden = false;
    note.textContent = `Not kept after a reload (too large for this browser's storage): ${dropped.join(', ')}.`;
  }
  result.dataset.saved = String(chars); // for tests: how many characters the last save covered
}

// --- analysis -------------------------------------------------------------------------------

async function analyzeNow() {
  clearTimeout(typingTimer);
  if (!analyzer.ready) return; // runs once the worker is ready
  if (docs[active].text.length <= BOX_LIMIT && input.value !== docs[active].text) setActiveText(input.value);
  const text = activeText();
  const doc = active;
  if (!text.trim()) {
    analyzer.cancel();
    clearResult();
    setState('empty', 'Nothing to analyze: the paste is empty.');
    const rest = docs.filter((d) => d.text.trim());
    analyzer.save(rest, 0).then((dropped) => saved({ dropped, chars: rest.reduce((n, d) => n + d.text.length, 0) }));
    return;
  }
  setState('working', `Analyzing ${fmtSize(text.length)}…`);
  const options = { reference_date: today() };
  if (typeof docs[active].hints === 'string') options.hints = docs[active].hints;
  try {
    const answer = await analyzer.analyze(text, options, {
      // The active text (and its hints) is the analyzed one: it crosses to the worker once.
      docs: docs.map((d, i) => (i === active ? { name: d.name, text: null } : d)),
      active,
    });
    if (answer) show(answer, text.length, doc);
  } catch (err) {
    clearResult();
    setState('error', `Could not analyze this text: ${err.message}`);
  }
}

function clearResult() {
  shown = null;
  delete result.dataset.chars;
  delete result.dataset.doc;
  delete result.dataset.rich;
  renderHead({ title: $('title'), standfirst: $('standfirst'), meta: $('meta') }, { fields: {}, first: {} });
  $('title').textContent = 'No article yet';
  articlePager.clear();
  linesPager.clear();
  $('legend').replaceChildren();
  $('removed').textContent = '';
  $('facts').replaceChildren();
  $('facts').hidden = true;
  for (const b of exportButtons) b.disabled = true;
}

function show({ id, ms, summary }, chars, doc) {
  shown = { id, summary };
  result.dataset.chars = String(chars);
  result.dataset.doc = String(doc);
  const notes = summary.fields.notes ?? [];
  if (notes.some((n) => n.startsWith('page structure from'))) result.dataset.rich = 'used';
  else delete result.dataset.rich;
  renderHead({ title: $('title'), standfirst: $('standfirst'), meta: $('meta') }, summary);
  articlePager.start(summary.article_head, summary.article_count);
  if (summary.article_count === 0) $('article').replaceChildren(el('p', 'placeholder', 'No article text found in this paste.'));
  linesPager.start(summary.lines_head, summary.line_count);
  renderLegend($('legend'), $('removed'), summary.counts, summary.first);
  renderFacts($('facts'), summary.fields, summary.field_totals, highlight);
  for (const b of exportButtons) b.disabled = false;
  $('copy-text').disabled = summary.body_chars === 0;
  const kept = summary.article_count;
  const said = notes.length ? ` ${notes.map((n) => `${n[0].toUpperCase()}${n.slice(1)}.`).join(' ')}` : '';
  setState('done', `${summary.line_count.toLocaleString('en')} lines, ${kept.toLocaleString('en')} kept as article text (${Math.round(ms)} ms).${said}`);
}

// --- highlights -------------------------------------------------------------------------------

let highlighted = [];

/** Highlights the lines of a fact (its own line numbers, else the lines containing its text). */
async function highlight({ lines, needles, label }) {
  if (!shown) return;
  const id = shown.id;
  let targets = lines;
  if (targets.length === 0 && needles.length) targets = (await analyzer.find(id, needles[0])) ?? [];
  if (!shown || shown.id !== id) return;
  for (const node of highlighted) {
    node.classList.remove('hit');
    unmarkText(node.querySelector('.line-text') ?? node);
  }
  highlighted = [];
  const wanted = new Set(targets);
  const first = Math.min(...targets);
  const view = result.dataset.view === 'original' ? 'original' : 'reading';
  const pager = view === 'original' ? linesPager : articlePager;
  if (Number.isFinite(first)) await pager.loadUntil((last) => Number(last?.dataset.line) >= first);
  for (const node of document.querySelectorAll('#reading [data-line], #lines > li')) {
    if (!wanted.has(Number(node.dataset.line))) continue;
    node.classList.add('hit');
    markText(node.querySelector('.line-text') ?? node, needles);
    highlighted.push(node);
  }
  const target = document.querySelector(`#${view === 'original' ? 'lines' : 'reading'} .hit`);
  if (target) target.scrollIntoView({ block: 'center' });
  status.textContent = `“${label}”: ${targets.length} line${targets.length === 1 ? '' : 's'} highlighted.`;
  result.dataset.highlight = String(targets.length);
}

// --- views and exports ------------------------------------------------------------------------

function setView(view) {
  result.dataset.view = view;
  for (const [name, section] of [['reading', 'reading'], ['original', 'original'], ['compare', 'comparison']]) {
    $(section).hidden = view !== name;
    $(`view-${name}`).setAttribute('aria-pressed', String(view === name));
  }
}

async function exportAs(format) {
  if (!shown) return;
  const { id, summary } = shown;
  const text = await analyzer.exportText(id, format === 'copy' ? 'body' : format);
  if (text === null) return;
  if (format === 'copy') {
    status.textContent = (await copyText(text)) ? 'Clean text copied.' : 'Could not copy: the browser refused clipboard access.';
    return;
  }
  const stem = summary.fields.title ? fileStem(summary.fields.title) : fileStem(docs[active]?.name.replace(/\.[^.]*$/, ''));
  const [ext, type] = { json: ['json', 'application/json'], markdown: ['md', 'text/markdown'], text: ['txt', 'text/plain'] }[format];
  download(`${stem}.${ext}`, text, `${type};charset=utf-8`);
  status.textContent = `Downloaded ${stem}.${ext}.`;
}

// --- input events ---------------------------------------------------------------------------

/**
 * A rich paste's { text, hints } (rich.js on the clipboard's HTML), or null when the clipboard
 * has no HTML, it is too large, or it holds no text: then the plain text is pasted.
 */
function richPaste(data) {
  const html = data?.types?.includes('text/html') ? data.getData('text/html') : '';
  if (!html || html.length > RICH_LIMIT) return null;
  try {
    const { lines, hints } = htmlToLines(html);
    return lines.some((l) => l.trim()) ? { text: lines.join('\n'), hints: hints.join('\n') } : null;
  } catch (err) {
    console.warn(`presslens: the pasted HTML could not be read, using its plain text: ${err.message}`);
    return null;
  }
}

input.addEventListener('paste', (event) => {
  // A rich paste replaces the whole text: only when the box is empty or all selected.
  const replacesAll = input.selectionStart === 0 && input.selectionEnd === input.value.length;
  const rich = replacesAll ? richPaste(event.clipboardData) : null;
  const text = rich ? rich.text : event.clipboardData?.getData('text/plain') ?? '';
  if (!rich && text.length <= BOX_LIMIT) return; // the input event below handles it
  event.preventDefault(); // a rich paste's lines, or a huge paste kept out of the text box
  // The rest in a task of its own: handing the text to the worker copies it (~20 ms for 10 MB).
  setTimeout(() => {
    docs = [rich ? { name: 'Pasted page', text, hints: rich.hints } : { name: 'Pasted text', text }];
    active = 0;
    showActiveDoc();
    analyzeNow();
  }, 0);
});

input.addEventListener('input', (event) => {
  clearTimeout(typingTimer);
  if (comparison) forgetComparison(); // it compared the text before this edit
  if (docs[active].text.length > BOX_LIMIT) docs[active] = { name: 'Pasted text', text: '' };
  setActiveText(input.value);
  if (input.value.length <= BOX_LIMIT && docs.length === 1) note.hidden = true;
  if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') analyzeNow();
  else {
    if (analyzer.ready) setState('pending', 'Waiting for you to stop typing…');
    typingTimer = setTimeout(analyzeNow, TYPING_DELAY_MS);
  }
});

async function openFiles(fileList) {
  const files = [...fileList];
  if (files.length === 0) return;
  const read = [];
  const problems = [];
  for (const file of files) {
    try {
      read.push(await readFile(file));
    } catch (err) {
      problems.push(err instanceof FileProblem ? err.message : `“${file.name}” could not be read: ${err.message}`);
    }
  }
  if (read.length) {
    docs = read;
    active = 0;
    showActiveDoc();
    await analyzeNow();
    if (read.length > 1) await compareDocs(); // several files at once: show how they compare
  }
  if (problems.length) {
    if (!read.length) setState(shown ? result.dataset.state : 'error');
    status.textContent = problems.join(' ');
  }
}

$('open-files').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', (event) => {
  openFiles(event.target.files);
  event.target.value = '';
});

let dragDepth = 0;
const overlay = $('drop-overlay');
const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
document.addEventListener('dragenter', (event) => {
  if (!hasFiles(event)) return;
  dragDepth += 1;
  overlay.hidden = false;
});
document.addEventListener('dragleave', (event) => {
  if (!hasFiles(event)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) overlay.hidden = true;
});
document.addEventListener('dragover', (event) => {
  if (hasFiles(event)) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  dragDepth = 0;
  overlay.hidden = true;
  openFiles(event.dataTransfer.files);
});

$('analyze-now').addEventListener('click', analyzeNow);
$('clear').addEventListener('click', () => {
  docs = [{ name: 'Pasted text', text: '' }];
  active = 0;
  showActiveDoc();
  note.hidden = true;
  analyzeNow();
  input.focus();
});
$('view-reading').addEventListener('click', () => setView('reading'));
$('view-original').addEventListener('click', () => setView('original'));
$('view-compare').addEventListener('click', () => setView('compare'));
$('compare-docs').addEventListener('click', compareDocs);
$('download-comparison').addEventListener('click', () => {
  if (comparison) download('comparison.json', `${JSON.stringify(comparison.value, null, 2)}\n`, 'application/json;charset=utf-8');
});
$('copy-text').addEventListener('click', () => exportAs('copy'));
$('download-md').addEventListener('click', () => exportAs('markdown'));
$('download-json').addEventListener('click', () => exportAs('json'));
$('download-txt').addEventListener('click', () => exportAs('text'));

const SHORTCUTS = {
  KeyC: () => exportAs('copy'),
  KeyV: () => setView(result.dataset.view === 'original' ? 'reading' : 'original'),
  KeyM: () => exportAs('markdown'),
  KeyJ: () => exportAs('json'),
  KeyT: () => exportAs('text'),
  KeyO: () => $('file-input').click(),
};
document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    analyzeNow();
  } else if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && SHORTCUTS[event.code]) {
    event.preventDefault();
    SHORTCUTS[event.code]();
  }
});

// --- start ------------------------------------------------------------------------------------

// Offline after the first visit (served page only: the single file needs no server at all).
if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !globalThis.presslensCreateWorker) {
  navigator.serviceWorker.register('./sw.js').then(
    () => navigator.serviceWorker.ready.then(() => {
      document.documentElement.dataset.offline = 'ready'; // for tests
    }),
    (err) => console.warn(`presslens: offline mode unavailable: ${err.message}`),
  );
}

showActiveDoc();
clearResult();
analyzer.load().then((saved) => {
  if (!saved || activeText()) return; // the user started before the saved work was read
  docs = saved.docs;
  active = saved.active;
  showActiveDoc();
  analyzeNow();
});
