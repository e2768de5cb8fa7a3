import crypto from 'node:crypto'

import { APIError, ValidationError, type CollectionConfig, type PayloadRequest } from 'payload'

import { createRateLimiter } from '../lib/rateLimit'
import { clientIpOf } from './clientIp'
import { passwordProblem } from './passwords'

/**
 * Failed sign-ins allowed per 15-minute window before 429: per account from one address, per
 * address over all accounts, and per account over all addresses (a distributed guess). Payload's
 * own lockout is off (Users.ts): these windows replace it, so an attacker who guesses from
 * elsewhere cannot lock an account's owner out.
 */
export const LOGIN_LIMITS = { windowMs: 15 * 60 * 1000, perAccountAndIp: 5, perIp: 20, perAccount: 50 }

const limiters = {
  pair: createRateLimiter(LOGIN_LIMITS.perAccountAndIp, LOGIN_LIMITS.windowMs),
  ip: createRateLimiter(LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowMs),
  account: createRateLimiter(LOGIN_LIMITS.perAccount, LOGIN_LIMITS.windowMs),
}

type Keys = { pair: string; ip: string; account: string }
const keysOf = (req: PayloadRequest, email: unknown): Keys => {
  const account = typeof email === 'string' ? email.toLowerCase().trim() : ''
  const ip = clientIpOf(req)
  return { pair: `${account} ${ip}`, ip, account }
}
const isHttp = (req: PayloadRequest) => req.payloadAPI !== 'local'

/**
 * What Payload 3.90 does to check a password (PBKDF2-SHA256, 600,000 iterations, 32 bytes): run
 * for unknown accounts too, so that the answer takes as long as for a wrong password.
 */
const DUMMY_SALT = crypto.randomBytes(32).toString('hex')
const hashLikePayload = (password: string) =>
  new Promise<void>((resolve) => crypto.pbkdf2(password, DUMMY_SALT, 600_000, 32, 'sha256', () => resolve()))

const tooMany = (seconds: number) =>
  new APIError(
    `Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    429,
    { retryAfterSeconds: seconds },
    true,
  )

async function guardLogin(req: PayloadRequest, data: { email?: unknown; password?: unknown }): Promise<void> {
  const keys = keysOf(req, data.email)
  for (const name of ['pair', 'ip', 'account'] as const)
    if (limiters[name].exhausted(keys[name])) throw tooMany(limiters[name].retryAfterSeconds(keys[name]))
  // Counted as a failure now; a successful sign-in takes it back (afterLogin).
  for (const name of ['pair', 'ip', 'account'] as const) limiters[name].take(keys[name])
  const known = keys.account
    ? await req.payload.db.findOne({ collection: 'users', req, where: { email: { equals: keys.account } } })
    : null
  if (!known) await hashLikePayload(typeof data.password === 'string' ? data.password : '')
}

const refusePassword = (password: unknown): void => {
  const problem = passwordProblem(password)
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }] })
}

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Rate limits and equal work on login; the password rule on reset (create/update: beforeValidate). */
export const loginGuard: NonNullable<Hooks['beforeOperation']>[number] = async ({ args, operation, req }) => {
  if (operation === 'login' && isHttp(req)) await guardLogin(req, args.data ?? {})
  if (operation === 'resetPassword') refusePassword(args.data?.password)
  return args
}

export const forgiveSuccessfulLogin: NonNullable<Hooks['afterLogin']>[number] = ({ req, user }) => {
  if (!isHttp(req)) return
  const keys = keysOf(req, (user as { email?: string }).email)
  for (const name of ['pair', 'ip', 'account'] as const) limiters[name].forgive(keys[name])
}

/** Every password that is set (first user, create, self-service change) follows the one rule. */
export const checkNewPassword: NonNullable<Hooks['beforeValidate']>[number] = ({ data }) => {
  if (data && 'password' in data && data.password !== undefined) refusePassword(data.password)
  return data
}
