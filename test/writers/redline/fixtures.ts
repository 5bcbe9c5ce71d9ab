/** Small ours/theirs pairs for the redline writer tests. */
import { HIGHLIGHT_RGB } from '../../../src/colors.js';
import { clause, commented, doc, em, field, fontSize, highlight, item, link, list, p, part, strike, strong, table, textColor, underline } from '../../../src/model/build.js';
import type { Document } from '../../../src/model/nodes.js';
import { redline } from '../../../src/redline/redline.js';
import { documentUnits } from '../../../src/redline/units.js';
import type { Redline, StyleRun } from '../../../src/redline/types.js';

const items = (texts: string[]) => {
  const l = list(texts.map((t) => item(t)));
  l.children.forEach((it, i) => (it.label = `(${String.fromCharCode(97 + i)})`));
  return l;
};

export const ours: Document = doc(
  'en',
  [
    part('body', [
      clause('fees', [p('The Customer pays the ', strong('Fees'), ' within thirty days.'), items(['by bank transfer', 'in euros']), table([['Court', 'London'], ['Language', 'English']])], { heading: ['Fees'], number: '1' }),
      clause('term', [p('This Agreement lasts one year from the Effective Date.')], { heading: ['Term'], number: '2' }),
      clause('law', [p('English law governs this Agreement and any dispute.')], { heading: ['Law'], number: '3' }),
    ]),
  ],
  { title: 'Services Agreement' },
);

export const theirs: Document = doc(
  'en',
  [
    part('body', [
      clause('audit', [p('The Provider may audit <records> once a year & on notice.')], { heading: ['Audit'], number: '1' }),
      clause('fees', [p('The Customer pays the ', strong('Fees'), ' within sixty days.'), items(['by bank transfer', 'in dollars', 'on time']), table([['Court', 'Paris'], ['Language', 'English']])], { heading: ['Fees'], number: '2' }),
      clause('law', [p('English law governs this Agreement and any dispute.')], { heading: ['Law'], number: '3' }),
      clause('term', [p('This Agreement lasts one year from the Effective Date.')], { heading: ['Term'], number: '4' }),
    ]),
  ],
  { title: 'Services Agreement' },
);

export const sample: Redline = redline(ours, theirs);

/**
 * Word fields: a date's result changed, a field turned into its text, a REF
 * to a bookmark neither draft has (written as its text), text turned into a
 * field, a field kept as it was beside a change, and a REF to a bookmarked
 * word (its result the word, as Word computes it) in an edited paragraph.
 */
const fieldDoc = (paragraphs: ReturnType<typeof p>[]) => doc('en', [part('body', [clause('sign', paragraphs, { heading: ['Signature'], number: '1' })])]);
const bookmarked = (name: string, text: string) => [{ type: 'bookmark' as const, edge: 'start' as const, name }, text, { type: 'bookmark' as const, edge: 'end' as const, name }];
export const fieldOurs: Document = fieldDoc([
  p('The ', ...bookmarked('_Ref20', 'Fees'), ' are due monthly.'),
  p('Late ', field('REF _Ref20 \\h', 'Fees'), ' bear interest.'),
  p('Signed on ', field('CREATEDATE \\@ "d MMMM yyyy"', '1 May 2026'), '.'),
  p('Prepared by ', field('AUTHOR', 'Jane Roe'), '.'),
  p('As set out in ', field('REF _Ref12 \\h', 'clause 2'), '.'),
  p('This is version 3 of the terms.'),
  p('These are the ', field('DOCPROPERTY Product', 'Services Terms'), ' of Acme.'),
]);
export const fieldTheirs: Document = fieldDoc([
  p('The ', ...bookmarked('_Ref20', 'Fees'), ' are due quarterly.'),
  p('Late ', field('REF _Ref20 \\h', 'Fees'), ' bear interest at 5%.'),
  p('Signed on ', field('CREATEDATE \\@ "d MMMM yyyy"', '2 May 2026'), '.'),
  p('Prepared by Jane Roe.'),
  p('As set out in ', field('REF _Ref12 \\h', 'clause 3'), '.'),
  p('This is version ', field('DOCPROPERTY Version', '3'), ' of the terms.'),
  p('These are the ', field('DOCPROPERTY Product', 'Services Terms'), ' of Acme Ltd.'),
]);

/** A fee schedule: "Total" bold or not, the amount linked to the price list. */
export function schedule(bold: boolean): Document {
  const t = table([['Fee', 'Amount'], ['Total', 'USD 10']]);
  t.children[1]!.children[0]!.children = [bold ? p(strong('Total')) : p('Total')];
  t.children[1]!.children[1]!.children = [p(link('https://ours.example/prices', 'USD 10'))];
  return doc('en', [part('body', [clause('fees', [t], { heading: ['Fees'], number: '1' })])]);
}

/** The codes of each paragraph's fields, as a test compares them. */
export function fieldCodes(document: Document): string[][] {
  return document.parts.flatMap((pt) => pt.clauses.flatMap((c) => c.children.map((b) => (b.type === 'paragraph' ? b.children.filter((n) => n.type === 'field').map((n) => n.code) : []))));
}

/** A formatting-only change: our exclusion of liability is bold, theirs is not (and "indirect" is italic). */
const liability = (...children: Parameters<typeof p>) =>
  doc('en', [part('body', [clause('liability', [p(...children), p('Fees are ', em('due'), ' monthly.')], { heading: ['Liability'], number: '1' })])]);
export const restyleOurs = liability('Fees are payable. ', strong('The Provider is not liable for indirect loss.'));
export const restyleTheirs = liability('Fees are payable. The Provider is not liable for ', em('indirect'), ' loss.');

/** A link pointed elsewhere (same words), one whose words changed, and one removed. */
export const linkOurs = liability('See our ', link('https://ours.example/privacy', 'privacy policy'), ', the ', link('https://ours.example/dpa', 'data terms'), ' and ', link('mailto:legal@ours.example', 'legal'), '.');
export const linkTheirs = liability('See our ', link('https://theirs.example/privacy?v=2&x=1', 'privacy policy'), ', the ', link('https://ours.example/dpa', 'data processing terms'), ' and legal.');

/**
 * Underline, the other usual way a standard term is made conspicuous (以显著方式提请注意):
 * theirs drops it from an exclusion of liability, striking the exclusion through by hand
 * (no tracked change: the words stay, the line says "delete"), and adds it to a duty of ours.
 */
const zhTerms = (exclusion: Parameters<typeof p>[0], duty: Parameters<typeof p>[0]) =>
  doc('zh', [part('body', [clause('liability', [p('您同意：', exclusion), p('平台应当', duty, '。')], { heading: ['责任限制'], number: '1' })])]);
export const underlineOurs = zhTerms(strong(underline('平台对间接损失不承担责任。')), '及时处理投诉');
export const underlineTheirs = zhTerms(strong(strike('平台对间接损失不承担责任。')), underline('及时处理投诉'));

/**
 * Highlights, colours and sizes, as negotiators mark open points: theirs settles the fee (its
 * yellow highlight goes), flags the payment term in green and recolours it, inserts a word in
 * colour, colouring the next, sets a word in small type and resizes the rest of the sentence.
 */
export const highlightOurs = liability(
  'Fee: ', highlight('yellow', '[USD 10,000]'), ', payable ', textColor('C00000', 'within 30 days'), ' of invoice. Late ', fontSize(14, 'fees apply.'),
);
export const highlightTheirs = liability(
  'Fee: [USD 10,000], payable ', highlight('green', textColor('0070C0', 'within 30 days')), ' of ', textColor('7030A0', 'each invoice'), '. ', fontSize(9, 'Late'), ' ', fontSize(12, 'fees apply.'),
);

/** Reviewers' comments on both sides: ours on words they deleted, theirs on words they inserted, theirs on a point. */
export const commentOurs = liability('Fees are payable ', ...commented('1', { author: 'Our Counsel', date: '2026-11-01T09:00:00Z', text: 'Finance needs monthly.' }, 'monthly in arrears'), '.');
export const commentTheirs = liability(
  'Fees are payable ',
  ...commented(
    '7',
    { author: 'Jane Roe', initials: 'JR', date: '2026-11-20T10:00:00Z', text: 'We bill quarterly.', done: true, replies: [{ author: 'John Doe', date: '2026-11-21T08:00:00Z', text: 'Agreed, quarterly.' }] },
    'quarterly in advance',
  ),
  '.',
  ...commented('8', { author: 'Jane Roe', text: 'A point.' }),
);

/**
 * Each comment and reply as "author|text|the words it is on" ("|resolved" after a resolved one), sorted,
 * as libreoffice-resolve.py prints them: a reply is a comment of its own on the same words.
 */
export const commentsOf = (d: Document): string[] =>
  documentUnits(d)
    .flatMap((u) =>
      u.paras.flatMap((para) =>
        (para.comments ?? []).flatMap((c) => [c, ...(c.replies ?? [])].map((x) => `${x.author}|${x.text}|${para.text.slice(c.at, c.at + c.length)}${x.done ? '|resolved' : ''}`)),
      ),
    )
    .sort();

/** Each paragraph's style runs that `mark` names, as "mark:text" (trimmed, blank runs left out). */
function marked(d: Document, mark: (run: StyleRun) => string | undefined): string[][] {
  return documentUnits(d).flatMap((u) =>
    u.paras.map((para) => {
      let from = 0;
      return (para.styles ?? []).flatMap((run) => {
        const text = para.text.slice(from, (from = run.end)).trim();
        const name = mark(run);
        return text && name !== undefined ? [`${name}:${text}`] : [];
      });
    }),
  );
}

/**
 * Each paragraph's bold, italic, underlined, struck-through, highlighted, coloured and resized stretches as "b:text" /
 * "bu:text" / "bx:text" (struck through) / "hFFFF00:text" (highlight drawn in that RGB) / "cC00000:text" (text colour) / "s14:text" (size in points)…,
 * as libreoffice-resolve.py prints them.
 */
export const looks = (d: Document): string[][] =>
  marked(d, (run) => {
    const look =
      (run.bold ? 'b' : '') +
      (run.italic ? 'i' : '') +
      (run.underline ? 'u' : '') +
      (run.strike ? 'x' : '') +
      (run.highlight ? `h${HIGHLIGHT_RGB[run.highlight]}` : '') +
      (run.color ? `c${run.color}` : '') +
      (run.size !== undefined ? `s${run.size}` : '');
    return look || undefined;
  });

/** Each paragraph's links as "URL:text", as libreoffice-resolve.py prints them. */
export const links = (d: Document): string[][] => marked(d, (run) => run.link);
