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
 * Why `who` may not move an item from `from` to `to` (with the HTTP status), or null when they may:
 * one step forward at a time, up to "In review", for the item's assignee or creator; editors approve,
 * step back and jump ahead. The one rule behind the save hook and the composer's status choices.
 */
export function transitionRefusal(
  from: unknown,
  to: unknown,
  who: { editor: boolean; own: boolean },
): { message: string; status: number } | null {
  if (from === to || who.editor) return null
  const [a, b] = [statusIndex(from), statusIndex(to)]
  const label = (v: unknown) => statusLabel(v)
  if (b < a) return { message: `Only editors move an item back from ${label(from)} to ${label(to)}.`, status: 403 }
  if (to === 'approved') return { message: 'Only editors approve an item.', status: 403 }
  if (!who.own) return { message: 'Only the assignee or an editor changes the status of this item.', status: 403 }
  if (b !== a + 1)
    return {
      message:
        `An item moves one step at a time: from ${label(from)} to ${label(to)} skips a step ` +
        `(next: ${ITEM_STATUSES[a + 1]?.label}).`,
      status: 400,
    }
  return null
}

/** The statuses a user may set on an item now (its own status first): those `transitionRefusal` allows. */
export function statusChoices(from: unknown, who: { editor: boolean; own: boolean }): ItemStatus[] {
  const current = ITEM_STATUSES[Math.max(statusIndex(from), 0)].value
  const others = ITEM_STATUSES.map((s) => s.value).filter((s) => s !== current)
  return [current, ...others.filter((to) => transitionRefusal(current, to, who) === null)]
}
