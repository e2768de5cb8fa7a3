import { apiErrorMessage } from '../../admin/apiError'
import type { Doc } from './model'

/** The composer's REST calls (same-origin, the admin's cookie), errors as Payload's messages. */
async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, {
    credentials: 'include',
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })
  const body = (await res.json().catch(() => null)) as T
  if (!res.ok) throw new Error(apiErrorMessage(body, `The server answered ${res.status}.`))
  return body
}

export type Loaded = { issue: Doc; items: Doc[]; sections: Doc[] }

export async function loadIssue(id: string): Promise<Loaded> {
  const [issue, items, sections] = await Promise.all([
    call<Doc>(`/api/issues/${id}?draft=true&depth=0&joins=false`),
    call<{ docs: Doc[] }>(`/api/items?where[issue][equals]=${id}&draft=true&depth=1&pagination=false&limit=0`),
    call<{ docs: Doc[] }>('/api/sections?depth=0&limit=0&pagination=false'),
  ])
  return { issue, items: items.docs, sections: sections.docs }
}

export const saveArrangement = (issue: string, body: unknown) =>
  call<{ moved: number }>(`/api/issues/${issue}/arrange`, { method: 'POST', body: JSON.stringify(body) })

export const createItem = (data: Record<string, unknown>) =>
  call<{ doc: Doc }>('/api/items?draft=true&depth=0', { method: 'POST', body: JSON.stringify(data) })

/** Save part of an item; `basedOn` (its updatedAt as loaded) goes as If-Match: a stale save answers 409. */
export const updateItem = (id: string, data: Record<string, unknown>, basedOn?: string | null) =>
  call<{ doc: Doc }>(`/api/items/${id}?draft=true&depth=0`, {
    method: 'PATCH',
    body: JSON.stringify(data),
    headers: basedOn ? { 'if-match': `"${basedOn}"` } : {},
  })

/** The people an item can be assigned to: staff accounts (admins, editors, contributors). */
export const loadPeople = () =>
  call<{ docs: Doc[] }>('/api/users?depth=0&limit=0&pagination=false&sort=email').then((r) =>
    r.docs.map((u) => ({ id: String(u.id), name: String(u.name || u.email) })),
  )

/** What "Reuse past item" offers: past items, translations and special-issue entries (GET /api/reuse/search). */
export type ReuseCandidate = { kind: 'item' | 'translation' | 'entry'; id: string; title: string; reuse: string }

export const searchReusable = (q: string, issue: string) =>
  call<{ docs: ReuseCandidate[] }>(`/api/reuse/search?q=${encodeURIComponent(q)}&issue=${encodeURIComponent(issue)}`)

/** Copy a candidate into the section (its own reuse path: items, translations or entries). */
export const reuseInto = (reusePath: string, issue: string, section: string) =>
  call<{ doc: Doc }>(reusePath, { method: 'POST', body: JSON.stringify({ issue, section }) })
