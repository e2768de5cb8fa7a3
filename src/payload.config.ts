import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { s3Storage } from '@payloadcms/storage-s3'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { ChangeFeed } from '../collections/ChangeFeed'
import { GlossaryTerms } from '../collections/GlossaryTerms'
import { Issues } from '../collections/Issues'
import { answerStaleWrite } from '../collections/hooks/staleWrites'
import { Items } from '../collections/Items'
import { Media } from '../collections/Media'
import { Publications } from '../collections/Publications'
import { RateLimits } from '../collections/RateLimits'
import { Sections } from '../collections/Sections'
import { Sources } from '../collections/Sources'
import { Translations } from '../collections/Translations'
import { Subscribers } from '../collections/Subscribers'
import { Users } from '../collections/Users'
import { isEditor } from './access'
import { createTransport } from './email/transport'
import {
  databaseIdType,
  databaseKind,
  databasePush,
  databaseUri,
  ensureDatabaseFolder,
  graphqlEnabled,
  isMongo,
  jobsAutorun,
  logFormat,
  logLevel,
  mailFrom,
  payloadSecret,
  publicUrl,
  s3,
} from './env'
import { featurePlugins } from './features'
import { sqliteDatabase } from './lib/sqlite'
import { Settings } from './globals/Settings'
import { editor } from './lexical'
import { postgresDatabase } from './lib/database'
import { migrations } from './migrations'
import { BODY_LIMITS } from './security/bodies'
import { graphqlLimitsRule } from './security/graphqlLimits'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const db = (uri: string): Config['db'] => {
  ensureDatabaseFolder(uri)
  if (databaseKind(uri) === 'postgres') return postgresDatabase(uri)
  return isMongo(uri)
    ? mongooseAdapter({ url: uri, transactionOptions: {} })
    : sqliteDatabase(uri, {
        idType: databaseIdType(),
        // Production (NODE_ENV=production) runs these at start; development pushes the schema.
        prodMigrations: migrations,
        push: databasePush(),
      })
}

const storage = (bucket = s3()): NonNullable<Config['plugins']> =>
  bucket
    ? [
        s3Storage({
          collections: { media: true },
          bucket: bucket.bucket,
          config: {
            region: bucket.region,
            endpoint: bucket.endpoint,
            forcePathStyle: Boolean(bucket.endpoint),
            credentials: { accessKeyId: bucket.accessKeyId, secretAccessKey: bucket.secretAccessKey },
          },
        }),
      ]
    : []

export default buildConfig({
  serverURL: publicUrl(),
  secret: payloadSecret(),
  admin: {
    user: Users.slug,
    avatar: 'default',
    meta: { titleSuffix: ' · Briefing' },
    importMap: { baseDir: path.resolve(dirname) },
    components: { beforeDashboard: ['/admin/DraftIssuePanel#DraftIssuePanel'] },
    livePreview: { breakpoints: [{ label: 'Mobile', name: 'mobile', width: 375, height: 667 }] },
  },
  collections: [
    Issues,
    Items,
    Publications,
    Sections,
    Sources,
    GlossaryTerms,
    Translations,
    Media,
    Users,
    Subscribers,
    ChangeFeed,
    RateLimits,
  ],
  globals: [Settings],
  editor,
  db: db(databaseUri()),
  email: nodemailerAdapter({
    defaultFromAddress: mailFrom(),
    defaultFromName: 'Briefing',
    transport: createTransport(),
  }),
  sharp,
  // JSON lines through process.stdout (so a CLI command's quiet stdout sends them to stderr).
  logger:
    logFormat() === 'json'
      ? {
          options: { name: 'briefing', level: logLevel() },
          destination: { write: (line: string) => process.stdout.write(line) },
        }
      : undefined,
  // The same bound the express edge applies to multipart bodies (src/security/bodies.ts).
  upload: { limits: { fileSize: BODY_LIMITS.upload } },
  plugins: [...storage(), ...featurePlugins],
  // A stale save's 409 carries the current updatedAt at the top of the answer (collections/hooks/staleWrites.ts).
  hooks: { afterError: [answerStaleWrite] },
  jobs: {
    access: { run: ({ req }) => isEditor({ req }) as boolean },
    autoRun: jobsAutorun() ? [{ cron: '* * * * *', queue: 'default', limit: 20 }] : [],
    shouldAutoRun: () => jobsAutorun(),
  },
  // The checked-in types describe numeric ids: don't rewrite them when a run uses uuid or ObjectId ids.
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    autoGenerate: databaseIdType() === 'number' && !isMongo(),
  },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'generated-schema.graphql'),
    disable: !graphqlEnabled(),
    // Depth, aliases, nested lists and cost are bounded (src/security/graphqlLimits.ts); the route
    // refuses such queries with 400 before this rule would even run.
    validationRules: () => [graphqlLimitsRule],
  },
})
