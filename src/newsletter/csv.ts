import type { Payload } from 'payload'

import type { Subscriber, Subscription } from '../payload-types'
import { insertSubscribers, type NewSubscriber } from './bulk'
import { eachSubscriber } from './eachSubscriber'
import { allNewsletters, defaultNewsletters } from './newsletters'
import { isSuppressedStatus } from './suppression'

import { cleanName, looksLikeEmail, NAME_MAX_LENGTH, nameTooLong, normaliseEmail } from '../../collections/Subscribers'

/** RFC 4180 rows: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const src = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
export const toCsv = (rows: string[][]) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'

export type ImportReport = {
  imported: number
  skipped: Array<{ line: number; email: string; reason: string }>
  invalid: Array<{ line: number; value: string; reason: string }>
}

/** The columns a file names in its header row (no header: email, name). */
function columnsOf(rows: string[][]) {
  const header = rows[0]?.map((h) => h.trim().toLowerCase())
  if (!header?.includes('email')) return { email: 0, name: 1, newsletters: -1, tags: -1, start: 0 }
  const at = (name: string) => header.indexOf(name)
  return { email: at('email'), name: at('name'), newsletters: at('newsletters'), tags: at('tags'), start: 1 }
}

/** `a; b;a` → ['a', 'b']: slugs or tags separated by `;`, trimmed, lower-cased, once each. */
const list = (value: string | undefined) => [
  ...new Set(
    (value ?? '')
      .split(';')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean),
  ),
]

const CHUNK = 1000

/**
 * Import `email,name[,newsletters,tags]` rows (a header row is recognised and skipped). Addresses are
 * normalised and deduplicated against the file and the list; `confirmed` makes new rows active
 * (consent collected elsewhere), otherwise they wait as pending. `newsletters` (slugs separated by
 * `;`, default: the newsletters for new sign-ups) and `tags` (separated by `;`). Rows are written in
 * bulk, a thousand at a time (src/newsletter/bulk.ts).
 */
export async function importSubscribers(
  payload: Payload,
  csv: string,
  options: { confirmed?: boolean } = {},
): Promise<ImportReport> {
  const rows = parseCsv(csv)
  const report: ImportReport = { imported: 0, skipped: [], invalid: [] }
  const col = columnsOf(rows)
  const slugs = new Map((await allNewsletters(payload)).map((n) => [n.slug ?? '', n.id]))
  const defaults = (await defaultNewsletters(payload)).map((n) => n.id)
  const existing = new Set<string>()
  const suppressed = new Set<string>()
  for await (const d of eachSubscriber(payload, { email: true, status: true })) {
    existing.add(d.email)
    if (isSuppressedStatus(d.status)) suppressed.add(d.email)
  }
  let chunk: Array<NewSubscriber & { line: number }> = []
  const flush = async () => {
    try {
      await insertSubscribers(payload, chunk)
      report.imported += chunk.length
    } catch (err) {
      for (const r of chunk)
        report.skipped.push({ line: r.line, email: r.email, reason: `not stored: ${(err as Error).message}` })
    }
    chunk = []
  }
  for (let i = col.start; i < rows.length; i++) {
    const line = i + 1
    const row = rows[i]
    if (row.length === 1 && row[0].trim() === '') continue
    const raw = (row[col.email] ?? '').trim()
    const email = normaliseEmail(raw)
    const invalid = (reason: string) => report.invalid.push({ line, value: raw, reason })
    if (!looksLikeEmail(email)) {
      invalid(raw ? 'not a valid email address' : 'missing email')
      continue
    }
    const name = col.name >= 0 ? cleanName(row[col.name] ?? '') : ''
    if (name.length > NAME_MAX_LENGTH) {
      invalid(nameTooLong)
      continue
    }
    const named = list(row[col.newsletters])
    const unknown = named.find((slug) => !slugs.has(slug))
    if (unknown) {
      invalid(`unknown newsletter "${unknown}"`)
      continue
    }
    if (suppressed.has(email)) {
      report.skipped.push({ line, email, reason: 'suppressed (bounced or complained): an admin must clear it first' })
      continue
    }
    if (existing.has(email)) {
      report.skipped.push({ line, email, reason: 'already subscribed or listed earlier in the file' })
      continue
    }
    existing.add(email)
    chunk.push({
      line,
      email,
      name: name || null,
      status: options.confirmed ? 'active' : 'pending',
      tags: list(row[col.tags]),
      newsletters: named.length ? named.map((slug) => slugs.get(slug)!) : defaults,
    })
    if (chunk.length >= CHUNK) await flush()
  }
  if (chunk.length) await flush()
  return report
}

/** Every subscriber with the newsletters it is active in and its tags (`;`-separated), a page at a time. */
export async function exportSubscribers(payload: Payload): Promise<string> {
  const rows: string[][] = [
    ['email', 'name', 'status', 'newsletters', 'tags', 'source', 'confirmedAt', 'unsubscribedAt', 'createdAt'],
  ]
  const select = {
    email: true,
    name: true,
    status: true,
    tags: true,
    source: true,
    confirmedAt: true,
    unsubscribedAt: true,
    createdAt: true,
  } as const
  const newsletters = await allNewsletters(payload)
  const slugOf = new Map(newsletters.map((n) => [String(n.id), n.slug ?? String(n.id)]))
  const order = new Map(newsletters.map((n, i) => [String(n.id), i]))
  let page: Subscriber[] = []
  const flush = async () => {
    const active = await activeNewsletters(
      payload,
      page.map((s) => s.id),
    )
    for (const s of page)
      rows.push([
        s.email,
        s.name ?? '',
        s.status,
        (active.get(String(s.id)) ?? [])
          .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
          .map((id) => slugOf.get(id) ?? id)
          .join(';'),
        (s.tags ?? []).join(';'),
        s.source ?? '',
        s.confirmedAt ?? '',
        s.unsubscribedAt ?? '',
        s.createdAt,
      ])
    page = []
  }
  for await (const s of eachSubscriber(payload, select)) {
    page.push(s as Subscriber)
    if (page.length >= 2000) await flush()
  }
  await flush()
  return toCsv(rows)
}

/** Subscriber id → ids of the newsletters it is active in. */
async function activeNewsletters(payload: Payload, ids: Subscriber['id'][]) {
  const out = new Map<string, string[]>()
  if (!ids.length) return out
  const res = await payload.db.find<Subscription>({
    collection: 'subscriptions',
    where: { and: [{ subscriber: { in: ids } }, { status: { equals: 'active' } }] },
    pagination: false,
    sort: 'id',
  })
  for (const m of res.docs) {
    const key = String(typeof m.subscriber === 'object' ? m.subscriber.id : m.subscriber)
    const newsletter = String(typeof m.newsletter === 'object' ? m.newsletter.id : m.newsletter)
    out.set(key, [...(out.get(key) ?? []), newsletter])
  }
  return out
}

export const formatReport = (r: ImportReport): string =>
  [
    `imported ${r.imported}, skipped ${r.skipped.length}, invalid ${r.invalid.length}`,
    ...r.skipped.map((s) => `  line ${s.line}: skipped ${s.email} (${s.reason})`),
    ...r.invalid.map((s) => `  line ${s.line}: invalid ${JSON.stringify(s.value)} (${s.reason})`),
  ].join('\n')
