// HTML → text lines plus one page-structure hint per line, for a rich paste (clipboard text/html)
// and opened .html files; the benchmark (bench/rich/convert.mjs) runs this same file. The HTML is
// parsed into an inert DOMParser document, never inserted into the page: nothing in it runs or
// loads. Lines follow Chromium's innerText (block elements and <br> break lines, a blank line
// around <p>, hidden elements, scripts, styles and form controls left out). Hints are
// measurements: a row `TAG LINK LANDMARKS GROUPS MAIN` per line (LineHint in src/model.rs; an
// empty row for a blank line), e.g. `p 0.05 48 16384 2`: link share, bit masks of the landmark
// ancestors (LANDMARK_TAGS) and class/id word groups (CLASS_GROUPS keys), 1 inside the main
// text container, 2 inside its core (markMainContainer).
import { CLASS_GROUPS, LANDMARK_TAGS, ROLE_LANDMARKS } from './rich-words.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD', 'TITLE', 'META', 'LINK', 'SELECT', 'BUTTON', 'TEXTAREA', 'INPUT']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);
/** Elements that name a line's `t` without breaking lines themselves. */
const CELL = new Set(['TD', 'TH']);
/** Tag or landmark name → its bit in `a`; class/id word → its group's bit in `c`. */
const LANDMARK_BIT = new Map(LANDMARK_TAGS.map((name, k) => [name, 1 << k]));
const WORD_BIT = new Map(Object.values(CLASS_GROUPS).flatMap((words, k) => words.map((w) => [w, 1 << k])));

/** A line at least this long with a sentence end is prose (main-container measurement). */
const PROSE_CHARS = 80;
const SENTENCE_END = /[.!?。！？…](["'”’»)\]]*)(\s|$)/;
/** What a non-prose character costs a container, against 1 for a prose character. */
const CHROME_COST = 0.5;
/** The core of the main container keeps at least this share of its prose. */
const CORE_SHARE = 0.85;

/**
 * `html` as an inert document, without style sheets and style attributes (the parser would check
 * inline styles against the page's CSP and log errors; `display:none` becomes `hidden`) and
 * without event handler attributes (an image's error event would try its blocked handler).
 */
function parseInert(html) {
  let clean = html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/(<[a-z][^>]*?)\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (_, tag, value) =>
      (/display\s*:\s*none/i.test(value) ? `${tag} hidden` : tag));
  // One handler per tag and pass; a pass that removes nothing ends it.
  for (let before = ''; before !== clean;) {
    before = clean;
    clean = clean.replace(/(<[a-z][^>]*?)\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '$1');
  }
  return new DOMParser().parseFromString(clean, 'text/html');
}

/** The bits of the CLASS_GROUPS groups named by an element's class, id and itemprop words. */
function classBits(element) {
  const raw = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
  let bits = 0;
  if (!raw.trim()) return bits;
  for (const word of raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/)) bits |= WORD_BIT.get(word) ?? 0;
  return bits;
}

/** The visible (non-space) character count of `text`. */
function visible(text) {
  return text.replace(/\s+/g, '').length;
}

/**
 * Converts HTML to `{ lines, hints }`: the text lines a select-all copy of the rendered page would
 * give, and one hint row per line (see the top of this file). Analyze `lines.join('\n')` with the
 * option `hints: hints.join('\n')`. Never throws on odd markup; an HTML without text gives no lines.
 */
export function htmlToLines(html) {
  const doc = parseInert(String(html ?? ''));
  const lines = [];
  const hints = [];
  const owners = []; // per line: the element holding its first text, or null for blank lines
  let segs = []; // { text, link } of the line being built
  let lineCtx = null; // context of the line's first visible text
  let marks = 0;
  let groups = 0;
  let pending = 0; // required line breaks before the next text (innerText's 1 or 2)

  const endLine = () => {
    if (lineCtx) {
      const text = segs.map((s) => s.text).join('').replace(/\s+/g, ' ').trim();
      if (text) {
        const all = visible(text);
        const linked = segs.reduce((n, s) => n + (s.link ? visible(s.text) : 0), 0);
        const share = all ? Math.round(Math.min(1, linked / all) * 100) / 100 : 0;
        const hint = { t: lineCtx.tag, l: share, a: marks, c: groups, m: 0 };
        lines.push(text);
        hints.push(hint);
        owners.push(lineCtx.owner);
      }
    }
    segs = [];
    lineCtx = null;
    marks = 0;
    groups = 0;
  };
  const requireBreak = (n) => {
    endLine();
    pending = Math.max(pending, n);
  };
  const addText = (text, ctx) => {
    if (!lineCtx) {
      if (!/\S/.test(text)) return; // leading whitespace of a line collapses away
      if (pending === 2 && lines.length) {
        lines.push('');
        hints.push(null);
        owners.push(null);
      }
      pending = 0;
      lineCtx = ctx;
    }
    segs.push({ text, link: ctx.link });
    marks |= ctx.marks;
    groups |= ctx.groups;
  };

  const walk = (node, ctx) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (ctx.pre) {
          child.data.split('\n').forEach((part, i) => {
            if (i > 0) requireBreak(1);
            addText(part, ctx);
          });
        } else addText(child.data, ctx);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag) || child.hidden || child.getAttribute('aria-hidden') === 'true') continue;
      if (tag === 'BR') {
        requireBreak(1);
        continue;
      }
      if (tag === 'IMG') continue;
      const lower = tag.toLowerCase();
      const block = BLOCK.has(tag);
      const role = ROLE_LANDMARKS[child.getAttribute('role') ?? ''];
      const inner = {
        tag: block || CELL.has(tag) ? lower : ctx.tag,
        link: ctx.link || tag === 'A',
        pre: ctx.pre || tag === 'PRE',
        marks: ctx.marks | (LANDMARK_BIT.get(lower) ?? 0) | (LANDMARK_BIT.get(role) ?? 0),
        groups: ctx.groups | classBits(child),
        owner: child,
      };
      const breaks = tag === 'P' ? 2 : 1;
      if (block) requireBreak(breaks);
      if (CELL.has(tag)) addText(' ', inner);
      walk(child, inner);
      if (block) requireBreak(breaks);
    }
  };
  if (doc.body) walk(doc.body, { tag: 'body', link: false, pre: false, marks: 0, groups: 0, owner: doc.body });
  endLine();
  markMainContainer(lines, hints, owners);
  return {
    lines,
    hints: hints.map((h) => (h ? `${h.t} ${h.l} ${h.a} ${h.c} ${h.m}` : '')),
  };
}

/**
 * Sets `m` to 1 on the lines inside the page's main text container, the element whose lines score
 * best when every character of a prose line (long, with a sentence end, mostly not link text)
 * counts 1 and every other character costs CHROME_COST, and to 2 inside its core (above). A page
 * without prose gets no `m`.
 */
function markMainContainer(lines, hints, owners) {
  const score = new Map();
  const proseChars = new Map();
  lines.forEach((text, i) => {
    const owner = owners[i];
    if (!owner) return;
    const prose = text.length >= PROSE_CHARS && SENTENCE_END.test(text) && hints[i].l < 0.5;
    const value = prose ? text.length : -CHROME_COST * text.length;
    for (let e = owner; e && e.nodeType === 1; e = e.parentNode) {
      score.set(e, (score.get(e) ?? 0) + value);
      if (prose) proseChars.set(e, (proseChars.get(e) ?? 0) + text.length);
    }
  });
  let best = null;
  let bestScore = 0;
  for (const [element, value] of score) {
    if (value > bestScore) {
      best = element;
      bestScore = value;
    }
  }
  if (!best) return;
  // The core: the deepest element under `best` still holding CORE_SHARE of its prose.
  let core = best;
  for (;;) {
    let next = null;
    for (let child = core.firstElementChild; child; child = child.nextElementSibling) {
      if ((proseChars.get(child) ?? 0) >= CORE_SHARE * (proseChars.get(best) ?? 0)) next = child;
    }
    if (!next) break;
    core = next;
  }
  owners.forEach((owner, i) => {
    if (owner && best.contains(owner)) hints[i].m = core.contains(owner) ? 2 : 1;
  });
}
