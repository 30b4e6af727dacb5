// DOM building for an Analysis. Pasted text only ever goes through textContent / attributes:
// never innerHTML.
import { KINDS, kindClass, kindLabel } from './kinds.js';

/** Creates an element with a class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Line counts per kind, in the contract's kind order (unknown kinds last). */
export function countKinds(lines) {
  const counts = new Map();
  for (const line of lines) counts.set(line.kind, (counts.get(line.kind) ?? 0) + 1);
  const known = KINDS.map(([kind]) => kind).filter((kind) => counts.has(kind));
  const other = [...counts.keys()].filter((kind) => !known.includes(kind));
  return [...known, ...other].map((kind) => [kind, counts.get(kind)]);
}

/** Fills the legend: one item per kind present, with its colour swatch and line count. */
export function renderLegend(list, lines) {
  const items = countKinds(lines).map(([kind, count]) => {
    const item = el('li', `legend-item ${kindClass(kind)}`);
    item.dataset.kind = kind;
    item.append(el('span', 'swatch'), el('span', 'legend-label', kindLabel(kind)), el('span', 'count', String(count)));
    return item;
  });
  list.replaceChildren(...items);
}

/** One `<li>` for a line: tinted by kind, the classifier's reason on hover. */
function lineItem(line) {
  const item = el('li', `line ${kindClass(line.kind)}`);
  item.value = line.line;
  item.dataset.line = String(line.line);
  item.dataset.kind = line.kind;
  item.title = line.reason ? `${kindLabel(line.kind)}: ${line.reason}` : kindLabel(line.kind);
  item.append(el('span', 'kind-tag', kindLabel(line.kind)), el('span', 'line-text', line.text));
  return item;
}

const FIRST_CHUNK = 400;
const CHUNK = 1500;
let renderToken = 0;

/**
 * Renders the lines into `list`: the first few hundred at once, the rest in chunks between
 * frames so a huge paste never blocks the page. A later call cancels an unfinished one.
 * Sets `list.dataset.rendered` to "all" when every line is in the DOM.
 */
export function renderLines(list, lines) {
  const token = ++renderToken;
  list.replaceChildren();
  list.dataset.rendered = 'partial';
  let next = 0;
  const step = (size) => {
    if (token !== renderToken) return;
    const fragment = document.createDocumentFragment();
    const end = Math.min(lines.length, next + size);
    for (; next < end; next++) fragment.append(lineItem(lines[next]));
    list.append(fragment);
    if (next < lines.length) setTimeout(() => step(CHUNK), 0);
    else list.dataset.rendered = 'all';
  };
  step(FIRST_CHUNK);
}

/** Renders the clean article: headings and paragraphs from the article lines, in order. */
export function renderArticle(container, analysis) {
  const nodes = [];
  for (const line of analysis.lines) {
    if (!line.text) continue;
    if (line.kind === 'heading') nodes.push(el('h3', null, line.text));
    else if (line.kind === 'body') nodes.push(el('p', null, line.text));
  }
  if (nodes.length === 0) nodes.push(el('p', 'placeholder', 'No article text found in this paste.'));
  container.replaceChildren(...nodes);
}
