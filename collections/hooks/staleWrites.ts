import { APIError, type CollectionBeforeChangeHook, type Field, type PayloadRequest } from 'payload'

import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'

/**
 * Optimistic concurrency for versioned collections: a write that carries
 * `If-Match: "<updatedAt of the version it was based on>"` is refused with 409 when someone saved
 * a newer version since, naming who and when, with the current `updatedAt` in the error's data.
 * Writes without the header (autosave, scripts, the Local API) are not checked.
 */
export const updatedByField: Field = {
  name: 'updatedBy',
  type: 'relationship',
  relationTo: 'users',
  label: 'Last changed by',
  admin: { position: 'sidebar', readOnly: true },
}

/** The version a client based its write on, from `If-Match` (quotes and a weak `W/` prefix allowed). */
export const basedOn = (req: PayloadRequest): string | undefined => {
  const header = req.headers?.get?.('if-match')?.trim()
  if (!header || header === '*') return undefined
  return header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1')
}

async function describeEditor(req: PayloadRequest, user: unknown): Promise<string> {
  const id = relationId(user)
  if (id === undefined) return 'someone else'
  const found = await req.payload
    .findByID({ collection: 'users', id, depth: 0, req, ...asSystem('derived'), disableErrors: true })
    .catch(() => null)
  if (!found) return 'someone else'
  return found.name ? `${found.name} (${found.email})` : found.email
}

/** Records who saved, and refuses a save based on a version that is no longer the latest. */
export const refuseStaleWrite: CollectionBeforeChangeHook = async ({ data, req, originalDoc, operation }) => {
  const expected = operation === 'update' ? basedOn(req) : undefined
  if (expected !== undefined && originalDoc && originalDoc.updatedAt !== expected) {
    const who = await describeEditor(req, originalDoc.updatedBy)
    throw new APIError(
      `This document was changed by ${who} at ${originalDoc.updatedAt}, after the version your change was based on ` +
        `(${expected}). Reload it, reapply your change and save again.`,
      409,
      { updatedAt: originalDoc.updatedAt, updatedBy: relationId(originalDoc.updatedBy) ?? null },
      true,
    )
  }
  if (req.user?.collection === 'users') data.updatedBy = req.user.id
  return data
}
