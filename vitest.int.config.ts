import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/int/**/*.test.ts'],
    // SQLite's database-wide write lock (held by another process: 503 "busy" within the budget) has no
    // PostgreSQL counterpart (writers lock rows there); that file is SQLite's alone, not run on PostgreSQL.
    exclude: [
      ...configDefaults.exclude,
      ...(process.env.POSTGRES_URI ? ['tests/int/database-busy.test.ts', 'tests/int/sqlite-connections.test.ts'] : []),
      // The multi-instance test always runs on PostgreSQL (a cluster of its own when POSTGRES_URI is unset).
      // CI's SQLite run leaves it to the PostgreSQL run that follows (BRIEFING_PG_RUN_FOLLOWS=1, .ci/run),
      // where it uses the run's cluster: it took 8 minutes (486 s) of the SQLite run, 2 in the PostgreSQL one.
      ...(!process.env.POSTGRES_URI && process.env.BRIEFING_PG_RUN_FOLLOWS === '1'
        ? ['tests/int/instances.test.ts']
        : []),
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
    // Setups that seed through the CLI or start workers wait for child processes: a CLI start takes 12 s
    // on the quiet 2-core machine and 30–60 s while other files start theirs.
    hookTimeout: 300_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
})
