import { COMMON_PASSWORDS } from './commonPasswords'

export const MIN_PASSWORD_LENGTH = 10

/** The one password rule (first user, REST, self-service change, reset, CLI): a message, or null if fine. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is too common: choose another one.'
  return null
}
