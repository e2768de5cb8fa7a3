import type { CollectionBeforeChangeHook } from 'payload'

import { ensurePublication } from '../../src/publications/upgrade'

export const defaultUrlPrefix = (kind: string): string =>
  kind === 'special' ? '/special' : kind === 'translations' ? '/translations' : '/issues'

/** An issue saved without a publication belongs to the weekly report, a special issue to the special issues (created when missing). */
export const assignPublication: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const current = data.publication === undefined ? originalDoc?.publication : data.publication
  if (current === null || current === undefined || current === '') {
    const kind = (data.kind ?? originalDoc?.kind) === 'special' ? 'special' : 'weekly'
    data.publication = await ensurePublication(req.payload, kind, req)
  }
  return data
}
