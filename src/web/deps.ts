import type { IssueView, ItemView } from '../content/viewModel'

/** Dependency keys of what a page shows (see cache.ts for the key scheme). */
export const doc = (collection: string, id: unknown) => `doc:${collection}:${String(id)}`
export const list = (collection: string, id?: unknown) =>
  id === undefined ? `list:${collection}` : `list:${collection}:${String(id)}`
export const nav = (issueId: unknown) => `nav:issues:${String(issueId)}`
export const SETTINGS = 'globals:settings'
/** Change-feed keys for live preview: one issue's preview version, or every preview (references, settings). */
export const preview = (issueId: unknown) => `preview:issues:${String(issueId)}`
export const PREVIEW_ALL = 'preview:all'

/** The collections public pages are built from: their changes invalidate pages (plugin.ts, src/changes/feed.ts). */
export const PAGE_COLLECTIONS = ['issues', 'items', 'sections', 'sources', 'glossary-terms', 'media'] as const
/** Those shown only as references inside issue and item pages. */
export const REFERENCE_COLLECTIONS = PAGE_COLLECTIONS.filter((slug) => slug !== 'issues' && slug !== 'items')

export function itemDeps(item: ItemView, out: Set<string> = new Set()): Set<string> {
  out.add(doc('items', item.id))
  out.add(doc('issues', item.issue.id))
  out.add(doc('sections', item.section.id))
  for (const s of item.sources) out.add(doc('sources', s.id))
  for (const t of item.terms) out.add(doc('glossary-terms', t.id))
  for (const r of item.related) out.add(doc('items', r.id))
  if (item.reusedFrom) out.add(doc('items', item.reusedFrom.id))
  return out
}

export function issueDeps(view: IssueView, out: Set<string> = new Set()): Set<string> {
  out.add(doc('issues', view.id))
  out.add(list('issues', view.id))
  out.add(nav(view.id))
  if (view.prev) out.add(doc('issues', view.prev.id))
  if (view.next) out.add(doc('issues', view.next.id))
  if (view.cover) out.add(doc('media', view.cover.id))
  for (const s of view.sections) {
    out.add(doc('sections', s.id))
    for (const i of s.items) itemDeps(i, out)
  }
  for (const t of view.terms) out.add(doc('glossary-terms', t.id))
  for (const h of view.highlights)
    for (const b of h.blocks)
      for (const i of b.type === 'list' ? b.items.flat() : b.inlines)
        if (i.term) out.add(doc('glossary-terms', i.term.id))
  out.add(SETTINGS)
  return out
}
