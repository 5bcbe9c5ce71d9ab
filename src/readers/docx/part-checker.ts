/**
 * Whether a part of our DOCX may be copied into the redline as it is. The
 * reader's parser is lenient (it reads the first of two roots, say); a part
 * copied into a new file must be strictly well-formed, with one root and no
 * DOCTYPE, or Word will not open the file. Each refusal is a warning naming
 * the file and the part.
 */
import { XMLValidator } from 'fast-xml-parser';
import { warning, type Diagnostic } from '../../diagnostics.js';
import { decodePart, parseXmlRoots } from './xml.js';

export class PartChecker {
  readonly warnings: Diagnostic[] = [];
  constructor(readonly file: string) {}

  /** Record why `name` is not carried; `instead` says what the redline does without it. */
  refuse(name: string, reason: string, instead = 'the house part is used instead'): undefined {
    this.warnings.push(warning('docx-look-part', `${this.file}: ${name} is not kept in the redline (${reason}); ${instead}`, { file: this.file }));
    return undefined;
  }

  /** The part when it may be copied, else undefined (with a warning). */
  checked(name: string, part: Uint8Array | undefined, instead?: string): Uint8Array | undefined {
    if (!part) return undefined;
    let roots: number;
    try {
      roots = parseXmlRoots(part, name, this.file).length;
    } catch (cause) {
      return this.refuse(name, cause instanceof Error ? cause.message : String(cause), instead);
    }
    if (roots !== 1) return this.refuse(name, `${roots} root elements`, instead);
    const strict = XMLValidator.validate(decodePart(part));
    return strict === true ? part : this.refuse(name, `${strict.err.msg} at line ${strict.err.line}`, instead);
  }
}
