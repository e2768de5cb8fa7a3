import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { hasEditorRole } from '../../src/access'
import { relationId } from '../../src/lib/relations'
import { asSystem, asUser } from '../../src/lib/system'

const refuse = (message: string, status = 400): never => {
  throw new APIError(message, status, null, true)
}

const same = (a: unknown, b: unknown): boolean => a !== undefined && b !== undefined && String(a) === String(b)

/** The item as the commenter may read it (404 if they cannot), with its assignee. */
async function readableItem(req: PayloadRequest, id: unknown) {
  const key = relationId(id)
  if (key === undefined) return refuse('A comment needs the item it is about.')
  const item = await req.payload
    .findByID({ collection: 'items', id: key, depth: 0, draft: true, req, ...asUser(req.user), disableErrors: true })
    .catch(() => null)
  return item ?? refuse(`Item ${String(key)} was not found.`, 404)
}

/** A reply belongs to the thread's root comment, on the same item. */
async function threadRoot(req: PayloadRequest, parent: unknown, item: unknown) {
  const id = relationId(parent)
  if (id === undefined) return null
  const found = await req.payload
    .findByID({ collection: 'comments', id, depth: 0, req, ...asSystem('derived'), disableErrors: true })
    .catch(() => null)
  if (!found) return refuse(`Comment ${String(id)} (the one replied to) was not found.`, 404)
  if (!same(relationId(found.item), relationId(item))) refuse('A reply must be on the same item as its thread.')
  return relationId(found.parent) ?? found.id
}

async function checkCreate(req: PayloadRequest, data: Record<string, unknown>) {
  await readableItem(req, data.item)
  data.author = req.user?.id
  data.parent = await threadRoot(req, data.parent, data.item)
  data.resolved = false
  data.resolvedBy = null
  data.resolvedAt = null
}

/**
 * Who may change what in a comment: the body is the author's (or an editor's); resolving is for the
 * item's assignee or an editor, and records who resolved it and when; the item, thread and author
 * of a comment never change. Saves without a user (system) pass.
 */
async function checkUpdate(req: PayloadRequest, data: Record<string, unknown>, original: Record<string, unknown>) {
  for (const key of ['item', 'parent', 'author'] as const)
    if (key in data && !same(relationId(data[key]) ?? null, relationId(original[key]) ?? null))
      refuse(`A comment cannot move to another ${key === 'parent' ? 'thread' : key}.`)
  const me = req.user?.id
  const editor = hasEditorRole(req.user)
  if ('body' in data && data.body !== original.body && !editor && !same(relationId(original.author), me))
    refuse('Only the author or an editor edits a comment.', 403)
  const resolving = 'resolved' in data && Boolean(data.resolved) !== Boolean(original.resolved)
  if (!resolving) return
  const item = await readableItem(req, original.item)
  if (!editor && !same(relationId(item.assignee), me))
    refuse("Only the item's assignee or an editor resolves a comment.", 403)
  data.resolvedBy = data.resolved ? me : null
  data.resolvedAt = data.resolved ? new Date().toISOString() : null
}

export const commentRules: CollectionBeforeChangeHook = async ({ req, data, operation, originalDoc }) => {
  if (!req.user) return data
  if (operation === 'create') await checkCreate(req, data)
  else await checkUpdate(req, data, originalDoc ?? {})
  return data
}
