/**
 * How alike two texts are, 0…1, for pairing changed clauses and paragraphs.
 *
 * Most pairs in a negotiated draft differ by a few words, so a cheap test comes
 * first: shared prefix plus shared suffix over the longer length (no
 * allocation); a text that only grew or shrank at one place counts as alike.
 * Only when that says "not obviously alike" do we compare bags of
 * words (Latin words case-folded, CJK as character bigrams) by the Dice
 * coefficient. Bags are cached per text.
 */

const PROBE = 12;
const PROBES = 8;

/** Bags hold hashed words and CJK bigrams: numbers, not strings, so building them makes little garbage. */
type Bag = Map<number, number>;

export class Similarity {
  private readonly bags = new Map<string, Bag>();

  /**
   * A cheap lower-ish estimate: shared prefix plus suffix over the longer
   * length, or, for texts edited in several places, the share of a few probes
   * (short stretches at even intervals of x) found verbatim in y. Native
   * `includes` on a few probes is far cheaper than building word bags.
   */
  quick(x: string, y: string): number {
    if (x === y) return 1;
    if (!x || !y) return 0;
    const edge = edges(x, y) / Math.max(x.length, y.length);
    if (edge >= 0.6 || x.length < PROBE * 2) return edge;
    const probes = Math.min(PROBES, Math.floor(x.length / PROBE));
    const step = (x.length - PROBE) / Math.max(1, probes - 1);
    let found = 0;
    for (let k = 0; k < probes; k++) {
      const at = Math.round(k * step);
      if (y.includes(x.slice(at, at + PROBE))) found++;
    }
    const lengths = Math.min(x.length, y.length) / Math.max(x.length, y.length);
    return Math.max(edge, (found / probes) * lengths);
  }

  /** Similarity of two whitespace-normalised texts. */
  of(x: string, y: string): number {
    if (x === y) return 1;
    if (!x || !y) return 0;
    const shared = edges(x, y);
    const quick = shared / Math.max(x.length, y.length);
    if (quick >= 0.6) return quick;
    // One text is the other with words added or cut at one place ("This is a
    // test." → "This."): alike enough to pair, however long the addition.
    const extended = shared / Math.min(x.length, y.length) >= 0.8 ? 0.5 : 0;
    return Math.max(quick, extended, dice(this.bag(x), this.bag(y)));
  }

  private bag(text: string): Bag {
    let bag = this.bags.get(text);
    if (!bag) {
      bag = bagOf(text);
      this.bags.set(text, bag);
    }
    return bag;
  }
}

/** CJK ideographs, kana, Hangul and their punctuation blocks. */
function isCjk(c: number): boolean {
  return c >= 0x2e80 && c <= 0xd7af;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2e80 && c !== 0xd7 && c !== 0xf7) || (c >= 0xf900 && c <= 0xffdc && c !== 0xff0c && c !== 0xff1b);
}

/** Latin words (case-folded, FNV-1a hashed) and CJK character bigrams, counted. */
function bagOf(text: string): Bag {
  const bag: Bag = new Map();
  let hash = 0;
  let inWord = false;
  let prevCjk = -1;
  let cjkRun = 0;
  const endWord = () => {
    if (inWord) add(bag, hash >>> 0);
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isCjk(c)) {
      endWord();
      if (prevCjk >= 0) add(bag, 0x100000000 + prevCjk * 65536 + c);
      prevCjk = c;
      cjkRun++;
      continue;
    }
    if (cjkRun === 1) add(bag, 0x100000000 + prevCjk);
    prevCjk = -1;
    cjkRun = 0;
    if (isWordChar(c)) {
      if (c >= 65 && c <= 90) c += 32;
      if (!inWord) hash = 0x811c9dc5;
      hash = Math.imul(hash ^ c, 0x01000193);
      inWord = true;
    } else endWord();
  }
  if (cjkRun === 1) add(bag, 0x100000000 + prevCjk);
  endWord();
  return bag;
}

/** Length of the common prefix plus the common suffix (not overlapping). */
function edges(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  let pre = 0;
  while (pre < n && x.charCodeAt(pre) === y.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < n - pre && x.charCodeAt(x.length - 1 - suf) === y.charCodeAt(y.length - 1 - suf)) suf++;
  return pre + suf;
}

function add(bag: Bag, key: number): void {
  bag.set(key, (bag.get(key) ?? 0) + 1);
}

function size(bag: Bag): number {
  let n = 0;
  for (const v of bag.values()) n += v;
  return n;
}

function dice(a: Bag, b: Bag): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [k, v] of small) shared += Math.min(v, large.get(k) ?? 0);
  const total = size(a) + size(b);
  return total === 0 ? 0 : (2 * shared) / total;
}
