/** HTML text and attribute escaping: every value passes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A clause id made safe for an HTML id attribute. */
export function anchorId(id: string): string {
  return 'c-' + id.replace(/[^A-Za-z0-9_-]/g, '-');
}
