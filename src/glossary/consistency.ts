import {
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { relationKey, relationKeys } from '../search/text'
import { publishedTermUses, translationAndEntryTexts, type TextRef } from './kinds'
import { applyPreferred, extractRenderings, normalizeRendering } from './renderings'
import { loadTerms, type GlossaryTermRow } from './terms'
import { asSystem } from '../lib/system'

/** Where a rendering was found: an item, a translation or a special issue's entry (`collection`, admin `url`). */
export type ItemRef = TextRef
export type RenderingGroup = { english: string; items: ItemRef[] }
export type Inconsistency = {
  original: string
  term: { id: string; english: string; slug: string } | null
  preferred: string
  renderings: RenderingGroup[]
}
export type TermProblem = { id: string; english: string; original: string; problems: string[]; items: number }
export type ConsistencyReport = { inconsistencies: Inconsistency[]; termProblems: TermProblem[]; itemsScanned: number }

type ItemDoc = {
  id: number | string
  title?: string | null
  headline?: string | null
  body?: unknown
  _status?: string | null
  issue?: unknown
  terms?: unknown
}

async function* items(payload: Payload, draft: boolean, req?: PayloadRequest): AsyncGenerator<ItemDoc> {
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: 'items',
      depth: 0,
      limit: 500,
      page,
      draft,
      req,
      ...asSystem('operator'),
      sort: 'id',
      ...(draft ? {} : { where: { _status: { equals: 'published' } } }),
    })
    for (const doc of res.docs) yield doc as ItemDoc
    if (!res.hasNextPage) break
  }
}

/** The item's stored title (the headline, or a brief's readable title: see collections/Items.ts). */
const titleOf = (doc: ItemDoc) => doc.title?.trim() || doc.headline?.trim() || `Item ${doc.id}`

/** Every text the report reads: items, then translations and special-issue entries (latest versions). */
async function* texts(payload: Payload, req?: PayloadRequest): AsyncGenerator<{ ref: ItemRef; values: unknown[] }> {
  const issues = new Map<string, string>()
  for await (const doc of items(payload, true, req)) {
    const issueId = relationKey(doc.issue)
    if (issueId && !issues.has(issueId)) {
      const issue = await payload.findByID({
        collection: 'issues',
        id: issueId,
        depth: 0,
        ...asSystem('operator'),
        disableErrors: true,
        req,
      })
      issues.set(issueId, issue?.label ?? issueId)
    }
    const ref: ItemRef = {
      collection: 'items',
      id: doc.id,
      title: titleOf(doc),
      status: doc._status ?? 'draft',
      issue: issueId ? (issues.get(issueId) ?? null) : null,
      url: `/admin/collections/items/${doc.id}`,
    }
    yield { ref, values: [doc.body] }
  }
  yield* translationAndEntryTexts(payload, req)
}

/**
 * The consistency report: every Chinese original rendered with different English in different items,
 * translations or special-issue entries (latest versions, from the text patterns and inline marks), and
 * the terms used in published content that are still unreviewed or have no definition.
 */
export async function consistencyReport(payload: Payload, req?: PayloadRequest): Promise<ConsistencyReport> {
  const terms = await loadTerms(payload, req)
  const byOriginal = new Map<string, GlossaryTermRow>()
  for (const t of terms.values()) byOriginal.set(t.original, t)
  const found = new Map<string, Map<string, RenderingGroup>>()
  let itemsScanned = 0
  for await (const { ref, values } of texts(payload, req)) {
    if (ref.collection === 'items') itemsScanned++
    const renderings = values.flatMap((value) => extractRenderings(value, terms))
    if (!renderings.length) continue
    for (const r of renderings) {
      const groups = found.get(r.original) ?? new Map<string, RenderingGroup>()
      found.set(r.original, groups)
      const key = normalizeRendering(r.english)
      const group = groups.get(key) ?? { english: r.english, items: [] }
      groups.set(key, group)
      if (!group.items.some((i) => i.collection === ref.collection && i.id === ref.id && i.title === ref.title))
        group.items.push(ref)
    }
  }
  const inconsistencies: Inconsistency[] = []
  for (const [original, groups] of found) {
    if (groups.size < 2) continue
    const term = byOriginal.get(original)
    const renderings = [...groups.values()].sort((a, b) => b.items.length - a.items.length)
    inconsistencies.push({
      original,
      term: term ? { id: term.id, english: term.english, slug: term.slug } : null,
      preferred: term?.english || renderings[0].english,
      renderings,
    })
  }
  inconsistencies.sort((a, b) => a.original.localeCompare(b.original, 'zh'))

  const usage = new Map<string, number>()
  for await (const doc of items(payload, false, req))
    for (const id of relationKeys(doc.terms)) usage.set(id, (usage.get(id) ?? 0) + 1)
  for (const [id, count] of await publishedTermUses(payload, req)) usage.set(id, (usage.get(id) ?? 0) + count)
  const termProblems: TermProblem[] = []
  for (const [id, count] of usage) {
    const t = terms.get(id)
    if (!t) continue
    const problems = [
      ...(t.status !== 'reviewed' ? ['unreviewed'] : []),
      ...(!t.definition.trim() ? ['no definition'] : []),
    ]
    if (problems.length) termProblems.push({ id, english: t.english, original: t.original, problems, items: count })
  }
  termProblems.sort((a, b) => b.items - a.items)
  return { inconsistencies, termProblems, itemsScanned }
}

/**
 * Apply the preferred English for an original to chosen items, in one transaction: each changed
 * item gets a new draft version (nothing is published). Returns the ids changed.
 */
export async function applyPreferredRendering(
  req: PayloadRequest,
  input: { original?: unknown; preferred?: unknown; items?: unknown },
): Promise<{ changed: Array<number | string>; unchanged: Array<number | string> }> {
  const original = typeof input.original === 'string' ? input.original.trim() : ''
  const preferred = typeof input.preferred === 'string' ? input.preferred.trim() : ''
  const ids = Array.isArray(input.items) ? input.items.map(relationKey).filter((v): v is string => !!v) : []
  if (!original || !/[\u3400-\u9fff]/.test(original))
    throw new APIError('Give the Chinese original ("original").', 400, null, true)
  if (!preferred || preferred.length > 200)
    throw new APIError('Give the preferred English rendering ("preferred").', 400, null, true)
  if (!ids.length || ids.length > 500)
    throw new APIError('Choose the items to change ("items": 1 to 500 ids).', 400, null, true)
  const { payload } = req
  const terms = await loadTerms(payload, req)
  const termIds = new Set([...terms.values()].filter((t) => t.original === original).map((t) => t.id))
  const changed: Array<number | string> = []
  const unchanged: Array<number | string> = []
  // Check every item before writing any (SQLite runs without transactions unless configured).
  const planned: Array<{ id: number | string; body: unknown }> = []
  for (const id of ids) {
    const doc = await payload.findByID({
      collection: 'items',
      id,
      draft: true,
      depth: 0,
      req,
      ...asSystem('operator'),
      disableErrors: true,
    })
    if (!doc) throw new APIError(`Item ${id} does not exist: nothing was changed.`, 404, null, true)
    const olds = extractRenderings(doc.body, terms)
      .filter((r) => r.original === original)
      .map((r) => r.english)
    const next = applyPreferred(doc.body, original, preferred, olds, termIds)
    if (next.changed) planned.push({ id: doc.id, body: next.value })
    else unchanged.push(doc.id)
  }
  const owns = await initTransaction(req)
  try {
    for (const { id, body } of planned) {
      await payload.update({
        collection: 'items',
        id,
        draft: true,
        req,
        overrideAccess: false,
        user: req.user,
        data: { body: body as never },
      })
      changed.push(id)
    }
    if (owns) await commitTransaction(req)
  } catch (err) {
    if (owns) await killTransaction(req)
    throw err
  }
  return { changed, unchanged }
}
