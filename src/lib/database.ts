import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import type { Config } from 'payload'

import { databaseIdType, databasePush } from '../env'
import { migrations } from '../migrations-postgres'

const migrationDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations-postgres')

/**
 * PostgreSQL (DATABASE_URI=postgres://… or postgresql://…) with real transactions: every Local API
 * write, and the importer's transaction per file, is all or nothing. Production runs the migrations in
 * src/migrations-postgres at start; development pushes the schema.
 */
export const postgresDatabase = (uri: string): Config['db'] =>
  postgresAdapter({
    pool: { connectionString: uri },
    idType: databaseIdType() === 'uuid' ? 'uuid' : 'serial',
    transactionOptions: {},
    migrationDir,
    prodMigrations: migrations,
    push: databasePush(),
  })
