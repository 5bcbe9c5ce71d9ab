/**
 * Automatic numbering labels from `word/numbering.xml` (ECMA-376 Part 1,
 * §17.9): `w:num` → `w:abstractNum` (or its `w:numStyleLink`), levels with
 * `w:start`, `w:numFmt`, `w:lvlText` ("%1.%2"), `w:isLgl`, `w:lvlRestart`,
 * and per-instance `w:lvlOverride`/`w:startOverride`.
 *
 * Counters are kept per numId and level, in document order; using a level
 * restarts the deeper ones. Word shares counters between numIds of one
 * abstractNum in some cases; we do not (LibreOffice does the same).
 */
import { formatNumber } from '../../numbering/format.js';
import type { Styles } from './styles.js';
import { child, childVal, elements, type XmlElement } from './xml.js';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  /** `w:lvlRestart` 0 = never restart; undefined = restart after any shallower level. */
  restart?: number;
  /** The level's own `w:pPr/w:ind`: where its label hangs (look.ts keeps it for table cells). */
  indent?: XmlElement;
}

interface Instance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

export interface Label {
  /** The label as Word prints it: "1.", "1.2", "(a)", "第一条"; "•" for bullets. */
  text: string;
  ordered: boolean;
}

export class Numbering {
  private readonly abstracts = new Map<string, { levels: Map<number, Level>; styleLink?: string }>();
  private readonly instances = new Map<string, Instance>();
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(root: XmlElement | undefined, private readonly styles: Styles) {
    if (!root) return;
    for (const a of elements(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of elements(a, 'w:lvl')) {
        const ilvl = decimal(lvl.attrs['w:ilvl'] ?? '0', 0, MAX_LEVEL);
        if (ilvl !== undefined) levels.set(ilvl, readLevel(lvl));
      }
      const styleLink = childVal(a, 'w:numStyleLink');
      this.abstracts.set(a.attrs['w:abstractNumId'] ?? '', styleLink ? { levels, styleLink } : { levels });
    }
    for (const n of elements(root, 'w:num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of elements(n, 'w:lvlOverride')) {
        const ilvl = decimal(o.attrs['w:ilvl'] ?? '0', 0, MAX_LEVEL);
        const start = decimal(childVal(o, 'w:startOverride'), 0, MAX_START);
        const lvl = child(o, 'w:lvl');
        if (ilvl === undefined) continue;
        overrides.set(ilvl, {
          ...(start !== undefined ? { start } : {}),
          ...(lvl ? { level: readLevel(lvl) } : {}),
        });
      }
      this.instances.set(n.attrs['w:numId'] ?? '', { abstractId: childVal(n, 'w:abstractNumId') ?? '', overrides });
    }
  }

  /**
   * The same definitions, counting again from the start: a second pass over the
   * document (the redline's look, look.ts) gets the labels the reader got,
   * without parsing numbering.xml again, once the reader's counters are spent.
   */
  restarted(): Numbering {
    const copy = new Numbering(undefined, this.styles);
    for (const [id, a] of this.abstracts) copy.abstracts.set(id, a);
    for (const [id, n] of this.instances) copy.instances.set(id, n);
    return copy;
  }

  /**
   * Advance the counter of (numId, ilvl) and return the label, or undefined when
   * the paragraph is not numbered (numId 0, unknown ids, numFmt none with empty text).
   */
  next(numId: string, ilvl: number): Label | undefined {
    const instance = this.instances.get(numId);
    // Only levels 0–8 exist; the restart loop below runs from ilvl + 1 up to 8.
    if (!instance || numId === '0' || !Number.isInteger(ilvl) || ilvl < 0 || ilvl > MAX_LEVEL) return undefined;
    const level = (i: number): Level | undefined => instance.overrides.get(i)?.level ?? this.abstractLevels(instance.abstractId).get(i);
    const start = (i: number): number => instance.overrides.get(i)?.start ?? level(i)?.start ?? 1;
    const def = level(ilvl);
    if (!def) return undefined;
    let counts = this.counters.get(numId);
    if (!counts) this.counters.set(numId, (counts = []));
    counts[ilvl] = counts[ilvl] === undefined ? start(ilvl) : counts[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = level(deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) counts[deeper] = undefined;
    }
    if (def.numFmt === 'bullet') return { text: '•', ordered: false };
    const text = def.lvlText.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const fmt = def.isLgl ? 'decimal' : (level(i)?.numFmt ?? 'decimal');
      return formatNumber(counts![i] ?? start(i), fmt);
    });
    return text.trim() === '' ? undefined : { text: text.trim(), ordered: true };
  }

  /** The indent (`w:ind`) the level of (numId, ilvl) gives its paragraphs, if it sets one. */
  indent(numId: string, ilvl: number): XmlElement | undefined {
    const instance = this.instances.get(numId);
    if (!instance || numId === '0') return undefined;
    return (instance.overrides.get(ilvl)?.level ?? this.abstractLevels(instance.abstractId).get(ilvl))?.indent;
  }

  /** Levels of an abstractNum, following `w:numStyleLink` to the numbering style's definition. */
  private abstractLevels(abstractId: string, depth = 0): Map<number, Level> {
    const a = this.abstracts.get(abstractId);
    if (!a) return new Map();
    if (a.styleLink && depth < 5) {
      const numId = this.styles.numbering(a.styleLink)?.numId;
      const target = numId === undefined ? undefined : this.instances.get(numId)?.abstractId;
      if (target !== undefined && target !== abstractId) return this.abstractLevels(target, depth + 1);
    }
    return a.levels;
  }
}

const MAX_LEVEL = 8;
/** Highest start value we honour: far above any real list, small enough for a sane label. */
const MAX_START = 32767;

/**
 * A whole number from numbering.xml within [min, max], else undefined (the
 * attribute is then treated as absent). Files from other tools carry junk here,
 * and it must not reach the counters: a level of -1e9 made the restart loop
 * run for ever, a start of 1e11 made a lowerLetter label (the letter repeated
 * n/26 times) throw RangeError, and NaN printed "undefined" labels.
 */
function decimal(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

function readLevel(lvl: XmlElement): Level {
  const restart = decimal(childVal(lvl, 'w:lvlRestart'), 0, MAX_LEVEL + 1);
  const isLgl = child(lvl, 'w:isLgl');
  const indent = child(child(lvl, 'w:pPr'), 'w:ind');
  return {
    start: decimal(childVal(lvl, 'w:start'), 0, MAX_START) ?? 1,
    numFmt: childVal(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: childVal(lvl, 'w:lvlText') ?? '',
    isLgl: isLgl !== undefined && !/^(0|false|off)$/.test(isLgl.attrs['w:val'] ?? ''),
    ...(restart !== undefined ? { restart } : {}),
    ...(indent ? { indent } : {}),
  };
}
