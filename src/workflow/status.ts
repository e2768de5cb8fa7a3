/** The workflow of an item, in order: who writes it and how far it is. */
export const ITEM_STATUSES = [
  { label: 'Unassigned', value: 'unassigned' },
  { label: 'Assigned', value: 'assigned' },
  { label: 'Drafting', value: 'drafting' },
  { label: 'In review', value: 'in_review' },
  { label: 'Approved', value: 'approved' },
] as const

export type ItemStatus = (typeof ITEM_STATUSES)[number]['value']

export const statusIndex = (status: unknown): number => ITEM_STATUSES.findIndex((s) => s.value === status)

export const statusLabel = (status: unknown): string =>
  ITEM_STATUSES.find((s) => s.value === status)?.label ?? String(status ?? 'Unassigned')

/** A user's choice of how workflow notifications reach them. */
export const NOTIFICATION_CHOICES = [
  { label: 'Immediately, one email each', value: 'immediate' },
  { label: 'Daily digest', value: 'daily' },
  { label: 'Off', value: 'off' },
] as const

export type NotificationChoice = (typeof NOTIFICATION_CHOICES)[number]['value']

/**
 * The statuses a user may set on an item now (its own status first): editors any; the item's assignee
 * or creator the next step up to "In review"; others none. What `checkTransition` (collections/hooks/itemAssignment.ts) enforces.
 */
export function statusChoices(from: unknown, who: { editor: boolean; own: boolean }): ItemStatus[] {
  const at = Math.max(statusIndex(from), 0)
  const all = ITEM_STATUSES.map((s) => s.value)
  if (who.editor) return all
  const next = all[at + 1]
  return who.own && next && next !== 'approved' ? [all[at], next] : [all[at]]
}
