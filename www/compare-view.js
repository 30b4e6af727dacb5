// The comparison view of several documents: the wasm `compare` result (src/compare/types.rs)
// rendered as text: whether they tell one story, each source, pair scores, passages carried by
// several sources, and the claims they disagree on. Clicking a passage or a claim shows it in
// its document.
import { el, fmt } from './dom.js';

const MAX_ITEMS = 40;

function heading(text) {
  return el('h3', null, text);
}

/** A button that shows `lines` of document `source` (via `onShow`). */
function showButton(label, source, lines, onShow) {
  const button = el('button', 'fact', label);
  button.type = 'button';
  button.addEventListener('click', () => onShow(source, lines));
  return button;
}

/**
 * Fills `container` with `comparison` of the documents named `names` (by source position).
 * `onShow(source, lines)` opens a document with those lines highlighted.
 */
export function renderComparison(container, comparison, names, onShow) {
  const name = (i) => names[i] ?? `source ${i + 1}`;
  const parts = [];
  const verdict = comparison.same_story
    ? `One story: all ${comparison.sources.length} documents report the same event.`
    : comparison.stories.length > 1
      ? `${comparison.stories.length} different stories: ${comparison.stories.map((group) => group.map(name).join(' + ')).join(' | ')}.`
      : 'Not enough documents to compare.';
  const verdictEl = el('p', 'verdict', verdict);
  verdictEl.dataset.sameStory = String(comparison.same_story);
  parts.push(verdictEl);

  const table = el('table', 'sources');
  const head = el('tr');
  head.append(el('th', null, 'Document'), el('th', null, 'Title'), el('th', null, 'Words'));
  table.append(head);
  for (const s of comparison.sources) {
    const row = el('tr');
    row.append(el('td', null, name(s.source)), el('td', null, s.title ?? '—'), el('td', 'num', fmt(s.words)));
    table.append(row);
  }
  parts.push(heading('Documents'), table);

  if (comparison.pairs.length) {
    const list = el('ul', 'facts-list');
    for (const p of comparison.pairs.slice(0, MAX_ITEMS)) {
      const terms = p.shared_terms.length ? ` — shared: ${p.shared_terms.slice(0, 8).join(', ')}` : '';
      list.append(el('li', null, `${name(p.a)} ↔ ${name(p.b)}: ${p.score.toFixed(2)}${p.same_story ? ' (same story)' : ''}${terms}`));
    }
    parts.push(heading('How alike'), list);
  }

  if (comparison.disagreements.length) {
    const list = el('ul', 'facts-list');
    for (const group of comparison.disagreements.slice(0, MAX_ITEMS)) {
      const item = el('li');
      item.append(el('p', 'claim-about', `Sources disagree on the ${group.about}:`));
      for (const value of group.values) {
        for (const ev of value.sources) {
          item.append(showButton(`${value.value} — ${name(ev.source)}: “${ev.text}”`, ev.source, [ev.line], onShow));
        }
      }
      list.append(item);
    }
    parts.push(heading('Disagreements'), list);
  }

  if (comparison.shared_passages.length) {
    const list = el('ul', 'facts-list');
    for (const passage of comparison.shared_passages.slice(0, MAX_ITEMS)) {
      const item = el('li', 'passage');
      item.append(el('p', 'passage-text', passage.occurrences[0]?.text ?? ''));
      const where = el('p', 'passage-where', `${fmt(passage.words)} words, similarity ${passage.similarity.toFixed(2)}, in: `);
      for (const occ of passage.occurrences) where.append(showButton(name(occ.source), occ.source, occ.lines, onShow));
      item.append(where);
      list.append(item);
    }
    if (comparison.shared_passages.length > MAX_ITEMS) {
      list.append(el('li', 'note', `and ${fmt(comparison.shared_passages.length - MAX_ITEMS)} more (see the JSON export)`));
    }
    parts.push(heading(`Shared passages (${fmt(comparison.shared_passages.length)})`), list);
  }
  container.replaceChildren(...parts);
}
