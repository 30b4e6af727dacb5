// Rendering of one analysis: the reading view (title, standfirst, byline · date, headings,
// paragraphs) and the original paste line by line, tinted by kind, with its legend.
import { el, fmt } from './dom.js';
import { KINDS, kindClass, kindLabel } from './kinds.js';

const ARTICLE_KINDS = new Set(['body', 'heading']);

/** The reading view's head: title, standfirst, "byline · date", from the Analysis fields when
 * they exist, else from the first line of each kind. */
export function renderHead({ title, standfirst, meta }, summary) {
  const f = summary.fields;
  const first = summary.first;
  title.textContent = f.title ?? 'No title found';
  title.classList.toggle('placeholder', !f.title);
  setLine(title, first.title?.line);

  const deck = typeof f.standfirst === 'string' ? f.standfirst : first.standfirst?.text;
  standfirst.textContent = deck ?? '';
  standfirst.hidden = !deck;
  setLine(standfirst, first.standfirst?.line);

  const byline = Array.isArray(f.byline?.authors) && f.byline.authors.length
    ? `By ${f.byline.authors.join(', ')}`
    : first.byline?.text;
  const date = f.published ? (f.published.raw || f.published.date) : first.date?.text;
  const parts = [byline, date].filter(Boolean);
  meta.replaceChildren(...parts.flatMap((text, i) => (i ? [el('span', 'sep', ' · '), el('span', null, text)] : [el('span', null, text)])));
  meta.hidden = parts.length === 0;
}

function setLine(node, line) {
  if (line) node.dataset.line = String(line);
  else delete node.dataset.line;
}

/** One paragraph or heading of the reading view. */
export function articleItem(line) {
  const node = el(line.kind === 'heading' ? 'h3' : 'p', 'article-line', line.text);
  node.dataset.line = String(line.line);
  return node;
}

/** One line of the original paste: tinted by kind, the classifier's reason on hover. */
export function lineItem(line) {
  const item = el('li', `line ${kindClass(line.kind)}`);
  item.value = line.line;
  item.dataset.line = String(line.line);
  item.dataset.kind = line.kind;
  item.title = line.reason ? `${kindLabel(line.kind)}: ${line.reason}` : kindLabel(line.kind);
  item.append(el('span', 'kind-tag', kindLabel(line.kind)), el('span', 'line-text', line.text));
  return item;
}

/** Counts per kind in the contract's kind order (kinds the page does not know come last). */
export function orderCounts(counts) {
  const map = new Map(counts);
  const known = KINDS.map(([kind]) => kind).filter((kind) => map.has(kind));
  const other = [...map.keys()].filter((kind) => !known.includes(kind));
  return [...known, ...other].map((kind) => [kind, map.get(kind)]);
}

/**
 * The legend (one item per kind present, swatch + label + count) and the removal summary: the
 * lines the reading view leaves out (everything but article lines, blank lines, and the one
 * title/standfirst/byline/date line of each kind it shows in its head, listed in `shownHead`).
 */
export function renderLegend(legend, removed, counts, shownHead = {}) {
  const ordered = orderCounts(counts);
  legend.replaceChildren(...ordered.map(([kind, count]) => {
    const item = el('li', `legend-item ${kindClass(kind)}`);
    item.dataset.kind = kind;
    item.append(el('span', 'swatch'), el('span', 'legend-label', kindLabel(kind)), el('span', 'count', fmt(count)));
    return item;
  }));
  const dropped = ordered
    .filter(([kind]) => !ARTICLE_KINDS.has(kind) && kind !== 'blank')
    .map(([kind, n]) => [kind, n - (shownHead[kind] ? 1 : 0)])
    .filter(([, n]) => n > 0);
  const total = dropped.reduce((sum, [, n]) => sum + n, 0);
  removed.textContent = total
    ? `Removed ${fmt(total)} line${total === 1 ? '' : 's'}: ${dropped.map(([kind, n]) => `${fmt(n)} ${kindLabel(kind)}`).join(', ')}.`
    : 'Nothing removed: the reading view shows every non-blank line.';
}
