// Opening files in the page: .txt, .md and .html (converted by rich.js into lines and page-structure
// hints, like a rich paste of the whole page). Nothing is uploaded; HTML is parsed with DOMParser into
// an inert document that is never inserted into the live page (its scripts never run, its images never load).
import { htmlToLines } from './rich.js';

/** The core's input limit (src/limits.rs MAX_INPUT_BYTES): larger files are refused unread. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml']);

/** An error whose message is for the person who opened the file. */
export class FileProblem extends Error {}

function extension(name) {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** True when `bytes` look like binary data: a NUL byte, or many control characters, early on. */
export function looksBinary(bytes) {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control += 1;
  }
  return n > 0 && control / n > 0.05;
}

/** Decodes UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252. */
export function decodeText(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Reads one opened or dropped file as text: { name, text }, with `hints` (the hints table, one
 * row per line, see rich.js) for HTML. Throws a FileProblem with a
 * message for an unsupported type, a binary or oversized file, or an empty one.
 */
export async function readFile(file) {
  const ext = extension(file.name);
  const isHtml = HTML_EXTENSIONS.has(ext) || file.type === 'text/html';
  const isText = TEXT_EXTENSIONS.has(ext) || (!ext && file.type.startsWith('text/')) || file.type === 'text/plain' || file.type === 'text/markdown';
  if (!isHtml && !isText) {
    throw new FileProblem(`“${file.name}” is not a supported file: open .txt, .md or .html files.`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new FileProblem(`“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; presslens reads at most 50 MB.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksBinary(bytes)) throw new FileProblem(`“${file.name}” holds binary data, not text.`);
  let text = decodeText(bytes);
  let hints;
  if (isHtml) {
    const converted = htmlToLines(text);
    text = converted.lines.join('\n');
    hints = converted.hints.join('\n');
  }
  if (!text.trim()) throw new FileProblem(`“${file.name}” is empty: there is no text to analyze.`);
  return hints === undefined ? { name: file.name, text } : { name: file.name, text, hints };
}
