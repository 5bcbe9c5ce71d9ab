/**
 * The negotiator's round trip: we send the DOCX that `assemble` wrote, they
 * edit one sentence, and `redline <playbook> --data <deal> <their.docx>`
 * shows exactly that edit, nothing of the cover page or numbering.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { acceptAllDocx, rejectAllDocx } from '../../src/index.js';
import { runCli } from '../helpers.js';

const PLAYBOOK = 'playbooks/aigc-user-agreement.yaml';
const DEAL = 'examples/aigc-user-agreement.yaml';

describe('redline against our own playbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clausewright-round-trip-'));
  const sent = join(dir, 'sent.docx');
  const assembled = runCli(['assemble', PLAYBOOK, '--data', DEAL, '--lang', 'zh', '-o', sent, '--date', '2026-01-01']);

  const summary = (theirs: string) => {
    const r = runCli(['redline', PLAYBOOK, theirs, '--data', DEAL, '--date', '2026-01-01', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout).summary;
  };

  it('should find no change in the very document we sent', () => {
    expect(assembled.code, assembled.stderr).toBe(0);
    expect(summary(sent)).toMatchObject({ clauses: { changed: 0, added: 0, deleted: 0, moved: 0 }, words: { inserted: 0, deleted: 0 } });
  });

  it('should show only the counterparty edit, as tracked changes that accept to theirs and reject to ours', () => {
    const parts = unzipSync(new Uint8Array(readFileSync(sent)));
    const xml = strFromU8(parts['word/document.xml']!);
    expect(xml).toContain('至少7日以站内通知');
    parts['word/document.xml'] = strToU8(xml.replace('至少7日以站内通知', '至少30日以站内通知'));
    const theirs = join(dir, 'theirs.docx');
    writeFileSync(theirs, zipSync(parts));

    const s = summary(theirs);
    expect(s.clauses).toMatchObject({ changed: 1, added: 0, deleted: 0, moved: 0 });
    expect(s.words.inserted + s.words.deleted).toBeLessThanOrEqual(4);

    const out = join(dir, 'redline.docx');
    expect(runCli(['redline', PLAYBOOK, theirs, '--data', DEAL, '--date', '2026-01-01', '-o', out]).code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect(acceptAllDocx(bytes).join('\n')).toContain('至少30日以站内通知');
    expect(rejectAllDocx(bytes).join('\n')).toContain('至少7日以站内通知');
    expect(strFromU8(unzipSync(bytes)['word/document.xml']!)).toMatch(/<w:del [^>]*w:author="Counterparty"/);
  });
});

describe('redline against our own playbook, for a bilingual agreement', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clausewright-bilingual-'));
  const sent = join(dir, 'sent.docx');
  const assembled = runCli(['assemble', PLAYBOOK, '--data', DEAL, '--lang', 'zh+en', '-o', sent, '--date', '2026-01-01']);

  it('should assemble ours side by side when their draft reads as Chinese and English, and show only their edits in either column', () => {
    expect(assembled.code, assembled.stderr).toBe(0);
    const parts = unzipSync(new Uint8Array(readFileSync(sent)));
    const xml = strFromU8(parts['word/document.xml']!);
    expect(xml).toContain('至少7日以站内通知');
    expect(xml).toContain('at least 7 days');
    parts['word/document.xml'] = strToU8(xml.replace('至少7日以站内通知', '至少30日以站内通知').replace('at least 7 days', 'at least 30 days'));
    const theirs = join(dir, 'theirs.docx');
    writeFileSync(theirs, zipSync(parts));

    // No --lang: their draft reads as both languages, so ours is assembled as both.
    const r = runCli(['redline', PLAYBOOK, theirs, '--data', DEAL, '--date', '2026-01-01', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning [lang-bilingual]');
    const redline = JSON.parse(r.stdout);
    expect(redline.summary.clauses).toMatchObject({ changed: 1, added: 0, deleted: 0, moved: 0 });
    const marked = redline.clauses.flatMap((c: { paragraphs: Array<{ spans: Array<{ kind: string; text: string }> }> }) => c.paragraphs.flatMap((p) => p.spans.filter((s) => s.kind !== 'kept').map((s) => `${s.kind}:${s.text}`)));
    expect(marked).toEqual(['deleted:7', 'inserted:30', 'deleted:7', 'inserted:30']);

    const out = join(dir, 'redline.docx');
    expect(runCli(['redline', PLAYBOOK, theirs, '--data', DEAL, '--date', '2026-01-01', '-o', out]).code).toBe(0);
    const bytes = new Uint8Array(readFileSync(out));
    expect(acceptAllDocx(bytes).join('\n')).toContain('at least 30 days');
    expect(rejectAllDocx(bytes).join('\n')).toContain('at least 7 days');
  });
});
