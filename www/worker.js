// Module worker of the served page: the wasm build of presslens (www/pkg, --target web) behind
// the protocol of worker-core.js. The single-file build (scripts/build-single.py) runs the same
// worker-core.js in a blob worker with the no-modules build instead.
import init, { analyze_json, compare, to_markdown } from './pkg/presslens.js';
import { serve } from './worker-core.js';

// The analysis crosses the wasm boundary as one JSON string (faster than building the object
// field by field from Rust: bench/browser/run.sh times both).
const analyze = (text, options) => JSON.parse(analyze_json(text, options));
// The module's URL is given explicitly (the glue's default is relative to the glue itself), so the
// same line works here and in the served site, where scripts/build-site.sh bundles the glue into
// this file.
serve({ analyze, compare, to_markdown }, init({ module_or_path: new URL('./pkg/presslens_bg.wasm', import.meta.url) }));
