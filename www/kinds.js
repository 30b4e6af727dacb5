// The line kinds of the Analysis contract (src/model.rs, Kind::ALL order) with display labels.
// A kind the page does not know yet is still shown, under its own name, with a neutral colour.
export const KINDS = [
  ['title', 'title'],
  ['standfirst', 'standfirst'],
  ['byline', 'byline'],
  ['date', 'date'],
  ['body', 'body'],
  ['heading', 'heading'],
  ['caption', 'caption'],
  ['tags', 'tags'],
  ['related', 'related headlines'],
  ['navigation', 'navigation'],
  ['promo', 'promo'],
  ['comments', 'comments'],
  ['notice', 'notice'],
  ['credit', 'credit'],
  ['copyright', 'copyright'],
  ['metadata', 'metadata'],
  ['blank', 'blank'],
];

const LABELS = new Map(KINDS);

/** Display label of a kind name. */
export function kindLabel(kind) {
  return LABELS.get(kind) ?? kind;
}

/** CSS class for a kind: `k-<kind>` for known kinds, `k-other` otherwise. */
export function kindClass(kind) {
  return LABELS.has(kind) ? `k-${kind}` : 'k-other';
}
