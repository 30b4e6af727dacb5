// Module worker of the served page: the wasm build of presslens (www/pkg, --target web) behind
// the protocol of worker-core.js. The single-file build (scripts/build-single.py) runs the same
// worker-core.js in a blob worker with the no-modules build instead.
import init, { analyze_json, compare, to_markdown } from './pkg/presslens.js';
import { serve } from './worker-core.js';

// The analysis crosses the wasm boundary as one JSON string (faster than building the object
// field by field from Rust: bench/browser/run.sh times both).
const analyze = (text, options) => JSON.parse(analyze_json(text, options));
serve({ analyze, compare, to_markdown }, init());
