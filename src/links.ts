/**
 * Which link targets a writer may make live. A link's target is content and
 * is always shown or kept, but a page or document that a negotiator opens must
 * not run what a counterparty's draft smuggled in (`javascript:`, `data:`,
 * `file:`…): only web, mail and telephone links become clickable.
 */

const LIVE = /^(?:https?:\/\/|mailto:|tel:)/i;

/**
 * The target, when it is safe to make clickable.
 * @example liveHref('https://example.com/privacy') // 'https://example.com/privacy'
 * @example liveHref('javascript:alert(1)') // undefined
 */
export function liveHref(href: string): string | undefined {
  // Browsers ignore leading spaces and control characters and tabs or newlines inside a scheme.
  const cleaned = href.replace(/[\u0000-\u0020\u007f]/g, '');
  return LIVE.test(cleaned) ? href.trim() : undefined;
}
