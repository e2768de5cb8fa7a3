import JSZip from 'jszip'

import { parseCsv } from '../../newsletter/csv'
import { checkZipLimits } from '../formats/zipLimits'
import { ImportError } from '../types'
import { dayOf, toPost } from './post'
import { toSubscriber } from './subscribers'
import type { ImportedExport, ImportedSubscriber } from './types'

/** The entries of a zip named in its directory (uncompressed there): a Substack export has posts.csv. */
export const isSubstackZip = (data: Uint8Array): boolean => Buffer.from(data).includes('posts.csv')

/** CSV rows as objects keyed by the (lower-cased) header row. */
function records(csv: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(csv).filter((r) => r.some((v) => v.trim()))
  const keys = (header ?? []).map((h) => h.trim().toLowerCase())
  return rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, (row[i] ?? '').trim()])))
}

const yes = (value: string | undefined) => /^(true|t|1|yes)$/i.test(value ?? '')

/**
 * A reader on Substack's list is subscribed unless the export says their email is disabled; a
 * list without that column says nothing about consent, so its readers wait for confirmation.
 */
function consent(row: Record<string, string>): ImportedSubscriber['status'] {
  if (!('email_disabled' in row)) return 'pending'
  return yes(row.email_disabled) ? 'unsubscribed' : 'active'
}

/**
 * A Substack export zip: `posts.csv` (post_id "<id>.<slug>", post_date, is_published, title,
 * subtitle…) with each post's HTML in `posts/<post_id>.html`, and the subscriber list
 * `email_list.<publication>.csv` (email, email_disabled, plan…). The numeric id is the import key.
 */
export async function parseSubstack(data: Uint8Array): Promise<ImportedExport> {
  checkZipLimits(data, { readable: 'Substack export zip', name: 'Substack export' })
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(data)
  } catch (err) {
    throw new ImportError(`not a readable Substack export zip (${(err as Error).message})`)
  }
  const files = Object.values(zip.files).filter((f) => !f.dir)
  const named = (test: (base: string) => boolean) => files.find((f) => test(f.name.split('/').pop() ?? ''))
  const postsCsv = named((base) => base === 'posts.csv')
  if (!postsCsv) throw new ImportError('not a Substack export: the zip has no posts.csv')
  const folder = postsCsv.name.slice(0, -'posts.csv'.length)
  const warnings: string[] = []
  const posts = []
  for (const [index, row] of records(await postsCsv.async('string')).entries()) {
    const id = row.post_id ?? ''
    if (!id) throw new ImportError('posts.csv: a row has no post_id', index + 2)
    const html = zip.file(`${folder}posts/${id}.html`)
    if (!html) warnings.push(`post ${id} has no posts/${id}.html in the zip: imported without text`)
    posts.push(
      toPost({
        importKey: `substack:${id.split('.')[0]}`,
        title: row.title ?? '',
        html: html ? await html.async('string') : '',
        date: dayOf(row.post_date),
        published: yes(row.is_published),
        line: index + 2,
      }),
    )
  }
  const list = named((base) => /^email_list.*\.csv$/i.test(base))
  const subscribers = list
    ? records(await list.async('string'))
        .map((row) => toSubscriber(row.email, row.name, consent(row), warnings))
        .filter((s) => s !== undefined)
    : []
  return { kind: 'export', platform: 'substack', posts, subscribers, warnings }
}
