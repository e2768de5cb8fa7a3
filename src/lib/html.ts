/** The one HTML escaper (web pages, feeds, email, exports, subscription pages, snippets). */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/**
 * Escape for HTML/XML text and quoted attribute values (all five of & < > " '), dropping the
 * characters XML forbids; null and undefined become ''.
 */
export const escapeHtml = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : String(value)
        .replace(INVALID_XML, '')
        .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
