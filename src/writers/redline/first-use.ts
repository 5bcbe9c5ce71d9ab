/**
 * Keys numbered in the order they are first used, so parts written apart
 * (a range in document.xml and its entry in comments.xml, a hyperlink and its
 * relationship, a note's marker and the note) agree on each key's number.
 */
export class FirstUse<K> {
  private readonly numbers = new Map<K, number>();
  constructor(private readonly first = 1) {}

  of(key: K): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.first + this.numbers.size;
      this.numbers.set(key, n);
    }
    return n;
  }

  /** [key, number] in first-use order. */
  entries(): Array<[K, number]> {
    return [...this.numbers];
  }
}
