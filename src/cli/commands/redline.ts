/** `clausewright redline <ours> <theirs>`: compare their draft with our text. */
import type { Command } from 'commander';
import { InputError, dedupeDiagnostics, error, warning, type Diagnostic } from '../../diagnostics.js';
import { joinList } from '../../library/format.js';
import type { Document } from '../../model/nodes.js';
import type { ReadOptions, ReadResult } from '../../readers/types.js';
import type { CommentSides } from '../../redline/types.js';
import { REDLINE_FORMATS, type RedlineFormat } from '../../writers/redline/formats.js';
import { withDealDataHint } from '../deal-data-hint.js';
import { emit, readInput, refuseOutputOverInput } from '../io.js';
import { choice, defaultDate, outputFormat, outputPath, parseDate } from '../options.js';
import { action, EXIT_CHANGES, printDiagnostics } from '../run.js';

interface RedlineCliOptions {
  output?: string;
  format?: RedlineFormat;
  author: string;
  date?: string;
  data?: string;
  lang?: 'zh' | 'en' | 'zh+en';
  clauses?: string;
  comments: CommentSides;
  /** False with --no-formatting. */
  formatting: boolean;
  exitCode?: boolean;
}

const PLAYBOOK = /\.ya?ml$/i;
const DOCX = /\.docx$/i;
const COMMENT_SIDES = ['both', 'theirs', 'ours', 'none'] as const satisfies readonly CommentSides[];

/** Read a draft, loading only the reader its extension needs (readers/registry.ts), when it is read. */
async function readDocument(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const { readDocumentLazy } = await import('../../readers/registry.js');
  return readDocumentLazy(bytes, file, options);
}

async function readOurs(file: string, options: RedlineCliOptions, theirsFile: string, theirs: Document | undefined, date: string, format: RedlineFormat): Promise<ReadResult> {
  // A DOCX redline of our own DOCX keeps its look: styles, fonts, page, paragraph layout.
  if (!PLAYBOOK.test(file)) return readDocument(readInput(file, 'our document'), file, { look: format === 'docx' });
  // A playbook: assemble our text on the fly from the deal data, in their language unless told,
  // and shape it as the draft we would have sent them (see redline/as-sent.ts).
  const [{ assembleFiles }, { asSent, assemblyLangFor, sentFormatFor }] = await Promise.all([import('../../playbook/files.js'), import('../../redline/as-sent.js')]);
  const lang = options.lang ?? (theirs ? assemblyLangFor(theirs) : 'zh');
  const assembled = withDealDataHint(file, options.data, () => assembleFiles({ playbook: file, ...(options.data ? { data: options.data } : {}), lang, date, ...(options.clauses ? { clauses: options.clauses } : {}) }));
  // Written as DOCX, the agreement also lends the DOCX redline its look.
  const sent = await asSent(assembled.document, sentFormatFor(theirsFile), date, file, { look: format === 'docx' });
  // Chosen for them, so said: a Chinese draft with an English appendix reads as both languages too.
  const chosen =
    lang === 'zh+en' && !options.lang
      ? [warning('lang-bilingual', `${theirsFile} reads as Chinese and English, so ours was assembled in both, side by side; use --lang zh or --lang en to compare one language`, { file: theirsFile })]
      : [];
  return { ...sent, warnings: [...assembled.warnings, ...sent.warnings, ...chosen] };
}

export function registerRedline(program: Command): void {
  program
    .command('redline')
    .description('compare their draft with our text: tracked-changes DOCX, HTML, JSON or CriticMarkup')
    .argument('<ours>', 'our text: .docx, .md, .html, .txt, or a playbook .yaml with --data')
    .argument('<theirs>', 'their draft: .docx, .md, .html or .txt')
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout; - for stdout', outputPath)
    .option('-f, --format <format>', `output format: ${REDLINE_FORMATS.join(', ')} (default: from -o's extension, else json)`, choice(REDLINE_FORMATS, '--format'))
    .option('--author <name>', 'author of the tracked changes in the DOCX', 'Counterparty')
    .option('--date <YYYY-MM-DD>', "date of the tracked changes, and our agreement's date when <ours> is a playbook (default: today, or SOURCE_DATE_EPOCH)", parseDate)
    .option('-d, --data <file>', 'deal data (YAML or JSON) when <ours> is a playbook')
    .option('-l, --lang <lang>', 'language to assemble a playbook in: zh, en or zh+en (default: that of their draft)', choice(['zh', 'en', 'zh+en'] as const, '--lang'))
    .option('--clauses <dir>', 'clause library folder when <ours> is a playbook (default: clauses/ beside the playbook folder, else the built-in library)')
    .option('--comments <whose>', "reviewers' comments from DOCX drafts to carry: both, theirs, ours or none", choice(COMMENT_SIDES, '--comments'), 'both')
    .option('--no-formatting', 'report text, link and field changes only, not bold, italic, underline, strikethrough, highlight, colour or size (kept text keeps our look)')
    .option('--exit-code', 'exit 3 when their draft differs from ours (for CI), 0 when it does not')
    .addHelpText(
      'after',
      `
Examples:
  $ clausewright redline ours.docx theirs.docx -o redline.docx --author "Acme Ltd" --date 2026-02-01
  $ clausewright redline CSA-v1.0.md CSA-v2.1.md --format html -o redline.html
  $ clausewright redline playbooks/aigc-user-agreement.yaml theirs.docx --data deal.yaml -o redline.docx
  $ clausewright redline playbooks/aigc-user-agreement.yaml theirs-bilingual.docx --data deal.yaml --lang zh+en -o redline.docx
  $ clausewright redline ours.docx theirs.docx --comments theirs -o to-send-back.docx
  $ clausewright redline ours.docx theirs.docx --no-formatting -o words-only.html
  $ clausewright redline playbooks/aigc-user-agreement.yaml published.md --data deal.yaml --date 2026-01-01 --exit-code -o drift.html

Accepting every change in the DOCX gives their text; rejecting every change gives ours.
When <ours> is a DOCX, the DOCX redline keeps its styles, fonts, page size and margins,
headers and footers, each table's style, widths, borders and header rows, and each
paragraph's (in a table cell too) own style, alignment, indents, spacing and page and
section breaks. When both drafts are DOCX, their changes to our
headers and footers are tracked in them too (page numbers aside), a change of the bold,
colour or other look of the same words as a formatting change; a warning quotes both,
and says why where a change could not be tracked (the redline then keeps ours). A watermark
("DRAFT") gone or reworded is reported, not tracked.
Text kept word for word whose bold, italic, underline, strikethrough, highlight, colour or
size changed is reported as a formatting change (w:rPrChange in the DOCX), so un-bolding a
liability exclusion, or striking it through by hand, does not pass unseen;
so are words whose link now points elsewhere (in the DOCX: old link deleted, new inserted).
Word fields (dates, document properties) are compared by the result they show and written
back as fields; a cross-reference (REF) keeps the bookmark it names, and is written as its
result only where the redline does not carry that bookmark. A field that fetches outside
content or runs a command (DDE, INCLUDETEXT, MACROBUTTON…) is carried as its text, with a warning.
Reviewers' comments in either DOCX are carried over, anchored on the same words, with their
replies and whether they are resolved: Word comments in the DOCX, numbered notes under the
paragraph in HTML, {>>…<<} in Markdown, and "comments" in JSON. A comment both drafts carry
is shown once. Use --comments theirs to leave our internal comments out of a
redline you will send them.
What reading the drafts turned up (tracked changes read as accepted, hidden words or
pictures not read, a file read as GB18030) is printed as warnings, and shown in the HTML,
Markdown ("Notes on the drafts") and JSON ("notes") too. Headers and footers that read
otherwise are shown word by word there, formatting changes too ("Headers and footers";
JSON "headersFooters").
Exit codes: 0 ok, 2 bad input (unreadable or unsupported file, corrupt DOCX), 1 internal error,
3 changes found (only with --exit-code: text, formatting, links, or a header or footer; comments do not count).`,
    )
    .action(
      action(async (oursFile: string, theirsFile: string, options: RedlineCliOptions) => {
        const format = outputFormat(options.format, options.output, REDLINE_FORMATS, 'json');
        refuseOutputOverInput(options.output, { 'our document': oursFile, 'their draft': theirsFile, 'the deal data': options.data });
        if (format === 'docx' && !options.output) {
          throw new InputError([error('output-required', 'DOCX output is binary: name a file with -o, e.g. -o redline.docx')]);
        }
        const date = options.date ?? defaultDate();
        // Said, not silently dropped: someone passing deal data expects it to be used.
        if (!PLAYBOOK.test(oursFile)) {
          const unused = [options.data !== undefined ? '--data' : '', options.lang !== undefined ? '--lang' : '', options.clauses !== undefined ? '--clauses' : ''].filter(Boolean);
          if (unused.length > 0) printDiagnostics([warning('option-ignored', `${joinList(unused, 'en')} ${unused.length === 1 ? 'is' : 'are'} used only when <ours> is a playbook (.yaml); ${oursFile} is compared as it is`)]);
        }
        // Read both before giving up, so every input problem is reported at once.
        const problems: Diagnostic[] = [];
        const attempt = async <T>(read: () => T | Promise<T>): Promise<T | undefined> => {
          try {
            return await read();
          } catch (cause) {
            if (!(cause instanceof InputError)) throw cause;
            problems.push(...cause.diagnostics);
            return undefined;
          }
        };
        // A DOCX redline writes a paragraph only they have in its own style: their style sheet comes along.
        const theirs = await attempt(() => readDocument(readInput(theirsFile, 'their draft'), theirsFile, format === 'docx' ? { look: 'styles' } : {}));
        const ours = await attempt(() => readOurs(oursFile, options, theirsFile, theirs?.document, date, format));
        // Once each: a file given as both drafts has one set of problems.
        if (!ours || !theirs) throw new InputError(dedupeDiagnostics(problems));
        const [{ redline }, { hasChanges }, { writeRedline }, { headerFooterChanges, headerFooterRedlines }] = await Promise.all([
          import('../../redline/redline.js'),
          import('../../redline/apply.js'),
          import('../../writers/redline/index.js'),
          import('../../redline/headers-footers.js'),
        ]);
        const result = redline(ours.document, theirs.document, { comments: options.comments, formatting: options.formatting });
        // Headers and footers are outside the document model: said when theirs differ from
        // ours, where both drafts are Word files (a playbook is sent as their format).
        const bothDocx = DOCX.test(theirsFile) && (DOCX.test(oursFile) || PLAYBOOK.test(oursFile));
        const oursMargins = bothDocx ? (ours.headersFooters ?? []) : [];
        const theirMargins = bothDocx ? (theirs.headersFooters ?? []) : [];
        // A DOCX redline tracks their changes in our headers and footers where it can; the warning says which.
        const tracking =
          bothDocx && format === 'docx'
            ? (await import('../../writers/redline/docx/header-footer-revisions.js')).headerFooterTracking(ours.look?.headersFooters ?? [], oursMargins, theirMargins, {
                ...(ours.look?.styles !== undefined ? { ours: ours.look.styles } : {}),
                ...(theirs.look?.styles !== undefined ? { theirs: theirs.look.styles } : {}),
              })
            : undefined;
        const margins = headerFooterChanges(oursMargins, theirMargins, theirsFile, tracking, { formatting: options.formatting });
        const headersFooters = headerFooterRedlines(oursMargins, theirMargins, { formatting: options.formatting });
        if (headersFooters.length > 0) result.headersFooters = headersFooters;
        const notes = dedupeDiagnostics([...ours.warnings, ...theirs.warnings, ...margins]);
        // The HTML and Markdown redlines show the notes too, where a negotiator reads.
        // The page shows the headers and footers that differ word by word: their warnings need not repeat there.
        const shownNotes = notes.filter((n) => n.code !== 'header-footer-differs');
        const output = await writeRedline(format, result, { author: options.author, date, notes: shownNotes, ...(ours.look ? { look: ours.look } : {}), ...(theirs.look ? { theirLook: theirs.look } : {}), ...(bothDocx ? { theirHeadersFooters: theirMargins } : {}) });
        printDiagnostics(notes);
        emit(options.output, output);
        if (options.output) {
          const s = result.summary;
          process.stderr.write(
            `clausewright: wrote ${options.output} (clauses: ${s.clauses.changed} changed, ${s.clauses.added} added, ` +
              `${s.clauses.deleted} deleted, ${s.clauses.moved} moved; words: +${s.words.inserted} −${s.words.deleted}` +
              `${s.restyled ? `; formatting changes: ${s.restyled}` : ''}` +
              `${s.comments.theirs + s.comments.ours ? `; comments: ${s.comments.theirs} theirs, ${s.comments.ours} ours` : ''}` +
              `${headersFooters.length ? `; headers and footers that read otherwise: ${headersFooters.length}` : ''})\n`,
          );
        }
        if (options.exitCode && hasChanges(result)) process.exitCode = EXIT_CHANGES;
      }),
    );
}
