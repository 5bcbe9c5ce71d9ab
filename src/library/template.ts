/**
 * Mustache templates, rendered by our own walker over Mustache.parse tokens so
 * that (a) every variable a template uses is known before rendering, and
 * (b) a value is inserted as an opaque placeholder, never as text that the
 * markup parser could read as `[[terms]]` or `**bold**`. The markup parser
 * swaps the placeholders for literal text nodes afterwards.
 */
import Mustache from 'mustache';

type Token = [type: string, value: string, start: number, end: number, children?: Token[], closing?: number];

export interface TemplateUse {
  /** Dotted name as written, e.g. `licence_purposes`, `parties.platform.name`, `.` */
  name: string;
  /** For `{{#forum=cietac}}`: the compared value. */
  equals?: string;
  kind: 'value' | 'section' | 'inverted';
  /** Offset in the template source, for line numbers. */
  offset: number;
  /** Whether the use sits inside a list section, where `.` is the current item. */
  inSection: boolean;
}

export interface TemplateProblem {
  message: string;
  offset: number;
}

export interface CompiledTemplate {
  tokens: Token[];
  uses: TemplateUse[];
  problems: TemplateProblem[];
}

/** Placeholder characters from the Private Use Area: never typed by counsel. */
export const PLACEHOLDER_OPEN = '\uE000';
export const PLACEHOLDER_CLOSE = '\uE001';
export const PLACEHOLDER_PATTERN = /\uE000(\d+)\uE001/g;

export function compileTemplate(source: string): CompiledTemplate {
  const problems: TemplateProblem[] = [];
  if (source.includes(PLACEHOLDER_OPEN) || source.includes(PLACEHOLDER_CLOSE)) {
    problems.push({ message: 'template contains reserved private-use characters U+E000/U+E001', offset: 0 });
  }
  let tokens: Token[] = [];
  try {
    tokens = Mustache.parse(source) as unknown as Token[];
  } catch (cause) {
    problems.push(mustacheProblem(source, (cause as Error).message));
    return { tokens: [], uses: [], problems };
  }
  const uses: TemplateUse[] = [];
  const walk = (list: Token[], inSection: boolean): void => {
    for (const token of list) {
      const [type, value, start] = token;
      if (type === 'text' || type === '!') continue;
      if (type === '>' || type === '=') {
        problems.push({ message: `mustache ${type === '>' ? 'partials' : 'delimiter changes'} are not supported ({{${type}${value}}})`, offset: start });
        continue;
      }
      const [name, equals] = splitEquals(value);
      const kind = type === '#' ? 'section' : type === '^' ? 'inverted' : 'value';
      uses.push({ name, ...(equals !== undefined ? { equals } : {}), kind, offset: start, inSection });
      if (token[4]) walk(token[4], inSection || kind === 'section');
    }
  };
  walk(tokens, false);
  return { tokens, uses, problems };
}

function splitEquals(value: string): [string, string | undefined] {
  const i = value.indexOf('=');
  return i < 0 ? [value.trim(), undefined] : [value.slice(0, i).trim(), value.slice(i + 1).trim()];
}

/** How the renderer asks for values: resolve a dotted name to a raw value and print it. */
export interface RenderScope {
  /** Raw value of a root name (variable or `parties`); undefined when unset. */
  lookup(root: string): unknown;
  /** Printed text of a value found at `name`; undefined if it has no text in this language. */
  print(name: string, value: unknown): string | undefined;
}

export interface Rendered {
  /** Template output with every value replaced by a placeholder. */
  text: string;
  /** Placeholder n → literal text. */
  values: string[];
  problems: TemplateProblem[];
}

export function renderTemplate(template: CompiledTemplate, scope: RenderScope): Rendered {
  const values: string[] = [];
  const problems: TemplateProblem[] = [];
  const stack: unknown[] = [];

  const resolve = (name: string): unknown => {
    if (name === '.') return stack.at(-1);
    const [root, ...rest] = name.split('.');
    // Inner contexts (list items that are objects) shadow root names, as in mustache.
    let value: unknown = undefined;
    for (let i = stack.length - 1; i >= 0; i--) {
      const ctx = stack[i];
      if (ctx !== null && typeof ctx === 'object' && !Array.isArray(ctx) && root! in (ctx as object)) {
        value = (ctx as Record<string, unknown>)[root!];
        break;
      }
    }
    if (value === undefined) value = scope.lookup(root!);
    for (const key of rest) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  };

  const truthy = (value: unknown): boolean =>
    value !== undefined && value !== null && value !== false && value !== '' && !(Array.isArray(value) && value.length === 0);

  const render = (tokens: Token[]): string => {
    let out = '';
    for (const token of tokens) {
      const [type, raw, start] = token;
      const [name, equals] = splitEquals(raw);
      switch (type) {
        case 'text':
          out += raw;
          break;
        case 'name':
        case '&': {
          const value = resolve(name);
          if (value === undefined || value === null) break;
          const printed = scope.print(name, value);
          if (printed === undefined) {
            problems.push({ message: `variable ${name} has no text in this language`, offset: start });
            break;
          }
          values.push(printed);
          out += `${PLACEHOLDER_OPEN}${values.length - 1}${PLACEHOLDER_CLOSE}`;
          break;
        }
        case '#':
        case '^': {
          const value = resolve(name);
          const on = equals !== undefined ? value === equals : truthy(value);
          if (type === '^') {
            if (!on) out += render(token[4] ?? []);
          } else if (on && equals === undefined && Array.isArray(value)) {
            for (const item of value) {
              stack.push(item);
              out += render(token[4] ?? []);
              stack.pop();
            }
          } else if (on) {
            const pushes = value !== null && typeof value === 'object';
            if (pushes) stack.push(value);
            out += render(token[4] ?? []);
            if (pushes) stack.pop();
          }
          break;
        }
        default:
          break;
      }
    }
    return out;
  };

  const text = render(template.tokens);
  return { text, values, problems };
}

/**
 * mustache.js's parse error in counsel's words, at the tag to fix: it reports
 * an unclosed section where the text ends, not where the section opens.
 */
function mustacheProblem(source: string, message: string): TemplateProblem {
  const at = Number(/at (\d+)/.exec(message)?.[1] ?? 0);
  const unclosed = /^Unclosed section "([^"]*)"/.exec(message);
  if (unclosed) {
    const name = unclosed[1]!;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const opens = [...source.slice(0, at).matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escaped}\\s*\\}\\}`, 'g'))];
    const open = opens.at(-1);
    return { message: `broken mustache: the section ${open?.[0] ?? `{{#${name}}}`} is never closed; end it with {{/${name}}}`, offset: open?.index ?? at };
  }
  const unopened = /^Unopened section "([^"]*)"/.exec(message);
  if (unopened) return { message: `broken mustache: {{/${unopened[1]}}} closes no section that is open; remove it or open the section with {{#${unopened[1]}}}`, offset: at };
  if (/^Unclosed tag/.test(message)) {
    const open = source.lastIndexOf('{{', at);
    return { message: 'broken mustache: a tag opened with {{ is never closed with }}', offset: open >= 0 ? open : at };
  }
  return { message: `broken mustache: ${message}`, offset: at };
}

/** Line offset of `end` within `s` (0 for the first line): where a template problem's offset falls. */
export function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
