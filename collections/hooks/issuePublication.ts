import type { CollectionBeforeChangeHook } from 'payload'

import { ensureWeeklyPublication } from '../../src/publications/upgrade'

export const defaultUrlPrefix = (kind: string): string =>
  kind === 'special' ? '/special' : kind === 'translations' ? '/translations' : '/issues'

/** An issue saved without a publication belongs to the weekly report (created when missing). */
export const assignPublication: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const current = data.publication === undefined ? originalDoc?.publication : data.publication
  if (current === null || current === undefined || current === '') {
    data.publication = await ensureWeeklyPublication(req.payload, req)
  }
  return data
}
