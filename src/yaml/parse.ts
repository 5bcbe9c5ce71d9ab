/**
 * YAML with source positions: parse once, then map any field path (as zod
 * reports it) back to the line where that field is written.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { error, type Diagnostic } from '../diagnostics.js';

export interface LocatedYaml {
  /** Plain JS value of the document (undefined when it could not be parsed). */
  value: unknown;
  /** Line (1-based, in the file) of the field at `path`, or of its nearest written parent. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parse `source` as YAML. `lineOffset` shifts reported lines, for YAML that
 * starts inside a larger file (front matter).
 */
export function parseYaml(source: string, file: string, lineOffset = 0): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  let structural = false;
  for (const problem of doc.errors) {
    // After the first error in the structure (a tab, a line indented wrongly) the parser reads
    // the following lines wrongly too: those are follow-ons, not the user's. A key written
    // twice is an error on its own and each one is reported.
    if (problem.code !== 'DUPLICATE_KEY') {
      if (structural) continue;
      structural = true;
    }
    // linePos is only filled in with prettyErrors, which also rewrites the message: the line counter gives it.
    const pos = lineCounter.linePos(problem.pos[0]);
    const hint = INDENTATION_CODES.has(problem.code) ? ' (check the indentation of this line and the line above: two spaces per level, no tabs)' : '';
    diagnostics.push(error('yaml-syntax', `YAML syntax error: ${firstLine(problem.message)}${hint}`, { file, line: pos.line + lineOffset, column: pos.col }));
  }
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + lineOffset;
  // The parser leaves aliases for toJS, which throws on one that names no anchor and on
  // an alias bomb ("billion laughs"): found here, they are errors at their line like any other.
  if (diagnostics.length === 0) {
    const anchors = new Set<string>();
    visit(doc, {
      Node(_, node) {
        if (isAlias(node) && !anchors.has(node.source)) {
          const line = lineAt(node.range?.[0]);
          diagnostics.push(error('yaml-syntax', `YAML syntax error: alias *${node.source} names no anchor (&${node.source}) written before it`, { file, ...(line !== undefined ? { line } : {}) }));
        }
        if (node.anchor) anchors.add(node.anchor);
      },
    });
  }
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      const reason = cause instanceof Error && /alias count/i.test(cause.message) ? 'its aliases expand too far (an alias bomb?); write the values out' : firstLine(String((cause as Error)?.message ?? cause));
      diagnostics.push(error('yaml-syntax', `YAML syntax error: ${reason}`, { file }));
    }
  }
  return {
    value,
    lineOf: (path) => lineAt(offsetOf(doc, path)),
    diagnostics,
  };
}

/** Parser errors whose usual cause, in a hand-edited file, is a line indented wrongly. */
const INDENTATION_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Start offset of the deepest node on `path` that exists in the source. */
function offsetOf(doc: YamlDocument, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = (node as YamlNode | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return best;
      best = (pair.key as YamlNode).range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as YamlNode | undefined;
      if (!item) return best;
      best = item.range?.[0] ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}
