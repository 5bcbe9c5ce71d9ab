/**
 * Which header or footer a DOCX shows on which pages, named for keys and messages.
 * Imports nothing: the redline core and the CLI name headers without loading the
 * DOCX machinery.
 */

/** Every page (odd pages when even ones have their own), the first page, even pages. */
export type HeaderFooterType = 'default' | 'first' | 'even';

/** Which pages a header or footer of each type is on, in words. */
export const PAGES: Readonly<Record<HeaderFooterType, string>> = { default: 'on every page', first: 'on the first page', even: 'on even pages' };

/** 'header default', 'footer first'…: which header or footer, on which pages. */
export const headerFooterKey = (h: { kind: string; type: string }): string => `${h.kind} ${h.type}`;
