import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

export type Role = 'admin' | 'editor' | 'contributor'

type MaybeUser = PayloadRequest['user']

export const roleOf = (user: MaybeUser): Role | undefined => {
  if (!user || user.collection !== 'users') return undefined
  return (user as { role?: Role }).role
}

export const hasAdminRole = (user: MaybeUser): boolean => roleOf(user) === 'admin'
export const hasEditorRole = (user: MaybeUser): boolean => {
  const role = roleOf(user)
  return role === 'admin' || role === 'editor'
}
export const hasStaffRole = (user: MaybeUser): boolean => roleOf(user) !== undefined

/** Admins only: users and settings. */
export const isAdmin: Access = ({ req }) => hasAdminRole(req.user)
export const isAdminField: FieldAccess = ({ req }) => hasAdminRole(req.user)

/** Editors and admins: publishing, sections, sources, glossary, subscribers. */
export const isEditor: Access = ({ req }) => hasEditorRole(req.user)

/** Any signed-in staff member (admin, editor, contributor). */
export const isStaff: Access = ({ req }) => hasStaffRole(req.user)

/** Anyone, signed in or not (reference data such as sections and sources). */
export const anyone: Access = () => true

const publishedOnly: Where = { _status: { equals: 'published' } }

/** Staff see drafts; everyone else sees published documents only. */
export const publishedOrStaff: Access = ({ req }) => (hasStaffRole(req.user) ? true : publishedOnly)

/** Staff see everything; everyone else only what is marked public (sections and terms in use or approved). */
export const publicOrStaff: Access = ({ req }) => (hasStaffRole(req.user) ? true : { public: { equals: true } })

/** Staff see drafts; everyone else published items of published issues (what the web pages show). */
export const publishedItemOrStaff: Access = ({ req }) =>
  hasStaffRole(req.user) ? true : { and: [publishedOnly, { 'issue._status': { equals: 'published' } }] }

export const isEditorField: FieldAccess = ({ req }) => hasEditorRole(req.user)

/** Editors may do anything; a contributor only what they created, and never publish. */
export const editorOrOwnDraft: Access = ({ req, data }) => {
  if (hasEditorRole(req.user)) return true
  if (!hasStaffRole(req.user) || !req.user) return false
  if ((data as { _status?: string } | undefined)?._status === 'published') return false
  return { createdBy: { equals: req.user.id } }
}

/** As editorOrOwnDraft, and a contributor may also save the items assigned to them (workflow). */
export const editorOwnOrAssignedDraft: Access = (args) => {
  const own = editorOrOwnDraft(args) as boolean | Where
  if (typeof own !== 'object' || !args.req.user) return own
  return { or: [own, { assignee: { equals: args.req.user.id } }] }
}

/** Editors may delete anything; a contributor only what they created and nobody has published. */
export const editorOrOwnUnpublished: Access = ({ req }): boolean | Where => {
  if (hasEditorRole(req.user)) return true
  if (!hasStaffRole(req.user) || !req.user) return false
  return { and: [{ createdBy: { equals: req.user.id } }, { _status: { not_equals: 'published' } }] }
}

/** Staff may create, but only editors may create something already published. */
export const staffCreateDraft: Access = ({ req, data }) => {
  if (hasEditorRole(req.user)) return true
  if (!hasStaffRole(req.user)) return false
  return (data as { _status?: string } | undefined)?._status !== 'published'
}

/** Review comments: editors change any; others their own, or (to resolve) those on items assigned to them. */
export const editorAuthorOrAssignee: Access = ({ req }) => {
  if (hasEditorRole(req.user)) return true
  if (!hasStaffRole(req.user) || !req.user) return false
  const mine: Where[] = [{ author: { equals: req.user.id } }, { 'item.assignee': { equals: req.user.id } }]
  return { or: mine }
}

/** Review comments: editors delete any, others only their own. */
export const editorOrAuthor: Access = ({ req }) => {
  if (hasEditorRole(req.user)) return true
  if (!hasStaffRole(req.user) || !req.user) return false
  return { author: { equals: req.user.id } }
}

/** A user may read and update their own account; admins may do so for all. */
export const adminOrSelf: Access = ({ req }) => {
  if (hasAdminRole(req.user)) return true
  if (!req.user) return false
  return { id: { equals: req.user.id } }
}

/** Reference data (sources): everyone reads, editors write. */
export const referenceDataAccess = { read: anyone, create: isEditor, update: isEditor, delete: isEditor }
