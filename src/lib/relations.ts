/** The id of a relationship value, whether populated (`{ id, … }`) or not (`3`, `'abc'`). */
export const relationId = (value: unknown): number | string | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return (value as { id?: number | string }).id
  return value as number | string
}

/** An id from its string form: digits become the number SQLite uses, anything else (MongoDB) stays. */
export const idFromKey = (key: string): number | string => (/^\d{1,15}$/.test(key) ? Number(key) : key)
