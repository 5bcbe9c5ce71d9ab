/**
 * clausewright library API. The CLI is a thin layer over these functions.
 *
 * @example
 *   import { assembleFiles, writeMarkdown } from 'clausewright';
 *   const { document } = assembleFiles({ playbook: 'playbooks/aigc-user-agreement.yaml',
 *     data: 'examples/aigc-user-agreement.yaml', lang: 'en', date: '2026-01-01' });
 *   process.stdout.write(writeMarkdown(document).output as string);
 */
export * from './model/index.js';
export * from './diagnostics.js';
export { VERSION } from './version.js';

// Clause library
export { parseClauseModule, type ClauseModule, type Variant } from './library/module.js';
export { loadLibrary, type Library } from './library/load.js';
export { lintModule } from './library/lint.js';
export { formatDate, type VariableSpec, type VariableType } from './library/variables.js';

// Playbooks and assembly
export { parsePlaybook, type Playbook } from './playbook/load.js';
export { assemble, canonicalHash, type AssembleInput, type AssembleResult, type AssemblyLang } from './playbook/assemble.js';
export { assembleFiles, loadDealFile, loadPlaybookFile, type AssembleFilesOptions } from './playbook/files.js';
export { check, type CheckOptions, type CheckReport } from './playbook/check.js';
export { dealJsonSchema } from './playbook/deal-schema.js';
export { resolvePlaybook } from './playbook/namespace.js';
export { parseMatrix, type Requirement } from './requirements/matrix.js';
export { computeCoverage, type Coverage, type CoverageRow } from './requirements/coverage.js';

// Writers
export { write, writeHtml, writeJson, writeMarkdown, FORMATS, type Format, type Writer, type WriterOptions, type WriterResult } from './writers/index.js';
export { writeDocx, readDocxProvenance, formatProvenance, type DocxOptions } from './writers/docx/index.js';

// Readers (counterparty drafts → model)
export { readDocument, readDocx, readHtml, readMarkdown, readText, type ReadOptions, type ReadResult } from './readers/index.js';

// Redline (counterparty draft against our text)
export * from './redline/index.js';
export { writeRedline, REDLINE_FORMATS, type RedlineFormat } from './writers/redline/index.js';
export { acceptAllDocx, rejectAllDocx } from './writers/redline/accept-reject.js';
