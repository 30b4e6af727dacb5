// The analysis runs here, off the page's main thread. Protocol:
//   page → worker: { id, text, options }
//   worker → page: { type: 'ready' } once the wasm module is instantiated,
//                  { type: 'init-error', message } if it cannot be,
//                  { type: 'result', id, analysis, ms } or { type: 'error', id, message }.
import init, { analyze } from './pkg/presslens.js';

const ready = init().then(
  () => self.postMessage({ type: 'ready' }),
  (err) => {
    self.postMessage({ type: 'init-error', message: String(err && err.message ? err.message : err) });
    throw err;
  },
);

self.onmessage = async (event) => {
  const { id, text, options } = event.data;
  try {
    await ready;
    const started = performance.now();
    const analysis = analyze(text, options);
    self.postMessage({ type: 'result', id, analysis, ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ type: 'error', id, message: String(err && err.message ? err.message : err) });
  }
};
