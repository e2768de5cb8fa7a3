import { readLexical, runGroups } from '../../content/lexical'
import { publicUrl } from '../../env'
import { itemName, type PreflightItem, type Problem } from '../types'

/** Link checking (`?checkLinks=1`): at most this many requests at once, each given this long. */
export const LINK_CHECK_CONCURRENCY = 4
export const LINK_CHECK_TIMEOUT_MS = 5000

/** Every link target of an item: links in its body, then its article URL. */
export function itemLinks(item: PreflightItem): string[] {
  const links = runGroups(readLexical(item.body)).flatMap((runs) =>
    runs.flatMap((run) => (run.kind === 'text' || run.kind === 'mark' ? run.links : [])),
  )
  const all = [...links, item.articleUrl].filter((l): l is string => typeof l === 'string' && l.trim() !== '')
  return [...new Set(all.map((l) => l.trim()))]
}

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url, publicUrl())
  } catch {
    return undefined
  }
}

/** Is this a link into the admin (relative `/admin…`, or the admin on this site's own host)? */
const isAdminLink = (url: URL, raw: string): boolean => {
  const own = new URL(publicUrl())
  const sameSite = !/^[a-z][a-z0-9+.-]*:/i.test(raw) || url.host === own.host
  return sameSite && /^\/admin(\/|$)/.test(url.pathname)
}

/** Links that are not absolute http(s) URLs, or that point to the admin. */
export function badLinks(item: PreflightItem): Problem[] {
  return itemLinks(item).flatMap((raw): Problem[] => {
    const url = parse(raw)
    const where = { item: item.id }
    if (url && isAdminLink(url, raw))
      return [
        {
          code: 'link-admin',
          severity: 'block',
          message: `${itemName(item)} links to the admin (${raw.slice(0, 120)}); readers cannot open it.`,
          ...where,
        },
      ]
    if (!/^https?:\/\//i.test(raw) || !url || !/^https?:$/.test(url.protocol))
      return [
        {
          code: 'link-not-http',
          severity: 'block',
          message: `${itemName(item)} has a link that is not an http(s) address: ${raw.slice(0, 120)}.`,
          ...where,
        },
      ]
    return []
  })
}

/** What one link answers: its status, or why it could not be reached. */
async function probe(url: string): Promise<{ status?: number; error?: string }> {
  const attempt = (method: 'HEAD' | 'GET') =>
    fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(LINK_CHECK_TIMEOUT_MS) })
  try {
    let res = await attempt('HEAD')
    // Some servers refuse HEAD; ask again with GET before calling the link broken.
    if (res.status === 405 || res.status === 501) res = await attempt('GET')
    await res.body?.cancel().catch(() => undefined)
    return { status: res.status }
  } catch (err) {
    const e = err as Error
    return { error: e.name === 'TimeoutError' ? `no answer within ${LINK_CHECK_TIMEOUT_MS / 1000} s` : e.message }
  }
}

/** Run `work` over `inputs`, at most `limit` at a time, keeping the order of results. */
async function pooled<T, R>(inputs: T[], limit: number, work: (input: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(inputs.length)
  let next = 0
  const lane = async () => {
    while (next < inputs.length) {
      const at = next++
      results[at] = await work(inputs[at]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, lane))
  return results
}

/** Ask every http(s) link of the items (each once) and report those answering 4xx/5xx or not at all. */
export async function brokenLinks(items: PreflightItem[]): Promise<Problem[]> {
  const owners = new Map<string, PreflightItem>()
  for (const item of items)
    for (const link of itemLinks(item)) if (/^https?:\/\//i.test(link) && !owners.has(link)) owners.set(link, item)
  const links = [...owners.keys()]
  const answers = await pooled(links, LINK_CHECK_CONCURRENCY, probe)
  return links.flatMap((link, i): Problem[] => {
    const { status, error } = answers[i]!
    const item = owners.get(link)!
    if (status !== undefined && status < 400) return []
    const what = status !== undefined ? `answers ${status}` : `cannot be reached (${error})`
    return [
      {
        code: 'link-broken',
        severity: 'warn',
        message: `${itemName(item)} links to ${link.slice(0, 120)}, which ${what}.`,
        item: item.id,
      },
    ]
  })
}
