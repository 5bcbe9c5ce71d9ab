/**
 * Comment threads (Word 2013 and later): `word/commentsExtended.xml` lists a
 * `w15:commentEx` for each comment, named by the `w14:paraId` of the
 * comment's last paragraph, with the comment it replies to
 * (`w15:paraIdParent`) and whether it is resolved (`w15:done`). A reply
 * still has a range of its own in document.xml, over the same words as the
 * comment it answers; the thread is what says it is an answer.
 */
import type { Comment } from '../../model/nodes.js';
import { elements, type XmlElement } from './xml.js';

const ON = /^(1|true|on)$/;

/** The `w14:paraId` of a comment's last paragraph, which commentsExtended.xml names it by. */
export function commentParaId(comment: XmlElement): string | undefined {
  return elements(comment, 'w:p').at(-1)?.attrs['w14:paraId'];
}

/**
 * Mark resolved comments and move each reply into the `replies` of the
 * comment that opens its thread (Word keeps threads flat; a reply to a reply
 * joins the same thread), in the order of the comments part. Replies leave
 * `byId`, so their own ranges in the body are not read as comments of their
 * own. A reply whose comment is missing, or a loop of replies, stays a
 * comment of its own.
 * @param idByParaId comment id by the paraId of its last paragraph
 */
export function threadComments(byId: Map<string, Comment>, idByParaId: ReadonlyMap<string, string>, extended: XmlElement | undefined): void {
  if (!extended) return;
  const parentOf = new Map<string, string>();
  for (const ex of elements(extended, 'w15:commentEx')) {
    const id = idByParaId.get(ex.attrs['w15:paraId'] ?? '');
    const comment = id !== undefined ? byId.get(id) : undefined;
    if (!comment) continue;
    if (ON.test(ex.attrs['w15:done'] ?? '')) comment.done = true;
    const parent = idByParaId.get(ex.attrs['w15:paraIdParent'] ?? '');
    if (parent !== undefined && parent !== id && byId.has(parent)) parentOf.set(id!, parent);
  }
  const rootOf = (id: string): string | undefined => {
    const seen = new Set([id]);
    let at = id;
    for (let up = parentOf.get(at); up !== undefined; up = parentOf.get(at)) {
      if (seen.has(up)) return undefined;
      seen.add(up);
      at = up;
    }
    return at === id ? undefined : at;
  };
  const replies: Array<[string, string]> = [];
  for (const id of byId.keys()) {
    const root = rootOf(id);
    if (root !== undefined) replies.push([id, root]);
  }
  for (const [id, root] of replies) {
    const thread = byId.get(root)!;
    (thread.replies ??= []).push(byId.get(id)!);
    byId.delete(id);
  }
}
