import type { Payload } from 'payload'

import { eachSubscriber } from './eachSubscriber'
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

/**
 * Import `email,name` rows (a header row is recognised and skipped). Addresses are normalised and
 * deduplicated against the file and the list; `confirmed` makes new rows active (consent collected
 * elsewhere), otherwise they wait as pending.
 */
export async function importSubscribers(
  payload: Payload,
  csv: string,
  options: { confirmed?: boolean } = {},
): Promise<ImportReport> {
  const rows = parseCsv(csv)
  const report: ImportReport = { imported: 0, skipped: [], invalid: [] }
  let emailCol = 0
  let nameCol = 1
  let start = 0
  const header = rows[0]?.map((h) => h.trim().toLowerCase())
  if (header && header.includes('email')) {
    emailCol = header.indexOf('email')
    nameCol = header.indexOf('name')
    start = 1
  }
  const existing = new Set<string>()
  const suppressed = new Set<string>()
  for await (const d of eachSubscriber(payload, { email: true, status: true })) {
    existing.add(d.email)
    if (isSuppressedStatus(d.status)) suppressed.add(d.email)
  }
  const now = new Date().toISOString()
  for (let i = start; i < rows.length; i++) {
    const line = i + 1
    const row = rows[i]
    if (row.length === 1 && row[0].trim() === '') continue
    const raw = (row[emailCol] ?? '').trim()
    const email = normaliseEmail(raw)
    if (!looksLikeEmail(email)) {
      report.invalid.push({ line, value: raw, reason: raw ? 'not a valid email address' : 'missing email' })
      continue
    }
    const name = nameCol >= 0 ? cleanName(row[nameCol] ?? '') : ''
    if (name.length > NAME_MAX_LENGTH) {
      report.invalid.push({ line, value: raw, reason: nameTooLong })
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
    try {
      await payload.db.create({
        collection: 'subscribers',
        data: {
          email,
          name: name || null,
          status: options.confirmed ? 'active' : 'pending',
          source: 'import',
          confirmedAt: options.confirmed ? now : null,
          createdAt: now,
          updatedAt: now,
        },
      })
      report.imported++
    } catch (err) {
      report.skipped.push({ line, email, reason: `not stored: ${(err as Error).message}` })
    }
  }
  return report
}

export async function exportSubscribers(payload: Payload): Promise<string> {
  const rows: string[][] = [['email', 'name', 'status', 'source', 'confirmedAt', 'unsubscribedAt', 'createdAt']]
  const select = {
    email: true,
    name: true,
    status: true,
    source: true,
    confirmedAt: true,
    unsubscribedAt: true,
    createdAt: true,
  } as const
  for await (const s of eachSubscriber(payload, select)) {
    rows.push([
      s.email,
      s.name ?? '',
      s.status,
      s.source ?? '',
      s.confirmedAt ?? '',
      s.unsubscribedAt ?? '',
      s.createdAt,
    ])
  }
  return toCsv(rows)
}

export const formatReport = (r: ImportReport): string =>
  [
    `imported ${r.imported}, skipped ${r.skipped.length}, invalid ${r.invalid.length}`,
    ...r.skipped.map((s) => `  line ${s.line}: skipped ${s.email} (${s.reason})`),
    ...r.invalid.map((s) => `  line ${s.line}: invalid ${JSON.stringify(s.value)} (${s.reason})`),
  ].join('\n')
