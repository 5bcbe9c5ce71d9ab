/** Public API of the redline engine (issue 4). */
export { redline } from './redline.js';
export { acceptAll, rejectAll, comparable, hasChanges } from './apply.js';
export { redlineString } from './redline-string.js';
export { headerFooterRedlines } from './headers-footers.js';
export { documentParagraphs } from './units.js';
export { tokenize } from './tokenize.js';
export { align, type AlignOptions, type AlignStep, type Alignment } from './align.js';
export * from './types.js';
