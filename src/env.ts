import fs from 'node:fs'
import path from 'node:path'

/** Environment, read once. Every variable is documented in .env.example. */
export const isProduction = process.env.NODE_ENV === 'production'

export const databaseUri = (): string => process.env.DATABASE_URI || `file:${path.resolve('data', 'briefing.db')}`

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongo'

/** Which adapter a DATABASE_URI selects: `file:` SQLite, `postgres(ql)://` PostgreSQL, `mongodb(+srv)://` MongoDB. */
export function databaseKind(uri = databaseUri()): DatabaseKind {
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongo'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (uri.startsWith('file:') || uri === ':memory:') return 'sqlite'
  throw new Error(
    `DATABASE_URI "${uri.replace(/\/\/[^@/]*@/, '//…@')}" is not supported: use file:… (SQLite), postgres://… or mongodb://…`,
  )
}
export const isMongo = (uri = databaseUri()): boolean => databaseKind(uri) === 'mongo'

/** DATABASE_ID_TYPE: `uuid` gives SQLite and Postgres documents string UUID ids (MongoDB always has ObjectIds). */
export function databaseIdType(): 'number' | 'uuid' {
  const value = (process.env.DATABASE_ID_TYPE ?? '').trim().toLowerCase()
  if (value === '' || value === 'number' || value === 'serial') return 'number'
  if (value === 'uuid') {
    // The shipped migrations (src/migrations, src/migrations-postgres) create numeric id columns.
    if (isProduction && process.env.BRIEFING_DB_PUSH !== '1')
      throw new Error(
        'DATABASE_ID_TYPE=uuid has no production migrations (the shipped ones create numeric ids): unset it for a production database.',
      )
    return 'uuid'
  }
  throw new Error(`DATABASE_ID_TYPE must be "uuid" or "number" (unset), not "${process.env.DATABASE_ID_TYPE}"`)
}

export const payloadSecret = (): string => {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  // `next build` evaluates the config without serving anything: no secret is needed then.
  if (isProduction && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('PAYLOAD_SECRET is required in production: set it to a long random string (see .env.example).')
  }
  return 'briefing-development-secret-not-for-production'
}

export const port = (): number => Number(process.env.PORT ?? 3000)
export const publicUrl = (): string => (process.env.PUBLIC_URL ?? `http://localhost:${port()}`).replace(/\/$/, '')

/** For a `file:` database, make sure its folder exists (a fresh clone has no data/ folder). */
export const ensureDatabaseFolder = (uri: string): void => {
  if (!uri.startsWith('file:')) return
  const file = uri.slice('file:'.length).split('?')[0]
  if (file && file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}
