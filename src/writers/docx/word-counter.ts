/**
 * What Word will display for each numbered paragraph, computed the way Word
 * counts (a level's counter restarts after any higher level).
 *
 * The model already carries numbers ("7.2", "(a)"); comparing them with this
 * count catches any place where Word's automatic numbering would print
 * something else, which the writer then reports as a warning.
 */
import { CLAUSE_LEVELS, MAX_ILVL } from './numbering.js';

export class WordCounter {
  private readonly counts = new Array<number>(MAX_ILVL + 1).fill(0);

  /** Count one paragraph at `ilvl` and return its displayed number. */
  next(ilvl: number): string {
    this.counts[ilvl]!++;
    for (let i = ilvl + 1; i <= MAX_ILVL; i++) this.counts[i] = 0;
    return this.display(ilvl);
  }

  /** The counter that the next paragraph at `ilvl` would get. */
  peek(ilvl: number): number {
    return this.counts[ilvl]! + 1;
  }

  /** Make the next paragraph at `ilvl` show `start` (a w:startOverride). */
  restartAt(ilvl: number, start: number): void {
    this.counts[ilvl] = start - 1;
  }

  private display(ilvl: number): string {
    return CLAUSE_LEVELS[ilvl]!.text.replace(/%(\d)/g, (_, n: string) => {
      const level = Number(n) - 1;
      return formatCounter(this.counts[level]!, CLAUSE_LEVELS[level]!.fmt);
    });
  }
}

export function formatCounter(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** Word's letter numbering: a…z, then aa…zz (repeated letter, not base 26). */
function letters(n: number): string {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, symbol] of table) while (n >= value) (out += symbol), (n -= value);
  return out;
}
