// The page's side of the worker protocol (worker-core.js), as promises. Only one analysis runs
// at a time: while the worker is busy, a newer text replaces any text still waiting, and the
// promise of a text that was replaced resolves to null.

/** Texts longer than this cross to the worker in slices of this many characters. */
const PART_CHARS = 500_000;

export class Analyzer {
  /** `worker`: a Worker speaking worker-core.js; `onStatus(state, message)` hears ready/init-error. */
  constructor(worker, onStatus) {
    this.worker = worker;
    this.ready = false;
    this.req = 0;
    this.pending = new Map(); // req → { resolve, reject }
    this.analysisId = 0; // id of the analysis the page shows
    this.busy = false;
    this.waiting = null; // { text, options, resolve }
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => onStatus('error', `The analyzer stopped: ${event.message ?? 'unknown error'}`);
    this.onStatus = onStatus;
  }

  receive(msg) {
    if (msg.type === 'ready') {
      this.ready = true;
      this.onStatus('ready');
      return;
    }
    if (msg.type === 'saved' && msg.req === undefined) {
      this.onStatus('saved', msg);
      return;
    }
    if (msg.type === 'init-error') {
      this.onStatus('error', `The analyzer could not start: ${msg.message}`);
      return;
    }
    const handlers = this.pending.get(msg.req);
    if (!handlers) return;
    this.pending.delete(msg.req);
    if (msg.type === 'error') handlers.reject(new Error(msg.message));
    else handlers.resolve(msg);
  }

  call(message) {
    const req = ++this.req;
    return new Promise((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      this.worker.postMessage({ ...message, req });
    });
  }

  /**
   * Analyzes `text`; with `keep` ({ docs, active }) the worker then saves those documents for the
   * next visit (the text itself crosses to the worker once). Resolves to { id, ms, summary } for the latest text, to null for a text
   * replaced by a newer one before the worker took it; rejects with the analyzer's error.
   */
  analyze(text, options, keep) {
    if (this.waiting) this.waiting.resolve(null);
    return new Promise((resolve, reject) => {
      this.waiting = { text, options, keep, resolve, reject };
      this.pump();
    });
  }

  /** Forgets any waiting text and marks results in flight as stale (for a cleared input). */
  cancel() {
    if (this.waiting) this.waiting.resolve(null);
    this.waiting = null;
    this.analysisId += 1;
  }

  async pump() {
    if (this.busy || !this.waiting) return;
    const { text, options, keep, resolve, reject } = this.waiting;
    this.waiting = null;
    this.busy = true;
    const id = ++this.analysisId;
    try {
      // A large text goes over in slices, one per task: one postMessage copies its whole
      // payload on the main thread (~20 ms for 10 MB, far more on a loaded machine).
      let payload = text;
      if (text.length > PART_CHARS) {
        for (let at = 0; at < text.length; at += PART_CHARS) {
          this.worker.postMessage({ type: 'text-part', id, part: text.slice(at, at + PART_CHARS) });
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        payload = null;
      }
      const msg = await this.call({ type: 'analyze', id, text: payload, options, keep });
      resolve(id === this.analysisId && !this.waiting ? { id, ms: msg.ms, summary: msg.summary } : null);
    } catch (err) {
      if (id === this.analysisId && !this.waiting) reject(err);
      else resolve(null);
    } finally {
      this.busy = false;
      this.pump();
    }
  }

  /** Items `from`..`from+count` of a view ('lines' or 'article') of analysis `id`; null if stale. */
  async slice(id, view, from, count) {
    const msg = await this.call({ type: 'slice', id, view, from, count });
    return msg.type === 'slice' ? msg : null;
  }

  /** Line numbers whose text contains `needle` (case-insensitive); null if stale. */
  async find(id, needle) {
    const msg = await this.call({ type: 'find', id, needle });
    return msg.type === 'found' ? msg.lines : null;
  }

  /**
   * Keeps the documents across reloads (in the worker, so a large text's copy into storage never
   * blocks the page). Resolves to the names of the documents not kept; [] forgets everything.
   */
  async save(docs, active) {
    const msg = await this.call({ type: 'save', docs, active });
    return msg.dropped;
  }

  /** The saved { docs, active }, or null. */
  async load() {
    const msg = await this.call({ type: 'load' });
    return msg.saved;
  }

  /** The wasm `compare` of several texts: the Comparison (sources by position in `texts`). */
  async compare(texts, options) {
    const msg = await this.call({ type: 'compare', texts, options });
    return msg.comparison;
  }

  /** The export text of analysis `id` in `format` ('json', 'markdown', 'text', 'body'); null if stale. */
  async exportText(id, format) {
    const msg = await this.call({ type: 'export', id, format });
    return msg.type === 'export' ? msg.text : null;
  }
}
