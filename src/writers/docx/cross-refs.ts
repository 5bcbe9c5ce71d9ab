/**
 * Cross-references: a bookmark on the target paragraph and a REF field that
 * shows its number (ECMA-376 §17.16.5.58), so Word updates the number when
 * clauses move. Hidden "_Ref…" bookmark names are what Word itself uses for
 * cross-references (§17.13.6.2; names ≤ 40 chars, starting with a letter or _).
 */
import type { Clause, Document, ListItem } from '../../model/nodes.js';
import { collect, visit } from '../../model/walk.js';

export interface RefTarget {
  bookmark: string;
  /** The number the target shows ("7.2", "7.2(a)") as the model computed it. */
  number?: string;
}

export class CrossRefIndex {
  private readonly targets = new Map<string, RefTarget>();

  /**
   * Index the targets of `primary` that some document in `docs` refers to.
   * Bookmark names follow the target's order in the document, so they are
   * stable for equal input.
   */
  static build(primary: Document, docs: readonly Document[]): CrossRefIndex {
    const wanted = new Set<string>();
    for (const d of docs) for (const r of collect(d, 'crossRef')) wanted.add(r.target);
    const index = new CrossRefIndex();
    if (wanted.size === 0) return index;
    let count = 0;
    const add = (keys: string[], number: string | undefined): void => {
      const hit = keys.filter((k) => wanted.has(k) && !index.targets.has(k));
      if (hit.length === 0) return;
      const target: RefTarget = { bookmark: `_Ref${String(++count).padStart(9, '0')}` };
      if (number !== undefined) target.number = number;
      for (const k of hit) index.targets.set(k, target);
    };
    const clauses: Clause[] = [];
    visit(primary, (node) => {
      if (node.type === 'clause') {
        clauses.push(node);
        add([node.id], node.number);
      } else if (node.type === 'listItem' && node.anchor) {
        const owner = clauses.at(-1);
        if (owner) add(itemKeys(owner, node), owner.number !== undefined && node.label ? owner.number + node.label : undefined);
      }
    });
    return index;
  }

  lookup(target: string): RefTarget | undefined {
    return this.targets.get(target);
  }

  /** Bookmark name for a clause paragraph, when something refers to it. */
  forClause(clause: Clause): string | undefined {
    return this.targets.get(clause.id)?.bookmark;
  }

  forItem(owner: Clause | undefined, item: ListItem): string | undefined {
    if (!owner || !item.anchor) return undefined;
    for (const key of itemKeys(owner, item)) {
      const hit = this.targets.get(key);
      if (hit) return hit.bookmark;
    }
    return undefined;
  }
}

/** A list item anchor is addressed through its clause, or through the clause's module id. */
function itemKeys(owner: Clause, item: ListItem): string[] {
  const module = owner.id.split('#')[0]!;
  const keys = [`${owner.id}#${item.anchor}`];
  if (module !== owner.id) keys.push(`${module}#${item.anchor}`);
  return keys;
}

/**
 * Split a resolved label ("Clause 7.2", "第7.2条") around its number, so only
 * the number sits in the field and the words around it stay literal.
 */
export function splitLabel(label: string, number: string): [string, string] | undefined {
  const escaped = number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![\\d.])${escaped}(?!\\d|\\.\\d)`).exec(label);
  if (!match) return undefined;
  return [label.slice(0, match.index), label.slice(match.index + number.length)];
}
