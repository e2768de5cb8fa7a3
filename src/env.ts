import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The configuration: the one module that reads (or sets) `process.env`. Every variable has a typed
 * accessor here with its default; accessors read when called, so tests may set a variable before
 * loading the code that uses it. Every variable is documented in .env.example and the README.
 */
export const isProduction = process.env.NODE_ENV === 'production'

/** A variable's value; unset and empty are the same (so `X=` in .env means the default). */
const read = (name: string): string | undefined => process.env[name] || undefined

/** Numeric variables and their defaults; a value that is not a number ≥ 0 stops the process at start. */
const NUMBERS = {
  WEB_CACHE_TTL_SECONDS: 3600,
  WEB_CACHE_MAX_PAGES: 2000,
  WEB_CACHE_RECHECK_MS: 1000,
  CHANGE_FEED_POLL_MS: 500,
  CHANGE_FEED_RETENTION_SECONDS: 3600,
  SEARCH_CACHE_MB: 64,
  NEWSLETTER_WORKER_INTERVAL_MS: 3000,
  NEWSLETTER_CONNECT_RETRY_SECONDS: 300,
  NEWSLETTER_SUBSCRIBE_LIMIT: 10,
  NEWSLETTER_BATCH_SIZE: 100,
  NEWSLETTER_RECORD_LINGER_MS: 5,
  INBOUND_SMTP_PORT: 2525,
  SHUTDOWN_TIMEOUT_SECONDS: 30,
} as const

const numberProblem = (name: string, value: string | undefined): string | undefined => {
  if (value === undefined || value.trim() === '') return undefined
  const n = Number(value)
  return Number.isFinite(n) && n >= 0 ? undefined : `${name}=${JSON.stringify(value)} is not a number (0 or more)`
}

/** A numeric variable, or its default when unset (or, in a process that skipped the check, invalid). */
const numberVar = (name: keyof typeof NUMBERS): number => {
  const value = read(name)
  return value === undefined || numberProblem(name, value) ? NUMBERS[name] : Number(value)
}

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

/**
 * Whether Payload pushes the schema instead of running migrations: in development unless
 * BRIEFING_DB_PUSH=0 (the schema is already there), in production only with BRIEFING_DB_PUSH=1.
 */
export function databasePush(): boolean {
  const flag = process.env.BRIEFING_DB_PUSH
  if (flag === '0') return false
  return process.env.NODE_ENV !== 'production' || flag === '1'
}

/** DATABASE_ID_TYPE: `uuid` gives SQLite and Postgres documents string UUID ids (MongoDB always has ObjectIds). */
export function databaseIdType(): 'number' | 'uuid' {
  const value = (process.env.DATABASE_ID_TYPE ?? '').trim().toLowerCase()
  if (value === '' || value === 'number' || value === 'serial') return 'number'
  if (value === 'uuid') {
    // The shipped migrations (src/migrations, src/migrations-postgres) create numeric id columns.
    if (process.env.NODE_ENV === 'production' && !databasePush())
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
/** The port the server really listens on: Payload and Next read PORT themselves (Payload assumes 3000). */
export const setPort = (value: number | string): void => {
  process.env.PORT = String(value)
}
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
  for (const name of Object.keys(NUMBERS)) {
    const problem = numberProblem(name, env[name])
    if (problem) problems.push(problem)
  }
  return problems
}

/** Run before anything starts (server, CLI, worker): one clear line per problem, then exit 1. */
export function exitOnBadConfiguration(): void {
  const problems = configurationProblems()
  if (!problems.length) return
  for (const problem of problems) console.error(`briefing: configuration: ${problem}`)
  process.exit(1)
}

/** Start-up notices of the CLI: no job autorun unless BRIEFING_JOBS_AUTORUN says so, no hot-reload socket. */
export function useCliEnvironment(): void {
  process.env.BRIEFING_JOBS_AUTORUN ??= '0'
  // With NODE_ENV unset Payload connects a hot-reload socket to localhost:$PORT (Payload's own variable).
  process.env.DISABLE_PAYLOAD_HMR = 'true'
}

/**
 * Boot without the development schema push (Payload's PAYLOAD_MIGRATING): `briefing migrate` (the
 * migrations shape the schema) and `briefing backup` (which only reads the database it copies).
 */
export function skipSchemaPush(): void {
  process.env.PAYLOAD_MIGRATING = 'true'
}

/** Whether this boot skips the schema push (the tables may not exist yet: the migrations make them). */
export const schemaPushSkipped = (): boolean => process.env.PAYLOAD_MIGRATING === 'true'

/** BRIEFING_JOBS_AUTORUN: `0` leaves scheduled jobs to `briefing worker`; otherwise the web process runs them. */
export const jobsAutorun = (): boolean => process.env.BRIEFING_JOBS_AUTORUN !== '0'

/** BRIEFING_SEARCH_EAGER: `0` builds the search index on the first query instead of at server start. */
export const searchEager = (): boolean => process.env.BRIEFING_SEARCH_EAGER !== '0'

/** Email: SMTP_URL (unset: .eml files in OUTBOX_DIR), OUTBOX_DIR, MAIL_FROM. */
export const smtpUrl = (): string | undefined => read('SMTP_URL')
export const outboxDir = (): string => path.resolve(read('OUTBOX_DIR') ?? path.join(process.cwd(), 'data', 'outbox'))
export const mailFrom = (): string => read('MAIL_FROM') ?? 'briefing@example.com'
/** NOTIFICATION_DIGEST_CRON: when the daily digest of workflow notifications goes out (seconds field first). */
export const notificationDigestCron = (): string => read('NOTIFICATION_DIGEST_CRON')?.trim() || '0 0 7 * * *'

/** MEDIA_DIR: the folder of local uploads. */
export const mediaDir = (): string => path.resolve(read('MEDIA_DIR') ?? path.join(process.cwd(), 'media'))

export type S3Config = {
  bucket: string
  region: string
  endpoint?: string
  accessKeyId: string
  secretAccessKey: string
}
/** S3-compatible storage for uploads when S3_BUCKET is set (S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID, …). */
export const s3 = (): S3Config | undefined => {
  const bucket = read('S3_BUCKET')
  if (!bucket) return undefined
  return {
    bucket,
    region: read('S3_REGION') ?? 'us-east-1',
    endpoint: read('S3_ENDPOINT'),
    accessKeyId: read('S3_ACCESS_KEY_ID') ?? '',
    secretAccessKey: read('S3_SECRET_ACCESS_KEY') ?? '',
  }
}

/** Page cache: WEB_CACHE (`off`), WEB_CACHE_TTL_SECONDS, WEB_CACHE_MAX_PAGES, WEB_CACHE_RECHECK_MS. */
export const webCacheEnabled = (): boolean => process.env.WEB_CACHE !== 'off'
export const webCacheTtlSeconds = (): number => numberVar('WEB_CACHE_TTL_SECONDS')
export const webCacheMaxPages = (): number => numberVar('WEB_CACHE_MAX_PAGES')
/** After an invalidation, how long until the cache is invalidated once more (hooks that finish late). */
export const webCacheRecheckMs = (): number => numberVar('WEB_CACHE_RECHECK_MS')

/** NEWSLETTER_WORKER=external: `briefing worker` processes send, not the web process. */
export const newsletterWorkerExternal = (): boolean => process.env.NEWSLETTER_WORKER === 'external'
/** How often a worker (and the web process's send loop) looks for due jobs (at least 50 ms). */
export const newsletterWorkerIntervalMs = (): number => Math.max(50, numberVar('NEWSLETTER_WORKER_INTERVAL_MS'))
/** NEWSLETTER_RETRY_DELAYS_MS: backoff between retries of temporary SMTP failures (comma-separated). */
export const newsletterRetryDelaysMs = (): number[] =>
  (read('NEWSLETTER_RETRY_DELAYS_MS') ?? '200,1000,3000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n >= 0)
/** Subscribe requests per client address per 10 minutes (0 means the default). */
export const newsletterSubscribeLimit = (): number =>
  numberVar('NEWSLETTER_SUBSCRIBE_LIMIT') || NUMBERS.NEWSLETTER_SUBSCRIBE_LIMIT
/** Recipients per batch of a send (at least 1). */
export const newsletterBatchSize = (): number => Math.max(1, numberVar('NEWSLETTER_BATCH_SIZE'))
/** How long delivered recipients wait to be written to the ledger together. */
export const newsletterRecordLingerMs = (): number => numberVar('NEWSLETTER_RECORD_LINGER_MS')
/** INBOUND_SMTP_PORT: where `briefing inbound` listens for mailto: unsubscribe requests. */
export const inboundSmtpPort = (): number => numberVar('INBOUND_SMTP_PORT')

/**
 * DKIM signing of outgoing newsletters: the private key (PEM) in DKIM_PRIVATE_KEY or the file named by
 * DKIM_PRIVATE_KEY_FILE, the selector (DKIM_SELECTOR, default `briefing`) and the signing domain
 * (DKIM_DOMAIN, default the domain of MAIL_FROM). Null (no signing) without a key.
 */
export const dkimConfig = (): { privateKey: string; selector: string; domain: string } | null => {
  const file = read('DKIM_PRIVATE_KEY_FILE')
  const privateKey =
    read('DKIM_PRIVATE_KEY')?.replace(/\\n/g, '\n') ?? (file ? fs.readFileSync(file, 'utf8') : undefined)
  if (!privateKey) return null
  return {
    privateKey,
    selector: read('DKIM_SELECTOR') ?? 'briefing',
    domain: read('DKIM_DOMAIN') ?? mailFrom().split('@')[1] ?? 'example.com',
  }
}

/**
 * How long a newsletter send keeps trying to reach an SMTP server that refuses or drops connection
 * attempts before the campaign pauses (NEWSLETTER_CONNECT_RETRY_SECONDS, default 5 minutes).
 */
export const newsletterConnectRetrySeconds = (): number => numberVar('NEWSLETTER_CONNECT_RETRY_SECONDS')

/** How often a web instance reads the database change feed (CHANGE_FEED_POLL_MS, default 500; 0 off). */
export const changeFeedPollMs = (): number => numberVar('CHANGE_FEED_POLL_MS')

/** How long change-feed rows are kept (CHANGE_FEED_RETENTION_SECONDS, default 3600; at least 1). */
export const changeFeedRetentionMs = (): number => Math.max(1, numberVar('CHANGE_FEED_RETENTION_SECONDS')) * 1000

/**
 * SEARCH_CACHE_MB (default 64; 0 off): memory each instance may keep for long posting lists of the
 * database search index (src/search/postingCache.ts), least recently used dropped first.
 */
export const searchCacheBytes = (): number => numberVar('SEARCH_CACHE_MB') * 1024 * 1024

/**
 * NEXT_DIST_DIR: Next's build/dev folder (default `.next`). next.config.mjs reads it directly (it
 * cannot import TypeScript); several dev instances in one checkout need one each.
 */
export const nextDistDir = (): string => read('NEXT_DIST_DIR') ?? '.next'

/** METRICS_TOKEN: the bearer token `GET /metrics` requires; unset, the route answers 404. */
export const metricsToken = (): string | undefined => read('METRICS_TOKEN')?.trim() || undefined

/**
 * SHUTDOWN_TIMEOUT_SECONDS (default 30; 0 means the default): after SIGTERM or SIGINT, how long the
 * server or worker may take to finish in-flight requests and sends before it exits anyway (status 1).
 */
export const shutdownTimeoutSeconds = (): number =>
  numberVar('SHUTDOWN_TIMEOUT_SECONDS') || NUMBERS.SHUTDOWN_TIMEOUT_SECONDS

/**
 * LOG_FORMAT: `json` (one JSON object a line, the default in production) or `pretty` (coloured
 * lines, the default in development). LOG_LEVEL: pino's level (default info).
 */
export const logFormat = (): 'json' | 'pretty' => {
  const value = read('LOG_FORMAT')?.trim().toLowerCase()
  if (value === 'json' || value === 'pretty') return value
  return isProduction ? 'json' : 'pretty'
}
export const logLevel = (): string => read('LOG_LEVEL')?.trim().toLowerCase() || 'info'
