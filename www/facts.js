// The side panel: whatever facts the Analysis carries, one section per field that exists and
// is not empty (summary, source, cast, quotes, figures, keywords, tags, sections, captions,
// related headlines). Fields the
// core does not compute yet are simply absent. Clicking an item highlights its lines.
import { el, fmt } from './dom.js';

/** Lines of an item: its `lines` array, else its `line`/`first_line`, else none. */
function itemLines(item) {
  if (Array.isArray(item?.lines)) return item.lines.filter(Number.isInteger);
  if (Number.isInteger(item?.line)) return [item.line];
  if (Number.isInteger(item?.first_line)) return [item.first_line];
  return [];
}

const textOf = (item) => (typeof item === 'string' ? item : item?.name ?? item?.text ?? '');

/** A clickable fact: `onPick({ lines, needles, label })` highlights where it occurs. */
function factButton(label, detail, target, onPick) {
  const button = el('button', 'fact');
  button.type = 'button';
  button.append(el('span', 'fact-label', label));
  if (detail) button.append(el('span', 'fact-detail', detail));
  button.addEventListener('click', () => onPick(target));
  return button;
}

function section(id, heading, children) {
  const box = el('section', 'facts-section');
  box.dataset.section = id;
  const h = el('h3', null, heading);
  h.id = `facts-${id}`;
  box.setAttribute('aria-labelledby', h.id);
  box.append(h, ...children);
  return box;
}

/** Items shown per section; a huge paste can carry thousands (the rest are in the exports). */
const MAX_ITEMS = 25;

/** Full lengths of the list fields (the worker sends at most 100 items of each). */
let totals = {};

/** A list of the first MAX_ITEMS `items`, each rendered by `render`, then how many are left. */
function list(items, render, field) {
  const ul = el('ul', 'facts-list');
  ul.append(...items.slice(0, MAX_ITEMS).map((item) => {
    const li = el('li');
    li.append(render(item));
    return li;
  }));
  const total = Math.max(items.length, totals[field] ?? 0);
  if (total > MAX_ITEMS) ul.append(el('li', 'note', `and ${fmt(total - MAX_ITEMS)} more (see the JSON export)`));
  return ul;
}

function entitySection(id, heading, entities, onPick) {
  return section(id, heading, [list(entities, (e) => {
    const name = textOf(e);
    const detail = [e.role, e.mentions ? `×${fmt(e.mentions)}` : null].filter(Boolean).join(' · ');
    const needles = [name, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter(Boolean);
    return factButton(name, detail, { lines: itemLines(e), needles, label: name }, onPick);
  }, id)]);
}

function quoteSection(quotes, onPick) {
  return section('quotes', 'Quotes', [list(quotes, (q) => {
    const text = textOf(q);
    const who = q.speaker ?? q.attribution ?? 'unattributed';
    const button = factButton(`“${text}”`, `— ${who}`, { lines: itemLines(q), needles: [text.slice(0, 60)], label: text }, onPick);
    if (q.kind) button.dataset.kind = q.kind;
    return button;
  }, 'quotes')]);
}

function figureSection(figures, onPick) {
  return section('figures', 'Figures', [list(figures, (f) => {
    const text = textOf(f);
    const detail = [f.kind, f.unit, f.date, f.context].filter((x) => typeof x === 'string' && x).join(' · ');
    return factButton(text, detail, { lines: itemLines(f), needles: [text], label: text }, onPick);
  }, 'figures')]);
}

function textSection(id, heading, texts, onPick) {
  return section(id, heading, [list(texts, (t) => factButton(textOf(t), null, { lines: itemLines(t), needles: [textOf(t)], label: textOf(t) }, onPick), id)]);
}

function summarySection(sentences, onPick) {
  return section('summary', 'Summary', [list(sentences, (sentence) => {
    const text = textOf(sentence);
    return factButton(text, null, { lines: itemLines(sentence), needles: [], label: text.slice(0, 60) }, onPick);
  }, 'summary')]);
}

function sourceSection(f) {
  const rows = [];
  const add = (term, value) => {
    if (value) rows.push(el('dt', null, term), el('dd', null, value));
  };
  add('Site', f.site_name);
  if (f.byline && Array.isArray(f.byline.authors)) add('By', f.byline.authors.join(', '));
  if (f.published) add('Published', [f.published.date, f.published.time, f.published.utc_offset].filter(Boolean).join(' '));
  add('Credit', typeof f.credit === 'string' ? f.credit : null);
  if (f.copyright) add('Copyright', [f.copyright.year, f.copyright.holder].filter(Boolean).join(' '));
  if (rows.length === 0) return null;
  const dl = el('dl', 'facts-source');
  dl.append(...rows);
  return section('source', 'Source', [dl]);
}

const nonEmpty = (v) => Array.isArray(v) && v.length > 0;

/**
 * Fills the panel from the Analysis fields (all but `lines` and `body`; lists possibly cut,
 * `fieldTotals` giving their full lengths); returns the number of sections.
 */
export function renderFacts(panel, fields, fieldTotals, onPick) {
  totals = fieldTotals ?? {};
  const sections = [
    nonEmpty(fields.summary) && summarySection(fields.summary, onPick),
    sourceSection(fields),
    nonEmpty(fields.people) && entitySection('people', 'People', fields.people, onPick),
    nonEmpty(fields.organizations) && entitySection('organizations', 'Organizations', fields.organizations, onPick),
    nonEmpty(fields.places) && entitySection('places', 'Places', fields.places, onPick),
    nonEmpty(fields.quotes) && quoteSection(fields.quotes, onPick),
    nonEmpty(fields.figures) && figureSection(fields.figures, onPick),
    nonEmpty(fields.keywords) && textSection('keywords', 'Keywords', fields.keywords, onPick),
    nonEmpty(fields.tags) && textSection('tags', 'Tags', fields.tags, onPick),
    nonEmpty(fields.headings) && textSection('headings', 'Sections', fields.headings, onPick),
    nonEmpty(fields.captions) && textSection('captions', 'Captions', fields.captions, onPick),
    nonEmpty(fields.related) && textSection('related', 'Related headlines (removed)', fields.related, onPick),
  ].filter(Boolean);
  panel.replaceChildren(...sections);
  panel.hidden = sections.length === 0;
  return sections.length;
}
