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
