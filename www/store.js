// Keeps the user's work across reloads, in this browser only (nothing is sent anywhere). Runs in
// the analysis worker. IndexedDB rather than localStorage: localStorage exists only on the main
// thread, is synchronous (saving a 10 MB paste blocked the page for over 100 ms) and holds
// about 5 M characters per site.

const DB_NAME = 'presslens';
const STORE = 'work';
const KEY = 'docs:v1';
/** Documents larger than this are not kept. */
export const MAX_KEPT_CHARS = 20_000_000;

let dbPromise = null;

function db() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

async function request(mode, act) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const tx = database.transaction(STORE, mode);
    const req = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The saved { docs: [{ name, text }], active }, or null when nothing (valid) is saved. */
export async function load() {
  try {
    const saved = await request('readonly', (store) => store.get(KEY));
    if (!saved || !Array.isArray(saved.docs)) return null;
    const docs = saved.docs.filter((d) => d && typeof d.name === 'string' && typeof d.text === 'string');
    if (docs.length === 0) return null;
    const active = Number.isInteger(saved.active) && saved.active < docs.length ? saved.active : 0;
    return { docs, active };
  } catch {
    return null; // storage disabled (private mode, file:// in some browsers): start empty
  }
}

/**
 * Saves the documents (a document larger than MAX_KEPT_CHARS is left out). Resolves to the
 * names of the documents not kept: empty when everything was saved.
 */
export async function save(docs, active) {
  const kept = docs.filter((d) => d.text.length <= MAX_KEPT_CHARS && d.text.length > 0);
  const dropped = docs.filter((d) => d.text.length > MAX_KEPT_CHARS).map((d) => d.name);
  try {
    if (kept.length === 0) await request('readwrite', (store) => store.delete(KEY));
    else await request('readwrite', (store) => store.put({ docs: kept, active: Math.max(0, kept.indexOf(docs[active])) }, KEY));
    return dropped;
  } catch {
    return docs.map((d) => d.name);
  }
}

/** Forgets the saved work. */
export async function forget() {
  try {
    await request('readwrite', (store) => store.delete(KEY));
  } catch {
    // storage disabled: nothing was kept
  }
}
