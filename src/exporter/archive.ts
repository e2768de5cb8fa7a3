import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload } from 'payload'
import { asSystem } from '../lib/system'

/**
 * Collections that belong to Payload itself (preferences, migrations, locks, jobs) or are the
 * instances' bookkeeping (change feed, rate-limit counters), not content.
 */
export const isInternalCollection = (slug: string): boolean =>
  slug.startsWith('payload-') || slug === 'change-feed' || slug === 'rate-limits'

export type ArchiveManifest = {
  format: 'briefing-archive'
  version: 1
  exportedAt: string
  collections: Record<string, number>
  drafts: Record<string, number>
  globals: string[]
  files: number
}

type Doc = Record<string, unknown> & { id: number | string; updatedAt?: string }

/**
 * Documents in creation order (a restore keeps createdAt and creates them in this order), not by id:
 * ids are opaque (UUIDs sort randomly) and a restore gives new ones.
 */
const ARCHIVE_ORDER = ['createdAt', 'id']

const jsonl = (docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n') + (docs.length ? '\n' : '')

/**
 * Write every content collection as `<slug>.jsonl` (the stored documents, hidden fields such as
 * password hashes included), `<slug>.drafts.jsonl` (drafts newer than the stored document), the
 * globals, and the media files under `files/<collection>/`, plus `manifest.json`.
 */
export async function exportArchive(payload: Payload, dir: string): Promise<ArchiveManifest> {
  fs.mkdirSync(dir, { recursive: true })
  const manifest: ArchiveManifest = {
    format: 'briefing-archive',
    version: 1,
    exportedAt: new Date().toISOString(),
    collections: {},
    drafts: {},
    globals: [],
    files: 0,
  }
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    if (isInternalCollection(slug)) continue
    const main = await payload.find({
      collection: slug,
      pagination: false,
      depth: 0,
      sort: ARCHIVE_ORDER,
      ...asSystem('operator'),
      showHiddenFields: true,
    })
    const docs = main.docs as unknown as Doc[]
    fs.writeFileSync(path.join(dir, `${slug}.jsonl`), jsonl(docs))
    manifest.collections[slug] = docs.length
    if (collection.versions?.drafts) {
      const latest = await payload.find({
        collection: slug,
        pagination: false,
        depth: 0,
        sort: ARCHIVE_ORDER,
        draft: true,
        ...asSystem('operator'),
      })
      const byId = new Map(docs.map((d) => [String(d.id), d]))
      const newer = (latest.docs as unknown as Doc[]).filter((d) => byId.get(String(d.id))?.updatedAt !== d.updatedAt)
      fs.writeFileSync(path.join(dir, `${slug}.drafts.jsonl`), jsonl(newer))
      manifest.drafts[slug] = newer.length
    }
    if (collection.upload) {
      const staticDir = path.resolve(
        typeof collection.upload === 'object' && collection.upload.staticDir ? collection.upload.staticDir : slug,
      )
      const target = path.join(dir, 'files', slug)
      fs.mkdirSync(target, { recursive: true })
      for (const doc of docs) {
        const names = [
          doc.filename,
          ...Object.values((doc.sizes ?? {}) as Record<string, { filename?: string }>).map((s) => s?.filename),
        ]
        for (const name of names) {
          if (typeof name !== 'string' || !fs.existsSync(path.join(staticDir, name))) continue
          fs.copyFileSync(path.join(staticDir, name), path.join(target, name))
          manifest.files++
        }
      }
    }
  }
  const globals: Record<string, unknown> = {}
  for (const global of payload.config.globals) {
    globals[global.slug] = await payload.findGlobal({
      slug: global.slug as never,
      depth: 0,
      ...asSystem('operator'),
      showHiddenFields: true,
    })
    manifest.globals.push(global.slug)
  }
  fs.writeFileSync(path.join(dir, 'globals.json'), JSON.stringify(globals, null, 2) + '\n')
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
  return manifest
}
