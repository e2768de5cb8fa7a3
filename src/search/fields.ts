/** Small readers of stored field values shared by the search documents (documents.ts, kinds.ts). */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** A date field in ms (0 when unknown). */
export const time = (value: unknown): number => {
  const ms = typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : NaN
  return Number.isFinite(ms) ? ms : 0
}

/** The non-empty strings among `parts`, one a line. */
export const join = (...parts: unknown[]): string => parts.map(str).filter(Boolean).join('\n')

/** Where a result leads when it is not public: the admin edit view. */
export const adminUrl = (collection: string, id: string) => `/admin/collections/${collection}/${id}`
