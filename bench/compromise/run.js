// Baseline for presslens's entities bench: runs npm `compromise` on the texts it is given.
// Input (stdin): JSON array of {"id", "text"}. Output (stdout): JSON array of
// {"id", "people", "places", "organizations", "quotes"}; names are compromise's own surface
// forms (deduplicated case-insensitively, first form kept), quotes are the quoted text
// without marks. compromise names no speakers, so "speaker" is always null.
'use strict';
const nlp = require('compromise');

function uniq(list) {
  const seen = new Set();
  const out = [];
  for (const raw of list) {
    const s = raw.replace(/[’']s$/, '').replace(/^[\s"“”‘’'(]+|[\s"“”‘’',.;:!?)]+$/g, '');
    const k = s.toLowerCase();
    if (s && !seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const docs = JSON.parse(input);
  const out = docs.map(({ id, text }) => {
    const doc = nlp(text);
    return {
      id,
      people: uniq(doc.people().out('array')),
      places: uniq(doc.places().out('array')),
      organizations: uniq(doc.organizations().out('array')),
      quotes: doc.quotations().out('array').map((q) => ({
        text: q.replace(/^[\s"“”‘’']+|[\s"“”‘’']+$/g, ''),
        speaker: null,
      })),
    };
  });
  process.stdout.write(JSON.stringify(out));
});
