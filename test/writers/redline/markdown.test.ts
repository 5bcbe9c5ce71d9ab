import { describe, expect, it } from 'vitest';
import { writeRedlineMarkdown } from '../../../src/writers/redline/markdown.js';
import { redline } from '../../../src/redline/redline.js';
import { clause, doc, link, p, part } from '../../../src/model/build.js';
import { restyleOurs, restyleTheirs, sample } from './fixtures.js';

describe('writeRedlineMarkdown', () => {
  const md = writeRedlineMarkdown(sample);

  it('should write CriticMarkup insertions and deletions', () => {
    expect(md).toContain('The Customer pays the Fees within {--thirty--}{++sixty++} days.');
    expect(md).toContain('## 1 {++Audit++}');
  });

  it('should show renumbered clauses as labels, old → new, not as edits', () => {
    expect(md).toContain('## 1→2 Fees');
    expect(md).not.toMatch(/\{--\d+--\}/);
  });

  it('should mark both ends of a move with a comment naming it', () => {
    expect(md).toContain('{>>clause moved to m1<<}');
    expect(md).toContain('{>>clause moved from m1<<}');
    expect(md).toContain('## 2 {--Term--}');
  });

  it('should write list items with their labels and table rows as Markdown rows', () => {
    expect(md).toContain('(b) in {--euros--}{++dollars++}');
    expect(md).toContain('| Court | {--London--}{++Paris++} |');
  });

  it('should start with the summary', () => {
    expect(md.split('\n\n').slice(0, 2)).toEqual(['# Redline: Services Agreement', 'Clauses: 1 changed, 1 added, 0 deleted, 1 moved. Words: 16 inserted, 3 deleted.']);
  });

  it('should highlight text whose formatting changed and name the change in a comment', () => {
    const restyled = writeRedlineMarkdown(redline(restyleOurs, restyleTheirs));
    expect(restyled).toContain('Fees are payable. {==The Provider is not liable for==}{>>bold removed<<} {==indirect==}{>>bold removed, made italic<<} {==loss.==}{>>bold removed<<}');
    expect(restyled).toContain('Formatting changes: 3.');
    expect(md).not.toContain('Formatting changes');
  });
});

describe('writeRedlineMarkdown and links', () => {
  const terms = (...children: Parameters<typeof p>) => doc('en', [part('body', [clause('privacy', [p(...children)], { heading: ['Privacy'] })])]);

  it('should name a link pointed elsewhere, added or removed, in a comment on the highlighted words', () => {
    const md = writeRedlineMarkdown(
      redline(
        terms('See our ', link('https://a.example', 'policy'), ', ', link('https://c.example', 'notice'), ' and terms.'),
        terms('See our ', link('https://b.example', 'policy'), ', notice and ', link('https://d.example', 'terms'), '.'),
      ),
    );
    expect(md).toContain(
      'See our {==[policy](https://b.example)==}{>>link changed from https://a.example to https://b.example<<}, {==notice==}{>>link to https://c.example removed<<} and {==[terms](https://d.example)==}{>>linked to https://d.example<<}.',
    );
    expect(md).toContain('Formatting changes: 3.');
  });

  it('should keep linked words a Markdown link, inserted, deleted or kept, with brackets in them escaped', () => {
    const md = writeRedlineMarkdown(redline(terms('Read ', link('https://x.example/a b', 'the [old] terms'), '.'), terms('Read ', link('https://x.example/a b', 'the [new] terms'), '.')));
    expect(md).toContain('Read [the \\[](<https://x.example/a b>){--[old](<https://x.example/a b>)--}{++[new](<https://x.example/a b>)++}[\\] terms](<https://x.example/a b>).');
  });

  it('should show no label for a moved-away row whose cell only they number, and never the word "undefined"', () => {
    // A row moved away shows our labels only; where only their cell is numbered there is none to show.
    const moved = structuredClone(sample);
    const from = moved.clauses.find((c) => c.move?.side === 'from')!;
    from.paragraphs = [{ kind: 'tableRow', status: 'unchanged', spans: [{ kind: 'kept', text: 'Term\tOne year' }], cellLabels: { theirs: [['3'], []] } }];
    const md = writeRedlineMarkdown(moved);
    expect(md).not.toContain('undefined');
    expect(md).toContain('| {--Term--} | {--One year--} |');
  });
});
