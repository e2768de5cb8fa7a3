import fs from 'node:fs'
import path from 'node:path'

/** Environment, read once. Every variable is documented in .env.example. */
export const isProduction = process.env.NODE_ENV === 'production'

export const databaseUri = (): string => process.env.DATABASE_URI || `file:${path.resolve('data', 'briefing.db')}`
export const isMongo = (uri = databaseUri()): boolean => /^mongodb(\+srv)?:\/\//.test(uri)

export const payloadSecret = (): string => {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  // `next build` evaluates the config without serving anything: no secret is needed then.
  if (isProduction && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('PAYLOAD_SECRET is required in production: set it to a long random string (see .env.example).')
  }
  return 'briefing-development-secret-not-for-production'
}

/** GRAPHQL=off removes the GraphQL API and its playground (the admin and the site use REST only). */
export const graphqlEnabled = (): boolean => process.env.GRAPHQL !== 'off'

/**
 * Express's `trust proxy`: which X-Forwarded-* headers to believe for the client address (rate
 * limits) and protocol. Unset or `false`: none (the server faces clients directly). A number:
 * that many proxies in front. `true`: any. Anything else: addresses or subnets, comma-separated,
 * or `loopback`, `linklocal`, `uniquelocal`.
 */
export const trustProxy = (): boolean | number | string => {
  const value = (process.env.TRUST_PROXY ?? '').trim()
  if (value === '' || value === 'false' || value === '0') return false
  if (value === 'true') return true
  if (/^\d+$/.test(value)) return Number(value)
  return value
}

export const port = (): number => Number(process.env.PORT ?? 3000)
export const publicUrl = (): string => (process.env.PUBLIC_URL ?? `http://localhost:${port()}`).replace(/\/$/, '')

/** For a `file:` database, make sure its folder exists (a fresh clone has no data/ folder). */
export const ensureDatabaseFolder = (uri: string): void => {
  if (!uri.startsWith('file:')) return
  const file = uri.slice('file:'.length).split('?')[0]
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

/**
 * How long a newsletter send keeps trying to reach an SMTP server that refuses or drops connection
 * attempts before the campaign pauses (NEWSLETTER_CONNECT_RETRY_SECONDS, default 5 minutes).
 */
export const newsletterConnectRetrySeconds = (): number => {
  const raw = process.env.NEWSLETTER_CONNECT_RETRY_SECONDS?.trim()
  const value = Number(raw)
  return raw && Number.isFinite(value) && value >= 0 ? value : 300
}
