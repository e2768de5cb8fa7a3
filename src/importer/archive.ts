import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload, SanitizedCollectionConfig } from 'payload'

import { isInternalCollection, type ArchiveManifest } from '../exporter/archive'
import { relationTargets, remapRelations, type IdMap } from '../exporter/relations'
import { inTransaction, type TxReq } from './writer/transaction'
import { asSystem } from '../lib/system'

type Id = number | string
type Doc = Record<string, unknown> & { id: Id }

/** Fields the database fills itself, or that uploads and auth recompute. */
const GENERATED = [
  'id',
  'updatedAt',
  'url',
  'thumbnailURL',
  'sizes',
  'filesize',
  'width',
  'height',
  'mimeType',
  'sessions',
]
const AUTH_SECRETS = [
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
  '_verificationToken',
]

const readJsonl = (file: string): Doc[] =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Doc)
    : []

/** Collections in an order where what a document points at is mostly created first (cycles are fixed in a second pass). */
function restoreOrder(collections: SanitizedCollectionConfig[]): SanitizedCollectionConfig[] {
  const pending = [...collections]
  const done = new Set<string>()
  const order: SanitizedCollectionConfig[] = []
  while (pending.length) {
    const waitsFor = (targets: Set<string>, c: SanitizedCollectionConfig) =>
      [...targets].some((t) => t !== c.slug && !done.has(t) && pending.some((p) => p.slug === t))
    let index = pending.findIndex((c) => !waitsFor(relationTargets(c.fields), c))
    if (index < 0)
      index = Math.max(
        0,
        pending.findIndex((c) => !waitsFor(relationTargets(c.fields, true), c)),
      )
    const [next] = pending.splice(index, 1)
    order.push(next)
    done.add(next.slug)
  }
  return order
}

/**
 * What a fresh database has after its first start (the weekly publication, the first newsletter,
 * made by the start-up upgrades), newest dependant first: an "empty" database may hold one of each.
 */
const BOOTSTRAP = ['newsletters', 'publications']

export type RestoreSummary = { collections: Record<string, number>; drafts: number; files: number; rebuilt: string[] }

/**
 * Restore an archive written by `export --all` into an EMPTY database, in one transaction. Ids
 * may change (MongoDB makes new ones): every relation is rewritten through old id → new id.
 */
export async function restoreArchive(
  payload: Payload,
  dir: string,
  progress: (slug: string, done: number, total: number) => void = () => {},
): Promise<RestoreSummary> {
  readManifest(dir)
  const collections = payload.config.collections.filter((c) => !isInternalCollection(c.slug))
  await refuseNonEmpty(payload, collections)

  return inTransaction(payload, async (req) => {
    // The rows a fresh database makes at its first start give way to the archive's own.
    for (const slug of BOOTSTRAP) await payload.db.deleteMany({ collection: slug as CollectionSlug, where: {}, req })
    const registry = idRegistry()
    const run: RestoreRun = {
      payload,
      req,
      dir,
      map: registry.map,
      order: restoreOrder(collections),
      summary: { collections: {}, drafts: 0, files: 0, rebuilt: [] },
    }
    const second = await createAll(run, registry, progress)
    // Second pass: relations to documents created later (items ↔ issues, related items).
    for (const { config, id, doc } of second) {
      const data = remapRelations(config.fields, strip(doc, config), run.map)
      delete data._status
      await payload.update({
        collection: config.slug as CollectionSlug,
        id,
        data,
        req,
        ...asSystem('import'),
        depth: 0,
        context: { briefingRestore: true },
      })
    }
    await restoreDraftStatus(run)
    await restoreNewerDrafts(run)
    await restoreGlobals(run)
    return run.summary
  })
}

/** What the passes of one restore share. */
type RestoreRun = {
  payload: Payload
  req: TxReq
  dir: string
  map: IdMap
  order: SanitizedCollectionConfig[]
  summary: RestoreSummary
}
type Deferred = { config: SanitizedCollectionConfig; id: Id; doc: Doc }

function readManifest(dir: string): ArchiveManifest {
  const manifestFile = path.join(dir, 'manifest.json')
  if (!fs.existsSync(manifestFile)) throw new Error(`${dir} is not a Briefing archive (no manifest.json)`)
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as ArchiveManifest
  if (manifest.format !== 'briefing-archive') throw new Error(`${manifestFile} is not a Briefing archive manifest`)
  return manifest
}

/** An archive is restored into an empty database only (one start-up row of each BOOTSTRAP collection allowed). */
async function refuseNonEmpty(payload: Payload, collections: SanitizedCollectionConfig[]): Promise<void> {
  const nonEmpty: string[] = []
  for (const c of collections) {
    const { totalDocs } = await payload.count({ collection: c.slug as CollectionSlug, ...asSystem('import') })
    if (totalDocs > (BOOTSTRAP.includes(c.slug) ? 1 : 0)) nonEmpty.push(`${totalDocs} ${c.slug}`)
  }
  if (nonEmpty.length)
    throw new Error(
      `the database is not empty (${nonEmpty.join(', ')}): an archive is restored into an empty database only`,
    )
}

/** Old id → new id per collection; `missed` says whether a mapping since the last reset found nothing. */
function idRegistry() {
  const ids = new Map<string, Map<string, Id>>()
  let missed = false
  const map: IdMap = (relationTo, id) => {
    const found = ids.get(relationTo)?.get(String(id))
    if (found === undefined) missed = true
    return found
  }
  return {
    ids,
    map,
    resetMissed: () => {
      missed = false
    },
    missed: () => missed,
  }
}

/** First pass: every document, in dependency order; those pointing at one not created yet are returned. */
async function createAll(
  run: RestoreRun,
  registry: ReturnType<typeof idRegistry>,
  progress: (slug: string, done: number, total: number) => void,
): Promise<Deferred[]> {
  const { payload, req, dir, summary } = run
  const second: Deferred[] = []
  for (const config of run.order) {
    const slug = config.slug as CollectionSlug
    const docs = readJsonl(path.join(dir, `${slug}.jsonl`))
    const { totalDocs } = await payload.count({ collection: slug, req, ...asSystem('import') })
    if (totalDocs > 0) {
      summary.rebuilt.push(slug) // filled by the hooks of collections restored before it
      continue
    }
    const local = new Map<string, Id>()
    registry.ids.set(slug, local)
    for (const [n, doc] of docs.entries()) {
      registry.resetMissed()
      const newId = await restoreDoc(payload, req, config, doc, run.map, dir)
      local.set(String(doc.id), newId)
      if (registry.missed()) second.push({ config, id: newId, doc })
      if (config.upload) summary.files++
      progress(slug, n + 1, docs.length)
    }
    summary.collections[slug] = docs.length
  }
  return second
}

/** Saving a published issue publishes its draft items (issue hook): put back what was a draft. */
async function restoreDraftStatus({ payload, req, dir, map, order }: RestoreRun): Promise<void> {
  for (const config of order.filter((c) => c.versions?.drafts)) {
    for (const doc of readJsonl(path.join(dir, `${config.slug}.jsonl`)).filter((d) => d._status === 'draft')) {
      const id = map(config.slug, doc.id)
      if (id === undefined) continue
      const now = await payload.findByID({
        collection: config.slug as CollectionSlug,
        id,
        depth: 0,
        req,
        ...asSystem('import'),
      })
      if ((now as { _status?: string })._status !== 'draft') {
        await payload.update({
          collection: config.slug as CollectionSlug,
          id,
          data: { _status: 'draft' } as never,
          req,
          ...asSystem('import'),
          depth: 0,
        })
      }
    }
  }
}

/** Drafts newer than the stored documents become the latest versions again. */
async function restoreNewerDrafts({ payload, req, dir, map, order, summary }: RestoreRun): Promise<void> {
  for (const config of order) {
    for (const draft of readJsonl(path.join(dir, `${config.slug}.drafts.jsonl`))) {
      const id = map(config.slug, draft.id)
      if (id === undefined) continue
      const data = remapRelations(config.fields, strip(draft, config), map)
      await payload.update({
        collection: config.slug as CollectionSlug,
        id,
        data,
        draft: true,
        req,
        ...asSystem('import'),
        depth: 0,
        context: { briefingRestore: true },
      })
      summary.drafts++
    }
  }
}

async function restoreGlobals({ payload, req, dir, map }: RestoreRun): Promise<void> {
  const globalsFile = path.join(dir, 'globals.json')
  const globals = fs.existsSync(globalsFile)
    ? (JSON.parse(fs.readFileSync(globalsFile, 'utf8')) as Record<string, Doc>)
    : {}
  for (const global of payload.config.globals) {
    const data = globals[global.slug]
    if (!data) continue
    const { id: _id, updatedAt: _u, createdAt: _c, globalType: _g, ...rest } = data
    await payload.updateGlobal({
      slug: global.slug as never,
      data: remapRelations(global.fields, rest, map) as never,
      req,
      ...asSystem('import'),
    })
  }
}

function strip(doc: Doc, config: SanitizedCollectionConfig): Record<string, unknown> {
  const data: Record<string, unknown> = { ...doc }
  for (const key of GENERATED) delete data[key]
  if (config.auth) for (const key of AUTH_SECRETS) delete data[key]
  if (config.upload) delete data.filename
  return data
}

async function restoreDoc(
  payload: Payload,
  req: TxReq,
  config: SanitizedCollectionConfig,
  doc: Doc,
  map: IdMap,
  dir: string,
): Promise<Id> {
  const slug = config.slug as CollectionSlug
  const data = remapRelations(config.fields, strip(doc, config), map)
  const common = { collection: slug, req, ...asSystem('import'), depth: 0, context: { briefingRestore: true } } as const
  if (config.auth) {
    const created = await payload.create({
      ...common,
      data: { ...data, password: crypto.randomBytes(24).toString('hex') } as never,
      disableVerificationEmail: true,
    })
    // The stored hash and salt keep every password working; the role is set as it was (the
    // first account created is otherwise made admin by the users hook).
    const secrets = Object.fromEntries(
      AUTH_SECRETS.filter((k) => doc[k] !== undefined && doc[k] !== null).map((k) => [k, doc[k]]),
    )
    await payload.db.updateOne({
      collection: slug,
      id: created.id,
      data: { ...secrets, ...(doc.role ? { role: doc.role } : {}) },
      req,
    })
    return created.id
  }
  if (config.upload && typeof doc.filename === 'string') {
    const filePath = path.join(dir, 'files', slug, doc.filename)
    if (!fs.existsSync(filePath))
      throw new Error(`the archive misses the file ${path.relative(dir, filePath)} of ${slug} ${doc.id}`)
    const created = await payload.create({ ...common, data: data as never, filePath })
    return created.id
  }
  const draft = doc._status !== undefined && doc._status !== 'published'
  const created = await payload.create({ ...common, data: data as never, draft })
  return created.id
}
