import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { dropTestDatabase, testDatabaseUri } from './payload'

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`)
}

/**
 * One Briefing server for the whole e2e run: a fresh SQLite file (or MongoDB database), the demo
 * content seeded, no users (the first e2e file creates the first user through the admin).
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-e2e-'))
  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const env = {
    ...process.env,
    NODE_ENV: 'development' as const,
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATABASE_URI: testDatabaseUri(dir, 'e2e'),
    OUTBOX_DIR: path.join(dir, 'outbox'),
    MEDIA_DIR: path.join(dir, 'media'),
    NEXT_TELEMETRY_DISABLED: '1',
    BRIEFING_E2E: '1',
  }
  const seeded = spawnSync(process.execPath, ['--conditions=development', 'bin/briefing.mjs', 'seed'], {
    env,
    encoding: 'utf8',
  })
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}\n${seeded.stdout}`)

  const log = fs.openSync(path.join(dir, 'server.log'), 'a')
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=development', '--import', 'tsx', 'src/server.ts'],
    {
      env,
      stdio: ['ignore', log, log],
      detached: true,
    },
  )
  try {
    await waitFor(`${baseUrl}/healthz`, 120_000, child)
    // Compile the admin and the API once, so that tests measure behaviour, not the first compile.
    await fetch(`${baseUrl}/admin`).then((r) => r.text())
    await fetch(`${baseUrl}/api/issues?limit=1`).then((r) => r.text())
  } catch (err) {
    console.error(fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-4000))
    throw err
  }
  project.provide('baseUrl', baseUrl)
  project.provide('e2eDir', dir)
  project.provide('databaseUri', env.DATABASE_URI)
  return async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 500))
    if (process.env.KEEP_E2E_DIR !== '1') {
      await dropTestDatabase(env.DATABASE_URI)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    e2eDir: string
    /** The server's database, for a test that writes through the Local API in a child process. */
    databaseUri: string
  }
}
