import { cleanName, looksLikeEmail, normaliseEmail } from '../../../collections/Subscribers'
import type { ImportedSubscriber } from './types'

/** A subscriber row of an export: the address normalised, a malformed one reported instead. */
export function toSubscriber(
  email: unknown,
  name: unknown,
  status: ImportedSubscriber['status'],
  warnings: string[],
): ImportedSubscriber | undefined {
  const address = typeof email === 'string' ? normaliseEmail(email) : ''
  if (!looksLikeEmail(address)) {
    warnings.push(`left out a subscriber without a valid email address (${JSON.stringify(email ?? '')})`)
    return undefined
  }
  const clean = typeof name === 'string' ? cleanName(name) : ''
  return { email: address, ...(clean ? { name: clean } : {}), status }
}
