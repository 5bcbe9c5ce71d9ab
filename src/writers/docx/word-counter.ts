/**
 * What Word will display for each numbered paragraph, computed the way Word
 * counts (a level's counter restarts after any higher level).
 *
 * The model already carries numbers ("7.2", "(a)"); comparing them with this
 * count catches any place where Word's automatic numbering would print
 * something else, which the writer then reports as a warning.
 */
import { formatNumber } from '../../numbering/format.js';
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

/** Word's display of a counter in a level's number format (shared with the DOCX reader). */
export function formatCounter(n: number, fmt: string): string {
  return formatNumber(n, fmt);
}
