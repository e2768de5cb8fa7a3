import { APIError, type CollectionBeforeValidateHook, type GlobalBeforeValidateHook } from 'payload'

/** The path (`highlights.0.text`) of the first string value containing a NUL character, if any. */
export function findNulByte(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(value)' : undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNulByte(value[i], [...path, String(i)])
      if (found) return found
    }
    return undefined
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, child] of Object.entries(value)) {
      const found = findNulByte(child, [...path, key])
      if (found) return found
    }
  }
  return undefined
}

/**
 * SQLite (and C strings in general) cut text at a NUL byte: "abc\u0000def" would be stored as
 * "abc". Refuse such input with 400 before anything is validated or written, for every collection
 * and global, over REST, GraphQL and the Local API alike.
 */
const refuseNul = (data: unknown): void => {
  const path = findNulByte(data)
  if (path)
    throw new APIError(
      `${path}: text must not contain NUL characters (\\u0000).`,
      400,
      { errors: [{ path, message: 'Text must not contain NUL characters (\\u0000).' }] },
      true,
    )
}

export const refuseNulInCollection: CollectionBeforeValidateHook = ({ data }) => {
  refuseNul(data)
  return data
}

export const refuseNulInGlobal: GlobalBeforeValidateHook = ({ data }) => {
  refuseNul(data)
  return data
}
