import { randomBytes } from 'node:crypto'
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

/** The file of a `file:` database URI (undefined for other adapters and `:memory:`). */
const databaseFile = (uri: string): string | undefined => {
  if (!uri.startsWith('file:')) return undefined
  const file = uri.slice('file:'.length).split('?')[0]
  return file && file !== ':memory:' ? path.resolve(file) : undefined
}

const devSecrets = new Map<string, string>()

/**
 * Without PAYLOAD_SECRET in development, a random secret made on first start and kept (mode 0600)
 * beside the SQLite file, or in data/ for other databases, so that every process (server, CLI,
 * worker) on the same database signs alike. Created by link() so that concurrent first starts agree.
 */
function developmentSecret(): string {
  const file = databaseFile(databaseUri())
  const secretFile = path.join(file ? path.dirname(file) : path.resolve('data'), '.dev-secret')
  const known = devSecrets.get(secretFile)
  if (known) return known
  fs.mkdirSync(path.dirname(secretFile), { recursive: true })
  if (!fs.existsSync(secretFile)) {
    const draft = `${secretFile}.${process.pid}.${Date.now()}`
    fs.writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 })
    try {
      fs.linkSync(draft, secretFile)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    } finally {
      fs.rmSync(draft, { force: true })
    }
  }
  const secret = fs.readFileSync(secretFile, 'utf8').trim()
  devSecrets.set(secretFile, secret)
  console.warn(
    `briefing: PAYLOAD_SECRET is not set; using the development secret in ${secretFile} (set PAYLOAD_SECRET in production)`,
  )
  return secret
}

export const payloadSecret = (): string => {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  // `next build` evaluates the config without serving anything: no secret is needed then.
  if (process.env.NEXT_PHASE === 'phase-production-build') return 'briefing-build-phase-no-secret'
  if (isProduction) {
    throw new Error('PAYLOAD_SECRET is required in production: set it to a long random string (see .env.example).')
  }
  return developmentSecret()
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

export const port = (): number => Number(process.env.PORT || 3000)
export const publicUrl = (): string => (process.env.PUBLIC_URL || `http://localhost:${port()}`).replace(/\/$/, '')

/** For a `file:` database, make sure its folder exists (a fresh clone has no data/ folder). */
export const ensureDatabaseFolder = (uri: string): void => {
  const file = databaseFile(uri)
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true })
}

/** Database URI schemes an adapter is configured for (see payload.config.ts). */
export const databaseSchemes = ['file:', 'postgres:', 'postgresql:', 'mongodb:', 'mongodb+srv:']

const urlProblem = (name: string, value: string | undefined, schemes: string[], wanted: string) => {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `${name}=${JSON.stringify(value)} is not ${wanted}`
  }
  return schemes.includes(url.protocol) ? undefined : `${name}=${JSON.stringify(value)} is not ${wanted}`
}

/** Every problem with the configuration, one line each, naming the variable. */
export function configurationProblems(env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = []
  const uri = env.DATABASE_URI
  if (uri && !databaseSchemes.some((scheme) => uri.startsWith(scheme))) {
    const scheme = /^[a-z][\w+.-]*:/i.exec(uri)?.[0] ?? uri.slice(0, 20)
    problems.push(
      `DATABASE_URI uses the unsupported scheme "${scheme}": use file:<path> (SQLite), postgres://… (PostgreSQL) or mongodb://… (MongoDB)`,
    )
  }
  const portValue = env.PORT
  if (portValue && !(/^\d{1,5}$/.test(portValue) && Number(portValue) <= 65535)) {
    problems.push(`PORT=${JSON.stringify(portValue)} is not a port number (0–65535)`)
  }
  const publicProblem = urlProblem('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:'], 'an absolute http(s) URL')
  if (publicProblem) problems.push(`${publicProblem} (e.g. https://briefing.example.com)`)
  const smtpProblem = urlProblem('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:'], 'an smtp:// or smtps:// URL')
  if (smtpProblem) problems.push(smtpProblem)
  return problems
}

/** Run before anything starts (server, CLI, worker): one clear line per problem, then exit 1. */
export function exitOnBadConfiguration(): void {
  const problems = configurationProblems()
  if (!problems.length) return
  for (const problem of problems) console.error(`briefing: configuration: ${problem}`)
  process.exit(1)
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

/** METRICS_TOKEN: the bearer token `GET /metrics` requires; unset, the route answers 404. */
export const metricsToken = (): string | undefined => process.env.METRICS_TOKEN?.trim() || undefined

/**
 * SHUTDOWN_TIMEOUT_SECONDS (default 30): after SIGTERM or SIGINT, how long the server or worker may
 * take to finish in-flight requests and sends before it exits anyway (with status 1).
 */
export const shutdownTimeoutSeconds = (): number => {
  const value = Number(process.env.SHUTDOWN_TIMEOUT_SECONDS?.trim())
  return Number.isFinite(value) && value > 0 ? value : 30
}

/**
 * LOG_FORMAT: `json` (one JSON object a line, the default in production) or `pretty` (coloured
 * lines, the default in development). LOG_LEVEL: pino's level (default info).
 */
export const logFormat = (): 'json' | 'pretty' => {
  const value = process.env.LOG_FORMAT?.trim().toLowerCase()
  if (value === 'json' || value === 'pretty') return value
  return isProduction ? 'json' : 'pretty'
}
export const logLevel = (): string => process.env.LOG_LEVEL?.trim().toLowerCase() || 'info'
