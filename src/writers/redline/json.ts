/** Redline → JSON: the typed change list per clause (`Redline`, versioned by `redlineVersion`). */
import type { Redline } from '../../redline/types.js';

export function writeRedlineJson(redline: Redline): string {
  return JSON.stringify(redline, null, 2) + '\n';
}
