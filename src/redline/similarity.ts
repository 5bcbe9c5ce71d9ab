/**
 * How alike two texts are, 0…1, for pairing changed clauses and paragraphs.
 *
 * Most pairs in a negotiated draft differ by a few words, so a cheap test comes
 * first: shared prefix plus shared suffix over the longer length (no
 * allocation). Only when that says "not obviously alike" do we compare bags of
 * words (Latin words case-folded, CJK as character bigrams) by the Dice
 * coefficient. Bags are cached per text.
 */

const WORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{L}\p{M}\p{N}]+/gu;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

type Bag = Map<string, number>;

export class Similarity {
  private readonly bags = new Map<string, Bag>();

  /** Similarity of two whitespace-normalised texts. */
  of(x: string, y: string): number {
    if (x === y) return 1;
    if (!x || !y) return 0;
    const longer = Math.max(x.length, y.length);
    let pre = 0;
    const n = Math.min(x.length, y.length);
    while (pre < n && x.charCodeAt(pre) === y.charCodeAt(pre)) pre++;
    let suf = 0;
    while (suf < n - pre && x.charCodeAt(x.length - 1 - suf) === y.charCodeAt(y.length - 1 - suf)) suf++;
    const quick = (pre + suf) / longer;
    if (quick >= 0.6) return quick;
    return Math.max(quick, dice(this.bag(x), this.bag(y)));
  }

  private bag(text: string): Bag {
    let bag = this.bags.get(text);
    if (bag) return bag;
    bag = new Map();
    for (const match of text.matchAll(WORDS)) {
      const word = match[0];
      if (CJK_START.test(word)) {
        if (word.length === 1) add(bag, word);
        for (let i = 0; i + 1 < word.length; i++) add(bag, word.slice(i, i + 2));
      } else add(bag, word.toLowerCase());
    }
    this.bags.set(text, bag);
    return bag;
  }
}

function add(bag: Bag, key: string): void {
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
