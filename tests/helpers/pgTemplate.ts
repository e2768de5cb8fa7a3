import { spawnSync } from 'node:child_process'

import pg from 'pg'
import type { TestProject } from 'vitest/node'

/**
 * Global setup of the int suite on PostgreSQL (POSTGRES_URI set): one database with the pushed schema
 * for the whole run, built by one child process; every test file's database is a copy of it
 * (`CREATE DATABASE … TEMPLATE`, see bootPayload), so no test file waits for its own schema push.
 * Without POSTGRES_URI (SQLite, MongoDB) it does nothing.
 */
const query = async (server: string, sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.POSTGRES_URI
  if (!server) return undefined
  const name = `briefing_template_${process.pid}`
  const url = new URL(server)
  url.pathname = `/${name}`
  const built = spawnSync(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'tests/helpers/pgTemplateBuild.ts'],
    {
      env: { ...process.env, DATABASE_URI: url.toString(), BRIEFING_JOBS_AUTORUN: '0', DISABLE_PAYLOAD_HMR: 'true' },
      encoding: 'utf8',
      timeout: 300_000,
    },
  )
  if (built.status !== 0) throw new Error(`PostgreSQL template database: ${built.stderr}\n${built.stdout}`)
  project.provide('pgTemplate', name)
  return () => query(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | undefined
  }
}
