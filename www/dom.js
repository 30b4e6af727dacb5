// Small DOM helpers. Text goes in only as textContent: pasted content never meets innerHTML.

/** Creates an element with an optional class and text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Formats a count for display ("12,345"). */
export function fmt(n) {
  return Number(n).toLocaleString('en');
}

/** Formats a size in characters or bytes ("1.2 MB", "340 KB", "90 characters"). */
export function fmtSize(n, unit = 'characters') {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 10_000) return `${Math.round(n / 1000)} KB`;
  return `${fmt(n)} ${unit}`;
}

/**
 * Wraps every case-insensitive occurrence of the `needles` in `node`'s text with `<mark>`;
 * `node`'s text must be a single run (no child elements). Returns the number of marks.
 */
export function markText(node, needles) {
  const text = node.textContent;
  const lower = text.toLocaleLowerCase();
  const ranges = [];
  for (const needle of needles) {
    const want = needle.toLocaleLowerCase();
    if (!want) continue;
    for (let at = lower.indexOf(want); at !== -1; at = lower.indexOf(want, at + want.length)) {
      ranges.push([at, at + want.length]);
    }
  }
  if (ranges.length === 0) return 0;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    if (start < pos) continue; // overlapping match
    if (start > pos) parts.push(document.createTextNode(text.slice(pos, start)));
    parts.push(el('mark', null, text.slice(start, end)));
    pos = end;
  }
  if (pos < text.length) parts.push(document.createTextNode(text.slice(pos)));
  node.replaceChildren(...parts);
  return ranges.length;
}

/** Undoes markText: the node's text as a single text node again. */
export function unmarkText(node) {
  if (node.querySelector('mark')) node.textContent = node.textContent;
}
