/** Provenance: written as a custom XML part, read back by readDocxProvenance and the inspect CLI. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/diagnostics.js';
import { clause, doc, p, part } from '../../../src/model/build.js';
import { readDocxProvenance, writeDocx } from '../../../src/writers/docx/index.js';
import { CLI, ROOT } from './dist.js';
import { unzipDocx } from './read-docx.js';
import { bilingualSample, provenance, sample } from './sample.js';

describe('readDocxProvenance', () => {
  it('should round-trip the provenance record', () => {
    for (const d of [sample('zh'), sample('en'), bilingualSample()]) {
      expect(readDocxProvenance(writeDocx(d).bytes)).toEqual(provenance);
    }
  });

  it('should keep markup characters in values literal', () => {
    const d = sample('en');
    const odd = { ...provenance, playbook: { id: 'a&b', version: '1 < 2 "q"', hash: "h'x>" }, clauses: [{ id: '+0', version: '1.10', variant: '1e5', hash: '' }] };
    d.meta.provenance = odd;
    expect(readDocxProvenance(writeDocx(d).bytes)).toEqual(odd);
  });

  it('should store the record as a linked custom XML part and summary properties', () => {
    const parts = unzipDocx(writeDocx(sample('en')).bytes);
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="../customXml/item1.xml"');
    expect(parts['customXml/itemProps1.xml']).toContain('urn:clausewright:provenance:1');
    expect(parts['[Content_Types].xml']).toContain('/customXml/itemProps1.xml');
    expect(parts['docProps/custom.xml']).toContain('<vt:lpwstr>aigc-user-agreement 0.1.0</vt:lpwstr>');
  });

  it('should return undefined for a document without provenance', () => {
    const bytes = writeDocx(doc('en', [part('t', [clause('a', [p('x')])])])).bytes;
    expect(readDocxProvenance(bytes)).toBeUndefined();
    expect(unzipDocx(bytes)['customXml/item1.xml']).toBeUndefined();
  });

  it('should reject bytes that are not a DOCX', () => {
    expect(() => readDocxProvenance(strToU8('hello'))).toThrow(InputError);
  });

  it('should refuse a custom XML part with a DTD', () => {
    const evil = zipSync({
      'customXml/item1.xml': strToU8('<!DOCTYPE x [<!ENTITY a "aaaa">]><provenance xmlns="urn:clausewright:provenance:1" generator="&a;"/>'),
    });
    expect(() => readDocxProvenance(evil)).toThrow(/DTD/);
  });
});

describe('clausewright inspect', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cw-inspect-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'inspect', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('should print playbook, data hash and every clause', () => {
    const file = join(dir, 'agreement.docx');
    writeFileSync(file, writeDocx(bilingualSample()).bytes);
    const result = run(file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`playbook   aigc-user-agreement 0.1.0  ${provenance.playbook.hash}`);
    expect(result.stdout).toContain(`data       ${provenance.dataHash}`);
    for (const c of provenance.clauses) expect(result.stdout).toMatch(new RegExp(`${c.id}\\s+${c.version}\\s+${c.variant}\\s+${c.hash}`));
  });

  it('should print JSON with --json', () => {
    const file = join(dir, 'agreement-en.docx');
    writeFileSync(file, writeDocx(sample('en')).bytes);
    const result = run(file, '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(provenance);
    // As check and list take it: --format json is the same, --format text the default.
    expect(run(file, '--format', 'json').stdout).toBe(result.stdout);
    expect(run(file, '--format', 'text').stdout).toBe(run(file).stdout);
  });

  it('should exit 2 with a clear message for a DOCX without provenance, a non-DOCX and a missing file', () => {
    const plain = join(dir, 'plain.docx');
    writeFileSync(plain, writeDocx(doc('en', [part('t', [clause('a', [p('x')])])])).bytes);
    const text = join(dir, 'text.docx');
    writeFileSync(text, 'not a zip');
    for (const [file, message] of [
      [plain, 'carries no clausewright provenance'],
      [text, 'not a DOCX'],
      [join(dir, 'missing.docx'), 'not found'],
    ] as const) {
      const result = run(file);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('    at ');
      // inspect writes nothing in any case: its errors do not say so.
      expect(result.stderr).toMatch(/clausewright: 1 error\n$/);
    }
  });
});
