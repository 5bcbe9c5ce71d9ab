/**
 * CommonMark reference links: `[text][label]`, `[label][]` and `[label]` point
 * at a definition line `[label]: destination "title"` anywhere in the file.
 * Before blocks are parsed, each use whose label is defined is rewritten as
 * the inline link it stands for, and each definition line is blanked (line
 * numbers kept): a link's target is content the redline compares, and a
 * definition is no text of the agreement. Fenced code is left alone; a
 * definition must sit on one line; `[^1]` is a GFM footnote, never a link; labels match case-insensitively with their
 * spaces collapsed, the first definition winning, as CommonMark says.
 */
import { markdownHref } from '../writers/markdown/inline.js';
import { fencedLines } from './markdown-fences.js';

const DEFINITION = /^ {0,3}\[(?!\^)((?:[^\]\\\n]|\\.)+)\]:[ \t]*(<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/;
/** `[text][label]`, `[text][]` or `[label]`, not an image, not escaped, not an inline link or a definition, not the label half of `[text][label]`. */
const USE = /(?<![!\\\]])\[(?!\^)((?:[^\]\\\n[]|\\.)+)\](?:\[((?:[^\]\\\n[]|\\.)*)\]|(?![(:[]))/g;

const normalise = (label: string): string => label.replace(/\s+/g, ' ').trim().toLowerCase();

/** The destination as written (`<…>` unwrapped, backslash escapes kept for the inline parser to read). */
const destinationOf = (raw: string): string => (raw.startsWith('<') ? raw.slice(1, -1) : raw);

export function resolveReferenceLinks(text: string): string {
  if (!text.includes(']:')) return text;
  const lines = text.split('\n');
  const targets = new Map<string, string>();
  const code = fencedLines(lines);
  lines.forEach((line, i) => {
    const m = code[i] ? null : DEFINITION.exec(line);
    if (!m) return;
    const label = normalise(m[1]!);
    if (label && !targets.has(label)) targets.set(label, destinationOf(m[2]!));
    lines[i] = ''; // blanked: no use is found in it below
  });
  if (targets.size === 0) return text;
  return lines
    .map((line, i) =>
      !code[i] && line.includes('[')
        ? line.replace(USE, (whole, first: string, second: string | undefined) => {
            const target = targets.get(normalise(second || first));
            return target === undefined ? whole : `[${first}](${markdownHref(target)})`;
          })
        : line,
    )
    .join('\n');
}
