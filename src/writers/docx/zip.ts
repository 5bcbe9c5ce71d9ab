/**
 * The OPC package as a ZIP (fflate, synchronous). Entry times are fixed from
 * the document date so equal input gives equal bytes.
 *
 * ZIP stores MS-DOS local time and fflate reads it from a Date with local
 * getters, so we hand it a Date made from local components: the same fields
 * are written in every time zone. Noon avoids daylight-saving gaps at midnight.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { InputError, error } from '../../diagnostics.js';

export type PartContent = string | Uint8Array;

/** ZIP (MS-DOS) dates run from 1980 to 2107; clamp so any document date works. */
function zipTime(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = Math.min(Math.max(y, 1980), 2099);
  return new Date(year, m - 1, d, 12, 0, 0);
}

/** Zip parts in the given order ([Content_Types].xml first, by convention). */
export function zipPackage(parts: ReadonlyArray<readonly [string, PartContent]>, date: string): Uint8Array {
  const mtime = zipTime(date);
  const files: Zippable = {};
  for (const [name, content] of parts) {
    files[name] = [typeof content === 'string' ? strToU8(content) : content, { mtime }];
  }
  // Level 6 (zlib default): level 1 saves little time here and grows files ~30%.
  return zipSync(files, { level: 6 });
}

/** Read the entries `want` accepts; a file that is not a ZIP is bad input. */
export function unzipEntries(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => want(file.name) });
  } catch (cause) {
    throw new InputError([error('docx-unreadable', `not a DOCX (ZIP) file: ${(cause as Error).message}`)]);
  }
}
