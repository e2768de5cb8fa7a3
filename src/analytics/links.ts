/**
 * Link rewriting for a tracked send. The campaign's HTML (rendered once, with `{{…}}` personal
 * tokens) gets every absolute http(s) link replaced by `<public>/r/{{track}}.<N>`, an open pixel
 * `<public>/o/{{track}}.gif` and one invisible canary link (index 0) that no person can see or click.
 * Deterministic: the link list is derived from the campaign's stored HTML the same way at send time
 * and when a click arrives, so it is kept once, with the campaign.
 */
export type TrackedLink = { url: string; section: string | null }

const HREF = /href="(https?:\/\/[^"{}]+)"/g
const HEADING = /<h2\b[^>]*>([\s\S]*?)<\/h2>/g

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

const textOf = (html: string) =>
  decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()

/** Every link of the message in order (index N+1 is link N here), each with the section heading above it. */
export function trackedLinks(html: string): TrackedLink[] {
  const headings = [...html.matchAll(HEADING)].map((m) => ({ at: m.index ?? 0, name: textOf(m[1]) }))
  const links: TrackedLink[] = []
  for (const m of html.matchAll(HREF)) {
    const at = m.index ?? 0
    const heading = headings.filter((h) => h.at <= at).pop()
    links.push({ url: decodeEntities(m[1]), section: heading?.name || null })
  }
  return links
}

/** The HTML sent when tracking is on: rewritten links, the pixel and the canary. */
export function rewriteForTracking(html: string, publicUrl: string): string {
  let index = 0
  const rewritten = html.replace(HREF, () => `href="${publicUrl}/r/{{track}}.${++index}"`)
  const canary = `<a href="${publicUrl}/r/{{track}}.0" aria-hidden="true" tabindex="-1" style="display:none;font-size:0;line-height:0;max-height:0;overflow:hidden;mso-hide:all">&#8203;</a>`
  const pixel = `<img src="${publicUrl}/o/{{track}}.gif" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`
  const withCanary = /<body\b[^>]*>/.test(rewritten)
    ? rewritten.replace(/<body\b[^>]*>/, (open) => `${open}${canary}`)
    : `${canary}${rewritten}`
  return /<\/body>/.test(withCanary) ? withCanary.replace(/<\/body>/, `${pixel}</body>`) : `${withCanary}${pixel}`
}
