/** Pins the public API: a change here is a change for every user of the package. */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('should export exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'FORMATS', 'InputError', 'MODEL_VERSION', 'REDLINE_FORMATS', 'REDLINE_VERSION', 'VERSION',
      'acceptAll', 'acceptAllDocx', 'align', 'allClauses', 'assemble', 'assembleFiles', 'blockText', 'canonicalHash', 'check',
      'childrenOf', 'clause', 'collect', 'commented', 'comparable', 'computeCoverage', 'dealJsonSchema', 'dedupeDiagnostics', 'def', 'doc',
      'documentParagraphs', 'em', 'error', 'field', 'fontSize', 'formatDate', 'formatDiagnostic', 'formatPath', 'formatProvenance', 'fromJson',
      'hasChanges', 'hasErrors', 'headerFooterRedlines', 'highlight', 'holdsInlines', 'inlineText', 'inlines', 'item', 'link', 'lintModule', 'list', 'loadDealFile', 'loadLibrary',
      'loadPlaybookFile', 'normaliseTerm', 'p', 'parseClauseModule', 'parseMatrix', 'parsePlaybook', 'part', 'printedTitle', 'readDocument',
      'readDocx', 'readDocxProvenance', 'readHtml', 'readMarkdown', 'readText', 'redline', 'redlineString', 'ref', 'rejectAll', 'rejectAllDocx',
      'resolvePlaybook', 'sortDiagnostics', 'strike', 'strong', 'table', 'text', 'textColor', 'throwIfErrors', 'toJson', 'tokenize', 'underline', 'use', 'visit',
      'warning', 'write', 'writeDocx', 'writeHtml', 'writeJson', 'writeMarkdown', 'writeRedline',
    ]);
  });
});
