// Keeps the user's work across reloads in localStorage (this browser only; nothing is sent).

const KEY = 'presslens:docs:v1';
/** Texts larger than this are not kept (localStorage holds about 5 M characters per site). */
export const MAX_KEPT_CHARS = 2_000_000;

/** The saved { docs: [{ name, text }], active } or null. */
export function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!saved || !Array.isArray(saved.docs)) return null;
    const docs = saved.docs.filter((d) => d && typeof d.name === 'string' && typeof d.text === 'string');
    if (docs.length === 0) return null;
    const active = Number.isInteger(saved.active) && saved.active < docs.length ? saved.active : 0;
    return { docs, active };
  } catch {
    return null;
  }
}

/**
 * Saves the documents; a document larger than MAX_KEPT_CHARS is left out. Returns the names
 * of the documents not kept (empty when everything was saved).
 */
export function save(docs, active) {
  const kept = docs.filter((d) => d.text.length <= MAX_KEPT_CHARS);
  const dropped = docs.filter((d) => d.text.length > MAX_KEPT_CHARS).map((d) => d.name);
  try {
    if (kept.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify({ docs: kept, active: Math.max(0, kept.indexOf(docs[active])) }));
    return dropped;
  } catch {
    return docs.map((d) => d.name); // quota exceeded or storage disabled
  }
}

/** Forgets the saved work. */
export function forget() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // storage disabled: nothing kept anyway
  }
}
