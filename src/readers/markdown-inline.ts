/**
 * Markdown inline text → model inlines. Supported: `**strong**`/`__strong__`,
 * `*emphasis*`/`_emphasis_`, GFM's `~~strikethrough~~` (and `<s>`, `<del>`,
 * `<strike>`), code spans (as text), backslash escapes, inline
 * links and autolinks (as links), images (their alt text), reference links
 * (as links where defined: markdown-references.ts rewrites them first; else their text), HTML tags (stripped, text kept; `<br>` becomes a break,
 * and Markdown having no syntax of its own for them, `<u>…</u>` underline,
 * `<mark>…</mark>` a highlight, `<span style="color: #rrggbb">…</span>` a
 * text colour and `<span style="font-size: 14pt">…</span>` a type size), HTML comments, Liquid `{% … %}` tags and kramdown `{: … }`
 * attribute lists (removed), common HTML entities. GFM footnotes are
 * markdown-footnotes.ts's.
 */
import { DEFAULT_HIGHLIGHT, highlightOfRgb, textColorOf } from '../colors.js';
import { pointsOfCss } from '../font-size.js';
import type { Inline } from '../model/nodes.js';
import { namedReference, numericReference } from './entities.js';

/** Stands for a hard line break between `cleanInline` and `parseInline`. */
export const BREAK = '\u0000';

/**
 * A link in cleaned text: LINK_OPEN, the index of its target, LINK_TEXT, its
 * text, LINK_CLOSE. Control characters no contract contains; a paragraph that
 * does contain one has its links read as text instead.
 */
const LINK_OPEN = '\u0001';
const LINK_TEXT = '\u0002';
const LINK_CLOSE = '\u0003';
/**
 * Underline, strikethrough, highlight, text colour or type size in cleaned text: WRAP_OPEN, what it is
 * ('u', 'x', 'h' and a highlighter colour, 'c' and six hex digits, 's' and points), WRAP_TEXT, its
 * text, WRAP_CLOSE. Wraps nest.
 */
const WRAP_OPEN = '\u0004';
const WRAP_CLOSE = '\u0005';
const WRAP_TEXT = '\u0006';
const MARKS = /[\u0001-\u0006]/;

/** Inline HTML kept as formatting: `<u>`/`<ins>`, `<s>`/`<del>`/`<strike>`, `<mark>` and `<span style="color: …; font-size: …">`, either end. */
const WRAP_TAG = /<(\/?)(u|ins|s|del|strike|mark|span)(?=[\s>])([^<>]*)>/gi;

/**
 * GFM strikethrough: `~~words~~`, not opening before a space nor closing after one, and
 * not part of a longer run of tildes. Backslash-escaped tildes were hidden before this runs.
 */
const STRIKE = /(?<!~)~~(?=[^\s~])((?:(?!~~)[\s\S])*?[^\s~])~~(?!~)/g;

/** A tag's `style` declaration of `property` (`color` is not `background-color`). */
function styleValue(attrs: string, property: string): string | undefined {
  const style = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  const declarations = style?.[1] ?? style?.[2] ?? '';
  return new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(declarations)?.[1]?.trim();
}

/** Replaces wrap tags by marks; `</span>` closes the marks its `<span>` opened (a colour, a size, a decoration, some or none). */
function wrapMarks(): (tag: string, close: string, name: string, attrs: string) => string {
  /** How many marks each open `<span>` opened. */
  const spans: number[] = [];
  return (_tag, close, name, attrs) => {
    const lower = name.toLowerCase();
    if (lower === 'span') {
      if (close) return WRAP_CLOSE.repeat(spans.pop() ?? 0);
      const color = textColorOf(styleValue(attrs, 'color'));
      const size = pointsOfCss(styleValue(attrs, 'font-size'));
      // Underline and strikethrough set in CSS, as web pages and Word's HTML set them.
      const decoration = (styleValue(attrs, 'text-decoration-line') ?? styleValue(attrs, 'text-decoration') ?? '').toLowerCase();
      const kinds = [
        ...(color !== undefined ? [`c${color}`] : []),
        ...(size !== undefined ? [`s${size}`] : []),
        ...(/\bunderline\b/.test(decoration) ? ['u'] : []),
        ...(/\bline-through\b/.test(decoration) ? ['x'] : []),
      ];
      spans.push(kinds.length);
      return kinds.map((kind) => `${WRAP_OPEN}${kind}${WRAP_TEXT}`).join('');
    }
    if (close) return WRAP_CLOSE;
    if (lower === 'u' || lower === 'ins') return `${WRAP_OPEN}u${WRAP_TEXT}`;
    if (lower === 's' || lower === 'del' || lower === 'strike') return `${WRAP_OPEN}x${WRAP_TEXT}`;
    const background = textColorOf(styleValue(attrs, 'background-color') ?? styleValue(attrs, 'background'));
    return `${WRAP_OPEN}h${background ? highlightOfRgb(background) : DEFAULT_HIGHLIGHT}${WRAP_TEXT}`;
  };
}

/**
 * Remove markup that carries no contract text, keeping the visible words.
 * With `links`, inline links and autolinks are kept as marks for parseInline
 * and their targets appended to `links`; without, only their text is kept.
 */
export function cleanInline(raw: string, links?: string[]): string {
  const keepLinks = links !== undefined && !MARKS.test(raw);
  const escaped = raw.includes('\\');
  const link = (text: string, destination: string): string => {
    const href = keepLinks ? linkTarget(destination) : undefined;
    if (!href || !text.trim()) return text;
    links!.push(href);
    return `${LINK_OPEN}${links!.length - 1}${LINK_TEXT}${text}${LINK_CLOSE}`;
  };
  const cleaned = removeSpans(removeSpans(removeSpans(escaped ? protectEscapes(raw) : raw, '<!--', '-->'), '{%', '%}'), '{:', '}')
    // Bracketed text holds no bracket here (nor in a reference link below), and a destination's
    // parenthesised part no parenthesis: '[' or '(' that never closes then ends each search at the
    // next one, where `[^\]]*` or `[^)]*` scanned to the end of the paragraph from every one of
    // them (quadratic: a 256 KB line of '[' took over a minute, of '[a](' 20 s).
    .replace(/!\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/!\[([^[\]]*)\]\[[^[\]]*\]/g, '$1') // a reference image: its alt text too
    // A link's text may hold one level of brackets (`[see [1]](url)`), its destination one of
    // parentheses. Each character of the text is a bracket-free one or a bracketed group, never
    // both: an ambiguous pattern (text as `[^\]]*` around groups) backtracked cubically, and a
    // line of 4,000 '[' took 26 s to read.
    .replace(/\[((?:[^[\]]|\[[^[\]]*\])*)\]\(((?:[^()]|\([^()]*\))*)\)/g, (_, text: string, destination: string) => link(text, destination))
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1')
    // An autolink's text is its address, shown as written: '_' and '*' in it are not emphasis.
    // No '<' in an autolink (CommonMark): one never closed then ends its search at the next '<'
    // (searching on to the next space or '>' was quadratic: 32 s for a line of 1 MB of '<http://a').
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, (_, url: string) => link(url.replace(/[\\`*_]/g, '\\$&'), url))
    .replace(/<br\s*\/?>/gi, BREAK)
    .replace(WRAP_TAG, keepLinks ? wrapMarks() : () => '')
    .replace(STRIKE, keepLinks ? `${WRAP_OPEN}x${WRAP_TEXT}$1${WRAP_CLOSE}` : '$1')
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '');
  return escaped ? restoreEscapes(cleaned) : cleaned;
}

/**
 * `s` with each span from `open` to the first `close` after it (HTML comments, Liquid
 * tags, kramdown attribute lists) replaced by what `instead` makes of it (by default
 * nothing); an `open` never closed stays, as does the rest. A
 * lazy regex (`<!--[\s\S]*?-->`) searched to the end of the paragraph from every
 * unclosed `open`: a line of 250 KB of '<!--' took 17 s.
 */
export function removeSpans(s: string, open: string, close: string, instead: (span: string) => string = () => ''): string {
  let at = s.indexOf(open);
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const end = s.indexOf(close, at + open.length);
    if (end < 0) break; // none closes after this one, nor after any later one
    out += s.slice(from, at) + instead(s.slice(at, end + close.length));
    from = end + close.length;
    at = s.indexOf(open, from);
  }
  return out + s.slice(from);
}

/**
 * Backslash-escaped brackets, angle brackets, "!" and "~" hidden from the link, image and
 * tag patterns above (`\[not a link\](x)`, `\<b>` are text), and put back, still
 * escaped, for parseRun. A pair `\\` is an escaped backslash and protects nothing.
 */
const PROTECTED = '[]<>()!~';
const PROTECT = '\u000e';
function protectEscapes(s: string): string {
  return s.replace(/\u000e/g, '').replace(/\\([\s\S])/g, (pair, c: string) => {
    const k = PROTECTED.indexOf(c);
    return k < 0 ? pair : PROTECT + k;
  });
}
function restoreEscapes(s: string): string {
  return s.replace(/\u000e(\d)/g, (_, k: string) => `\\${PROTECTED[Number(k)]}`);
}

/** The target of a link destination (`url "title"` or `<url with spaces>`), backslash escapes and entities decoded. */
function linkTarget(destination: string): string | undefined {
  const d = destination.trim();
  const raw = d.startsWith('<') ? /^<((?:[^<>\\\n]|\\.)*)>/.exec(d)?.[1] : d.split(/\s/)[0];
  if (!raw) return undefined;
  return decodeEntities(raw.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/** Parse cleaned inline markdown into inlines; whitespace runs collapse to one space. */
export function parseInline(raw: string): Inline[] {
  // Most contract paragraphs carry no markup at all: one text node, spaces
  // collapsed and ends trimmed, exactly what the full parse gives them.
  if (!SPECIAL_OR_COLLAPSIBLE.test(raw) && !raw.includes('  ')) return textNode(raw.trim());
  if (!INLINE_SPECIAL.test(raw)) return textNode(collapseAndTrim(raw));
  const links: string[] = [];
  return finish(parseRun(cleanInline(raw, links), links));
}

/** Characters that make cleanInline, parseRun or decodeEntities do anything (\0 is BREAK). */
const INLINE_SPECIAL = /[<{[\\`\0*_&~]/;
/**
 * The same plus the whitespace collapseAndTrim replaces (with `includes('  ')`
 * for runs of spaces): a character class and `includes` test a plain paragraph
 * faster than the alternation `[\t\r\n]| {2}` in collapseAndTrim.
 */
const SPECIAL_OR_COLLAPSIBLE = /[<{[\\`\0*_&~\t\r\n]/;

/** One text node, or none for an empty string. */
function textNode(value: string): Inline[] {
  return value === '' ? [] : [{ type: 'text', value }];
}

/** `[ \t\r\n]+` → ' ', then trimmed at both ends (as `finish` and `trimEnds` do). */
function collapseAndTrim(s: string): string {
  return (/[\t\r\n]| {2}/.test(s) ? s.replace(/[ \t\r\n]+/g, ' ') : s).trim();
}

/** Next character parseRun treats specially, from `from`; s.length when none. */
const RUN_SPECIAL = /[\\`\0*_\u0001-\u0006]/g;
function nextSpecial(s: string, from: number): number {
  RUN_SPECIAL.lastIndex = from;
  return RUN_SPECIAL.test(s) ? RUN_SPECIAL.lastIndex - 1 : s.length;
}

/**
 * The WRAP_CLOSE that closes each WRAP_OPEN of `s`, by the open's index (none for one never
 * closed), in one pass: searching from every open to the end of the text was quadratic on
 * wraps never closed (a line of 250 KB of '<u>' took 13 s).
 */
function wrapCloses(s: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let k = s.indexOf(WRAP_OPEN); k >= 0 && k < s.length; k++) {
    if (s[k] === WRAP_OPEN) open.push(k);
    else if (s[k] === WRAP_CLOSE && open.length > 0) closes.set(open.pop()!, k);
  }
  return closes;
}

/**
 * How deep links, emphasis and wraps (underline, colour…) nest in the model. Deeper
 * ones are read as their words: 10,000 nested '<u>' overflowed the stack here and in
 * every step after (an internal error), and no contract nests its emphasis so.
 */
const MAX_INLINE_DEPTH = 32;

/** The node a wrap's kind ('u', 'x', 'hyellow', 'cC00000', 's10.5') makes of its children. */
function wrapNode(kind: string, children: Inline[]): Inline {
  if (kind[0] === 'h') return { type: 'highlight', color: kind.slice(1), children };
  if (kind[0] === 'c') return { type: 'textColor', color: kind.slice(1), children };
  if (kind[0] === 's') return { type: 'fontSize', points: Number(kind.slice(1)), children };
  if (kind === 'x') return { type: 'strike', children };
  return { type: 'underline', children };
}

function parseRun(s: string, links: readonly string[], depth = 0): Inline[] {
  const out: Inline[] = [];
  const nests = depth < MAX_INLINE_DEPTH;
  let closes: Map<number, number> | undefined;
  let unclosed: Map<string, number> | undefined;
  let buf = '';
  const flush = (): void => {
    if (buf !== '') out.push({ type: 'text', value: buf });
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[i + 1])) {
      buf += s[i + 1];
      i += 2;
    } else if (c === '`') {
      const run = s.slice(i).match(/^`+/)![0];
      const close = s.indexOf(run, i + run.length);
      if (close < 0) {
        buf += run;
        i += run.length;
      } else {
        buf += s.slice(i + run.length, close).trim();
        i = close + run.length;
      }
    } else if (c === LINK_OPEN) {
      const open = /^\u0001(\d+)\u0002/.exec(s.slice(i, i + 12));
      const close = open && nests ? s.indexOf(LINK_CLOSE, i) : -1;
      if (open && close > 0) {
        flush();
        out.push({ type: 'link', href: links[Number(open[1])]!, children: parseRun(s.slice(i + open[0].length, close), links, depth + 1) });
        i = close + 1;
      } else i += open ? open[0].length : 1; // cut by an emphasis span: the words stay, the link goes
    } else if (c === WRAP_OPEN) {
      const text = s.indexOf(WRAP_TEXT, i);
      const close = text > 0 && nests ? ((closes ??= wrapCloses(s)).get(i) ?? -1) : -1;
      if (close > 0) {
        flush();
        out.push(wrapNode(s.slice(i + 1, text), parseRun(s.slice(text + 1, close), links, depth + 1)));
        i = close + 1;
      } else i = text > 0 ? text + 1 : i + 1; // never closed: the words stay, plain
    } else if (c === LINK_TEXT || c === LINK_CLOSE || c === WRAP_CLOSE || c === WRAP_TEXT) {
      i += 1;
    } else if (c === BREAK) {
      flush();
      out.push({ type: 'break' });
      i += 1;
    } else if (c === '*' || c === '_') {
      const n = s.slice(i).match(c === '*' ? /^\*+/ : /^_+/)![0].length;
      const span = nests ? delimited(s, i, c, n, (unclosed ??= new Map())) : undefined;
      if (span) {
        flush();
        const children = parseRun(s.slice(span.start, span.end), links, depth + 1);
        out.push(span.strong ? { type: 'strong', children } : { type: 'emphasis', children });
        i = span.next;
      } else {
        buf += c.repeat(n);
        i += n;
      }
    } else {
      const next = nextSpecial(s, i + 1);
      buf += s.slice(i, next);
      i = next;
    }
  }
  flush();
  return out;
}

/**
 * Find the closing delimiter of an emphasis run opening at `i` (CommonMark, simplified).
 * `unclosed` remembers, by delimiter and width, the earliest place a search found no closer
 * from: whether a run closes depends on the run alone, so a later search from there on has
 * only the run it starts inside left to try. Without it every opener never closed searched
 * to the end of the paragraph (quadratic: a line of 70 KB of '*a ' took 5 s).
 */
function delimited(s: string, i: number, c: string, n: number, unclosed: Map<string, number>): { strong: boolean; start: number; end: number; next: number } | undefined {
  const after = s[i + n];
  const before = s[i - 1];
  if (after === undefined || /\s/.test(after)) return undefined;
  if (c === '_' && before !== undefined && /[\p{L}\p{N}]/u.test(before)) return undefined;
  const width = n >= 2 ? 2 : 1;
  const start = i + width;
  const key = c + width;
  const from = start + 1;
  const known = unclosed.get(key);
  const searched = known !== undefined && from >= known;
  // Past a failed search, only a run that `from` cuts into (its first delimiters after whitespace) is new.
  const to = searched ? (s[from] === c && s[from - 1] === c ? from + 1 : from) : s.length;
  for (let j = from; j < to; j++) {
    if (s[j] !== c) continue;
    let run = 1;
    while (s[j + run] === c) run++;
    const closes = !/\s/.test(s[j - 1]) && (c === '*' || !/[\p{L}\p{N}]/u.test(s[j + run] ?? ''));
    if (closes && run >= width) {
      const at = j + run - width; // the last delimiters of the run close this span
      return { strong: width === 2, start, end: at, next: at + width };
    }
    j += run - 1;
  }
  if (!searched) unclosed.set(key, from);
  return undefined;
}

/** CommonMark's entity and numeric references: the closing `;` is required. */
export function decodeEntities(s: string): string {
  return s.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (whole, hex: string, dec: string, name: string) => {
    if (name !== undefined) return namedReference(name) ?? whole;
    return numericReference(hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10));
  });
}

/** Decode entities, collapse spaces, merge neighbouring text nodes, trim the ends. */
function finish(nodes: Inline[], top = true): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const value = decodeEntities(node.value).replace(/[ \t\r\n]+/g, ' ');
      const last = out[out.length - 1];
      if (last?.type === 'text') last.value += value;
      else if (value !== '') out.push({ type: 'text', value });
    } else if ('children' in node) {
      const children = finish(node.children, false);
      if (children.length > 0) out.push({ ...node, children });
    } else out.push(node);
  }
  return top ? trimEnds(out) : out;
}

/** Trim leading/trailing spaces of a whole inline run (not inside its formatting; inside a field, whose result is its text). */
export function trimEnds(nodes: Inline[]): Inline[] {
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  // A field's result (DOCX) is trimmed within: the field stays, its padding goes.
  else if (first?.type === 'field') first.children = trimEnds(first.children);
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd(); // not /\s+$/, quadratic over a long run of spaces
  else if (last?.type === 'field') last.children = trimEnds(last.children);
  return nodes.filter((n) => (n.type !== 'text' || n.value !== '') && (n.type !== 'field' || n.children.length > 0));
}
