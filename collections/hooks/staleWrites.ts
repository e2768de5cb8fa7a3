import {
  APIError,
  type AfterErrorHook,
  type CollectionBeforeChangeHook,
  type Field,
  type PayloadRequest,
} from 'payload'

import { relationId } from '../../src/lib/relations'
import { asSystem } from '../../src/lib/system'

/**
 * Optimistic concurrency for versioned collections: a write based on a version that is no longer the
 * latest is refused with 409, naming who changed it and when, linking to the version compare, with the
 * current `updatedAt` in the error's data and (answerStaleWrite) at the top of the answer. The base is
 * `If-Match: "<updatedAt>"`, or else, over REST, the `updatedAt` in the body: the admin form sends the
 * one it loaded with every save and takes the new one from each answer, so autosave advances it.
 * Writes carrying neither (scripts, the Local API) are not checked.
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

/** The version a REST write was based on: `If-Match`, or the `updatedAt` its body carries (the admin form's). */
const baseOfWrite = (req: PayloadRequest, data: Record<string, unknown>): string | undefined =>
  basedOn(req) ?? (req.payloadAPI === 'REST' && typeof data.updatedAt === 'string' ? data.updatedAt : undefined)

/** Records who saved, and refuses a save based on a version that is no longer the latest. */
export const refuseStaleWrite: CollectionBeforeChangeHook = async ({
  collection,
  data,
  req,
  originalDoc,
  operation,
}) => {
  const expected = operation === 'update' ? baseOfWrite(req, data) : undefined
  if (expected !== undefined && originalDoc && originalDoc.updatedAt !== expected) {
    const who = await describeEditor(req, originalDoc.updatedBy)
    const versions = `${req.payload.config.routes.admin}/collections/${collection.slug}/${originalDoc.id}/versions`
    throw new APIError(
      // One colon and no ", ": the admin's toast shows the text before the first colon as its title and
      // splits the rest into a list at each ", ".
      `Not saved: this document was changed by ${who} at ${originalDoc.updatedAt} after the version your change ` +
        `was based on (${expected}). Compare the versions (${versions}) then reload and reapply your change.`,
      409,
      { updatedAt: originalDoc.updatedAt, updatedBy: relationId(originalDoc.updatedBy) ?? null },
      true,
    )
  }
  if (req.user?.collection === 'users') data.updatedBy = req.user.id
  return data
}

/** A stale-write refusal answers `{ errors: [...], updatedAt: <current> }` (config-level afterError). */
export const answerStaleWrite: AfterErrorHook = ({ error, result }) => {
  const data = (error as APIError).data as { updatedAt?: unknown } | null | undefined
  if ((error as APIError).status !== 409 || typeof data?.updatedAt !== 'string' || !result) return
  return { response: { ...result, updatedAt: data.updatedAt }, status: 409 }
}
