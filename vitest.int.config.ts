import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/int/**/*.test.ts'],
    // SQLite's database-wide write lock (held by another process: 503 "busy" within the budget) has no
    // PostgreSQL counterpart (writers lock rows there); that file is SQLite's alone, not run on PostgreSQL.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.POSTGRES_URI ? ['tests/int/database-busy.test.ts', 'tests/int/sqlite-connections.test.ts'] : []),
    ],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/int.json' },
    pool: 'forks',
    // On PostgreSQL: one template database with the schema; each file's database is a copy of it.
    globalSetup: ['tests/helpers/pgTemplate.ts'],
    // On Postgres every CLI child process introspects the schema at boot (drizzle push, 10–30 s on a busy
    // machine): tests that start several get more room there.
    testTimeout: process.env.POSTGRES_URI ? 240_000 : 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
})
