/** `clausewright redline` end to end (issue 4), on the built command. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx/index.js';
import { comparable } from '../../src/redline/apply.js';
import { documentParagraphs } from '../../src/redline/units.js';
import { acceptAllDocx, rejectAllDocx } from '../../src/writers/redline/accept-reject.js';
import { REPO, runCli } from '../helpers.js';
import { corpus, loadCorpus } from './corpus-pairs.js';
import { makeDocx } from '../readers/docx-fixture.js';

const V1 = join(corpus, 'commonpaper/CSA-v1.0.md');
const V2 = join(corpus, 'commonpaper/CSA-v2.1.md');
const temp = () => mkdtempSync(join(tmpdir(), 'clausewright-redline-'));

describe('clausewright redline', () => {
  it('should write a tracked-changes DOCX whose accept-all is theirs and reject-all ours', () => {
    const out = join(temp(), 'r.docx');
    const run = runCli(['redline', V1, V2, '-o', out, '--author', 'Common Paper', '--date', '2026-01-01']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/wrote .*r\.docx \(clauses: \d+ changed, \d+ added, \d+ deleted, \d+ moved; words: \+\d+ −\d+; formatting changes: 1\)/);
    const bytes = readFileSync(out);
    expect(comparable(acceptAllDocx(bytes))).toEqual(documentParagraphs(loadCorpus('commonpaper/CSA-v2.1.md')));
    expect(comparable(rejectAllDocx(bytes))).toEqual(documentParagraphs(loadCorpus('commonpaper/CSA-v1.0.md')));
  });

  it("should carry reviewers' comments from both DOCX drafts, or only theirs with --comments theirs", () => {
    const dir = temp();
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const draft = (name: string, words: string, author: string) => {
      const file = join(dir, name);
      const body = `<w:p><w:r><w:t xml:space="preserve">Fees are payable </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>${words}</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`;
      const comments = `<w:comments ${W}><w:comment w:id="0" w:author="${author}"><w:p><w:r><w:t>Note by ${author}</w:t></w:r></w:p></w:comment></w:comments>`;
      writeFileSync(file, makeDocx(body, { extra: { 'word/comments.xml': comments } }));
      return file;
    };
    const ours = draft('ours.docx', 'monthly.', 'Our Counsel');
    const theirs = draft('theirs.docx', 'quarterly.', 'Jane Roe');
    const out = join(dir, 'r.docx');
    const both = runCli(['redline', ours, theirs, '-o', out, '--date', '2026-01-01']);
    expect(both.code).toBe(0);
    expect(both.stderr).toContain('; comments: 1 theirs, 1 ours)');
    expect(strFromU8(unzipSync(readFileSync(out))['word/comments.xml']!)).toMatch(/Note by Jane Roe.*Note by Our Counsel|Note by Our Counsel.*Note by Jane Roe/);
    const json = runCli(['redline', ours, theirs, '--comments', 'theirs']);
    expect(JSON.parse(json.stdout).summary.comments).toEqual({ ours: 0, theirs: 1 });
    const wrong = runCli(['redline', ours, theirs, '--comments', 'mine']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--comments must be one of both, theirs, ours, none');
  });

  it('should keep the look of our DOCX: its styles, theme and page, each paragraph in its own style', () => {
    const ours = join(corpus, 'wmlcomparer/WC/WC004-Large.docx');
    const theirs = join(corpus, 'wmlcomparer/WC/WC004-Large-Mod.docx');
    const out = join(temp(), 'r.docx');
    expect(runCli(['redline', ours, theirs, '-o', out, '--date', '2026-01-01']).code).toBe(0);
    const parts = unzipSync(readFileSync(out));
    const text = (name: string) => strFromU8(parts[name]!);
    expect(text('word/styles.xml')).toContain('w:styleId="BodyText3"');
    expect(text('word/theme/theme1.xml')).toContain('<a:theme');
    const body = text('word/document.xml');
    expect(body).toContain('<w:pgSz w:w="12240" w:h="15840"/>');
    const used = (xml: string) => new Set([...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]));
    expect([...used(body)].sort()).toEqual([...used(strFromU8(unzipSync(readFileSync(ours))['word/document.xml']!))].sort());
    expect(comparable(acceptAllDocx(readFileSync(out)))).toEqual(documentParagraphs(loadCorpus('wmlcomparer/WC/WC004-Large-Mod.docx')));
  });

  it('should write the same bytes for the same inputs and --date', () => {
    const dir = temp();
    for (const name of ['a.docx', 'b.docx']) expect(runCli(['redline', V1, V2, '-o', join(dir, name), '--date', '2026-01-01']).code).toBe(0);
    expect(readFileSync(join(dir, 'a.docx')).equals(readFileSync(join(dir, 'b.docx')))).toBe(true);
  });

  it('should infer the format from -o (html, md) and default to JSON on stdout', () => {
    const dir = temp();
    expect(runCli(['redline', V1, V2, '-o', join(dir, 'r.html')]).code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*Clauses changed/);
    expect(runCli(['redline', V1, V2, '-o', join(dir, 'r.md')]).code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('{--');
    const json = runCli(['redline', V1, V2]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).type).toBe('redline');
    expect(runCli(['redline', V1, V2, '--format', 'json', '-o', join(dir, 'r.txt')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.txt'), 'utf8')).type).toBe('redline');
  });

  it('should track their header in ours in a DOCX redline, and say so; other formats mark it word by word', () => {
    const dir = temp();
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const draft = (name: string, header: string) => {
      const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="h1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>';
      const body = '<w:p><w:r><w:t>Fees are due.</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="h1"/></w:sectPr>';
      writeFileSync(join(dir, name), makeDocx(body, { extra: { 'word/_rels/document.xml.rels': rels, 'word/header1.xml': `<w:hdr ${W}><w:p><w:r><w:t>${header}</w:t></w:r></w:p></w:hdr>` } }));
      return join(dir, name);
    };
    const run = runCli(['redline', draft('ours.docx', 'Draft — subject to contract'), draft('theirs.docx', 'Final'), '-o', join(dir, 'r.docx'), '--date', '2026-01-01']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("theirs.docx: warning [header-footer-differs] the header on every page reads “Final” where ours reads “Draft — subject to contract”: tracked in the redline's header");
    expect(run.stderr).toContain('(clauses: 0 changed, 0 added, 0 deleted, 0 moved; words: +0 −0; headers and footers that read otherwise: 1)');
    // Tracked in our header: accepting gives theirs, rejecting ours.
    const redlined = readFileSync(join(dir, 'r.docx'));
    expect(readDocx(redlined, 'r.docx', { revisions: 'accept' }).headersFooters?.map((h) => h.text)).toEqual(['Final']);
    expect(readDocx(redlined, 'r.docx', { revisions: 'reject' }).headersFooters?.map((h) => h.text)).toEqual(['Draft — subject to contract']);
    // The page a negotiator reads says so too.
    const page = runCli(['redline', join(dir, 'ours.docx'), join(dir, 'theirs.docx'), '-o', join(dir, 'r.html')]);
    expect(page.code).toBe(0);
    expect(page.stderr).toContain('theirs.docx: warning [header-footer-differs] the header on every page reads “Final” where ours reads “Draft — subject to contract”\n');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain(
      '<section class="headers-footers"><h2>Headers and footers</h2><dl><dt>Header on every page</dt><dd><del>Draft — subject to contract</del><ins>Final</ins></dd></dl></section>',
    );
    const json = runCli(['redline', join(dir, 'ours.docx'), join(dir, 'theirs.docx')]);
    expect(JSON.parse(json.stdout).headersFooters).toEqual([
      { kind: 'header', type: 'default', spans: [{ kind: 'deleted', text: 'Draft — subject to contract' }, { kind: 'inserted', text: 'Final' }] },
    ]);
    expect(JSON.parse(json.stdout).notes).toBeUndefined();
    const md = runCli(['redline', join(dir, 'ours.docx'), join(dir, 'theirs.docx'), '-f', 'md']);
    expect(md.stdout).toContain('{>>Headers and footers:<<}\n\n- {>>header on every page<<} {--Draft — subject to contract--}{++Final++}');
    // A header that reads otherwise is a difference for CI; the same header is none.
    expect(runCli(['redline', join(dir, 'ours.docx'), join(dir, 'theirs.docx'), '--exit-code']).code).toBe(3);
    expect(runCli(['redline', join(dir, 'ours.docx'), join(dir, 'ours.docx'), '--exit-code']).code).toBe(0);
  });

  it('should report and track a change of the formatting of the same words in their footer: bold removed, struck through', () => {
    const dir = temp();
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const draft = (name: string, footer: string) => {
      const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="f1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>';
      const body = '<w:p><w:r><w:t>Fees are due.</w:t></w:r></w:p><w:sectPr><w:footerReference w:type="default" r:id="f1"/></w:sectPr>';
      writeFileSync(join(dir, name), makeDocx(body, { extra: { 'word/_rels/document.xml.rels': rels, 'word/footer1.xml': `<w:ftr ${W}><w:p>${footer}</w:p></w:ftr>` } }));
      return join(dir, name);
    };
    const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const ours = draft('ours.docx', r('CONFIDENTIAL', '<w:b/>') + r(' — subject to contract'));
    const theirs = draft('theirs.docx', r('CONFIDENTIAL') + r(' — subject to contract', '<w:strike/>'));
    const run = runCli(['redline', ours, theirs, '-o', join(dir, 'r.docx'), '--date', '2026-01-01', '--exit-code']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      "theirs.docx: warning [header-footer-differs] the footer on every page reads “CONFIDENTIAL — subject to contract” as ours does, but its formatting changed: “CONFIDENTIAL” bold removed; “— subject to contract” struck through: tracked in the redline's footer",
    );
    expect(run.stderr).toContain('headers and footers that read otherwise: 1)');
    // In our footer, their look with ours as a formatting change: accepting gives theirs, rejecting ours; the words stay.
    const redlined = readFileSync(join(dir, 'r.docx'));
    const footerXml = strFromU8(unzipSync(redlined)['word/footer1.xml']!);
    expect(footerXml).toMatch(/<w:r><w:rPr><w:rPrChange w:id="\d+" w:author="[^"]*" w:date="2026-01-01T00:00:00Z"><w:rPr><w:b\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">CONFIDENTIAL<\/w:t><\/w:r>/);
    expect(footerXml).toMatch(/<w:rPr><w:strike\/><w:rPrChange [^>]*><w:rPr><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve"> — subject to contract<\/w:t>/);
    expect(footerXml).not.toMatch(/<w:(ins|del) /);
    const footer = (mode: 'accept' | 'reject') => readDocx(redlined, 'r.docx', { revisions: mode }).headersFooters!.map((h) => [h.text, h.styles]);
    expect(footer('accept')).toEqual([['CONFIDENTIAL — subject to contract', [{ end: 12 }, { strike: true, end: 34 }]]]);
    expect(footer('reject')).toEqual([['CONFIDENTIAL — subject to contract', [{ bold: true, end: 12 }, { end: 34 }]]]);
    // The page, the JSON and the Markdown show it as the body's formatting changes.
    const page = runCli(['redline', ours, theirs, '-o', join(dir, 'r.html')]);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain(
      '<dt>Footer on every page</dt><dd><span class="restyled" title="bold removed">CONFIDENTIAL</span> <span class="restyled" title="struck through"><s>— subject to contract</s></span></dd>',
    );
    expect(page.stderr).toContain('formatting changed: “CONFIDENTIAL” bold removed; “— subject to contract” struck through\n');
    expect(JSON.parse(runCli(['redline', ours, theirs]).stdout).headersFooters).toEqual([
      {
        kind: 'footer',
        type: 'default',
        spans: [{ kind: 'kept', text: 'CONFIDENTIAL — subject to contract' }],
        restyled: [
          { start: 0, end: 12, text: 'CONFIDENTIAL', ours: { bold: true }, theirs: {} },
          { start: 13, end: 34, text: '— subject to contract', ours: {}, theirs: { strike: true } },
        ],
      },
    ]);
    expect(runCli(['redline', ours, theirs, '-f', 'md']).stdout).toContain('- {>>footer on every page<<} {==CONFIDENTIAL==}{>>bold removed<<} {==— subject to contract==}{>>struck through<<}');
    // Not compared with --no-formatting, as in the body; the same footer is no change.
    expect(runCli(['redline', ours, theirs, '--no-formatting', '--exit-code']).code).toBe(0);
    expect(runCli(['redline', ours, ours, '--exit-code']).code).toBe(0);
  });

  it('should report a problem of a file given as both drafts once', () => {
    const bad = join(temp(), 'bad.txt');
    writeFileSync(bad, new Uint8Array([0x41, 0xe9, 0x20, 0x41]));
    const run = runCli(['redline', bad, bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.match(/\[not-utf8\]/g)).toHaveLength(1);
    expect(run.stderr).toContain('clausewright: 1 error; nothing was written');
  });

  it('should refuse an output file whose name belies the format (HTML in r.docx, JSON in r.pdf), writing nothing', () => {
    const dir = temp();
    const mismatch = runCli(['redline', V1, V2, '--format', 'html', '-o', join(dir, 'r.docx')]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('[output-format] --format html does not match the output file');
    const unknown = runCli(['redline', V1, V2, '-o', join(dir, 'r.pdf')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the output format from');
    expect(unknown.stderr).toContain('name the file .json, .md, .html, .docx, or give --format');
    expect(readdirSync(dir)).toEqual([]);
    const assembled = runCli(['assemble', join(REPO, 'playbooks/aigc-user-agreement.yaml'), '--data', join(REPO, 'examples/aigc-user-agreement.yaml'), '--format', 'md', '-o', join(dir, 'a.docx')]);
    expect(assembled.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('should leave formatting changes out with --no-formatting, saying so', () => {
    const dir = temp();
    const json = runCli(['redline', V1, V2, '--no-formatting']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect([r.formatting, r.summary.restyled]).toEqual([false, 0]);
    const run = runCli(['redline', V1, V2, '--no-formatting', '-o', join(dir, 'r.html')]);
    expect(run.stderr).not.toContain('formatting changes');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('<tr><th>Formatting changes</th><td>not compared</td></tr>');
    expect(runCli(['redline', '--help']).stdout).toContain('--no-formatting');
  });

  it('should exit 3 with --exit-code when their draft differs, still writing the redline, and 0 when it does not', () => {
    const out = join(temp(), 'drift.html');
    const changed = runCli(['redline', V1, V2, '--exit-code', '-o', out]);
    expect(changed.code).toBe(3);
    expect(readFileSync(out, 'utf8')).toContain('Clauses changed');
    expect(runCli(['redline', V1, V1, '--exit-code']).code).toBe(0);
    // Without the flag a difference is no failure.
    expect(runCli(['redline', V1, V2]).code).toBe(0);
  });

  it('should refuse DOCX to stdout (exit 2)', () => {
    const run = runCli(['redline', V1, V2, '--format', 'docx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name a file with -o');
  });

  it('should exit 2 with a clear message and write nothing for missing, unsupported or corrupt input', () => {
    const dir = temp();
    const corrupt = join(dir, 'bad.docx');
    writeFileSync(corrupt, 'this is not a zip');
    const cases: Array<[string[], RegExp]> = [
      [['redline', join(dir, 'missing.md'), V2], /our document .*missing\.md not found/],
      [['redline', V1, join(dir, 'theirs.pdf')], /theirs\.pdf/],
      [['redline', V1, corrupt], /bad\.docx/],
    ];
    for (const [args, message] of cases) {
      const run = runCli([...args, '-o', join(dir, 'out.docx')]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir)).toEqual(['bad.docx']);
  });

  it('should report problems with both files at once', () => {
    const run = runCli(['redline', 'nowhere/ours.md', 'nowhere/theirs.docx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ours\.md not found/);
    expect(run.stderr).toMatch(/theirs\.docx not found/);
    expect(run.stderr).toContain('2 errors; nothing was written');
  });

  it('should assemble <ours> from a playbook with --data', () => {
    const playbook = join(REPO, 'playbooks/aigc-user-agreement.yaml');
    const data = join(REPO, 'examples/aigc-user-agreement.yaml');
    const run = runCli(['redline', playbook, V2, '--data', data, '--lang', 'en', '--date', '2026-01-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).ours.title).toMatch(/Agreement/);
  });

  it('should check published HTML terms against the playbook: no change for the page as assembled, exit 3 once it was edited', () => {
    const dir = temp();
    const playbook = join(REPO, 'playbooks/aigc-user-agreement.yaml');
    const data = join(REPO, 'examples/aigc-user-agreement.yaml');
    const page = join(dir, 'terms.html');
    expect(runCli(['assemble', playbook, '--data', data, '--lang', 'zh', '--date', '2026-01-01', '-o', page]).code).toBe(0);
    const same = runCli(['redline', playbook, page, '--data', data, '--date', '2026-01-01', '--exit-code']);
    expect(same.code, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout).summary.clauses.changed).toBe(0);
    writeFileSync(page, readFileSync(page, 'utf8').replace('不承担', '不负'));
    const edited = runCli(['redline', playbook, page, '--data', data, '--date', '2026-01-01', '--exit-code']);
    expect(edited.code).toBe(3);
    const words = JSON.parse(edited.stdout).summary.words;
    expect(words.inserted).toBeGreaterThan(0);
    expect(words.inserted).toBeLessThan(5);
  });

  it('should give a DOCX redline against a playbook the look of the agreement as sent: its styles, headers and footers', () => {
    const playbook = join(REPO, 'playbooks/aigc-user-agreement.yaml');
    const data = join(REPO, 'examples/aigc-user-agreement.yaml');
    const dir = temp();
    const sent = join(dir, 'sent.docx');
    expect(runCli(['assemble', playbook, '--data', data, '--lang', 'en', '--date', '2026-01-01', '-o', sent]).code).toBe(0);
    const out = join(dir, 'r.docx');
    const run = runCli(['redline', playbook, sent, '--data', data, '--lang', 'en', '--date', '2026-01-01', '-o', out]);
    expect(run.code, run.stderr).toBe(0);
    // Their draft is our agreement untouched: no changes, and the redline looks like it.
    expect(run.stderr).toMatch(/clauses: 0 changed, 0 added, 0 deleted, 0 moved; words: \+0 −0/);
    const redlineParts = unzipSync(readFileSync(out));
    const sentParts = unzipSync(readFileSync(sent));
    expect(strFromU8(redlineParts['word/styles.xml']!)).toContain('w:styleId="DefinedTerm"');
    expect(strFromU8(redlineParts['word/header1.xml']!)).toBe(strFromU8(sentParts['word/header1.xml']!));
    expect(strFromU8(redlineParts['word/footer2.xml']!)).toBe(strFromU8(sentParts['word/footer1.xml']!));
  });
});
