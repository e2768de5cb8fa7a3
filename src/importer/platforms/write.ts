import type { Payload } from 'payload'

import { ImportError } from '../types'
import { rel, resolveTerms } from '../writer/lookups'
import { placeIn, upsertItem, type Placement } from '../writer/placement'
import { itemData, writeErrorMessage, type WriteOptions, type WriteSummary } from '../writer/report'
import { inTransaction, type TxReq } from '../writer/transaction'
import { asSystem } from '../../lib/system'
import type { ImportedExport, ImportedSubscriber } from './types'

export type ExportSummary = WriteSummary & {
  created: number
  updated: number
  subscribers: number
  subscribersKept: number
}

/** Name what failed (the post or member), so that the refusal says which. */
async function naming<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof ImportError) throw err
    throw new ImportError(`${what}: ${writeErrorMessage(err)}`)
  }
}

/** A new address is added with the export's consent; one already on the list is left as it is. */
async function writeSubscriber(payload: Payload, req: TxReq, s: ImportedSubscriber): Promise<boolean> {
  const found = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: s.email } },
    limit: 1,
    depth: 0,
    req,
    ...asSystem('import'),
  })
  if (found.docs.length) return false
  await naming(`member ${s.email}`, () =>
    payload.create({
      collection: 'subscribers',
      data: { email: s.email, name: s.name, status: s.status, source: 'import' },
      req,
      ...asSystem('import'),
      depth: 0,
    }),
  )
  return true
}

/**
 * Write a platform export in one transaction: each post an item of the chosen issue and section
 * (the item with the same import key is updated: a re-import creates nothing), then the
 * subscribers. Any failure rolls back the whole file.
 */
export async function writeExport(
  payload: Payload,
  exp: ImportedExport,
  place: Placement,
  options: WriteOptions = {},
): Promise<ExportSummary> {
  return inTransaction(
    payload,
    async (req) => {
      const { issue, section } = await placeIn(payload, req, place)
      const terms = await resolveTerms(
        payload,
        req,
        exp.posts.flatMap((p) => p.terms),
      )
      const summary = { created: 0, updated: 0, subscribers: 0, subscribersKept: 0 }
      for (const post of exp.posts) {
        const data = {
          ...itemData(post),
          tags: post.tags,
          importKey: post.importKey,
          issue: issue.id,
          section: section.id,
          terms: post.terms.map((t) => rel(terms.id(t.original))),
          _status: options.publish ? ('published' as const) : ('draft' as const),
        }
        const where = { importKey: { equals: post.importKey } }
        const updated = await naming(`post "${post.headline ?? post.importKey}"`, () =>
          upsertItem(payload, req, where, data, options.publish),
        )
        summary[updated ? 'updated' : 'created']++
      }
      for (const s of exp.subscribers)
        summary[(await writeSubscriber(payload, req, s)) ? 'subscribers' : 'subscribersKept']++
      return {
        issue: place.issue,
        issueId: issue.id,
        status: options.publish ? 'published' : 'draft',
        replaced: summary.updated > 0,
        sections: 1,
        items: exp.posts.length,
        terms: new Set(exp.posts.flatMap((p) => p.terms.map((t) => t.original))).size,
        newTerms: terms.created,
        sources: 0,
        newSources: 0,
        newSections: 0,
        warnings: exp.warnings,
        ...summary,
      }
    },
    options.user,
  )
}
