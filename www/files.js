// Opening files in the page: .txt, .md and .html (converted to text here, like a select-all
// copy of the rendered page). Nothing is uploaded; HTML is parsed with DOMParser into an inert
// document that is never inserted into the live page (its scripts never run, its images never load).

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

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'TITLE', 'META', 'LINK', 'SELECT', 'BUTTON']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);

/**
 * The text of an HTML document as a select-all copy would give it: one line per block element
 * (paragraph, heading, list item, table row…) and per `<br>`, whitespace collapsed inside lines,
 * hidden elements, scripts and styles left out.
 */
export function htmlToText(html) {
  // Style sheets and style attributes carry no text; removing them first keeps the parser from
  // evaluating inline styles against the page's CSP (each would log a blocked-style error).
  // An element styled display:none becomes `hidden`, so it is left out like a copy leaves it.
  const unstyled = html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/(<[a-z][^>]*?)\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (_, tag, value) =>
      (/display\s*:\s*none/i.test(value) ? `${tag} hidden` : tag));
  const doc = new DOMParser().parseFromString(unstyled, 'text/html');
  const lines = [];
  let current = '';
  const breakLine = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node, pre) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (pre) {
          const parts = child.data.split('\n');
          parts.forEach((part, i) => {
            if (i > 0) breakLine();
            current += part;
          });
        } else current += child.data;
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag) || child.hidden || child.getAttribute('aria-hidden') === 'true') continue;
      if (tag === 'BR') {
        breakLine();
        continue;
      }
      if (tag === 'IMG') {
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) breakLine();
      if (tag === 'TD' || tag === 'TH') current += ' ';
      walk(child, pre || tag === 'PRE');
      if (block) breakLine();
    }
  };
  if (doc.body) walk(doc.body, false);
  breakLine();
  return lines.join('\n');
}

/**
 * Reads one opened or dropped file as text: { name, text }. Throws a FileProblem with a
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
  if (isHtml) text = htmlToText(text);
  if (!text.trim()) throw new FileProblem(`“${file.name}” is empty: there is no text to analyze.`);
  return { name: file.name, text };
}
