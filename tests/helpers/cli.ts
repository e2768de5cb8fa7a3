import { spawn, spawnSync } from 'node:child_process'

import { childEnv } from './schemaReady'

/** What a `briefing` run printed and how it ended. */
export type CliRun = { status: number | null; stdout: string; stderr: string; signal?: NodeJS.Signals | null }
type Env = Record<string, string | undefined>

// The export condition the npm scripts use (see bin/briefing.mjs): one process, no re-exec.
const ARGS = (args: string[]) => ['--conditions=development', 'bin/briefing.mjs', ...args]

/**
 * `node bin/briefing.mjs …` as a user runs it: a real child process, waited for (5 minutes at most: a
 * first start on PostgreSQL pushes the schema, 1–2 minutes on a busy 2-core machine).
 */
export function briefingSync(args: string[], env: Env = {}): CliRun {
  const out = spawnSync(process.execPath, ARGS(args), {
    env: childEnv({ ...process.env, ...env }),
    encoding: 'utf8',
    timeout: 300_000,
  })
  return { status: out.status, stdout: out.stdout, stderr: out.stderr }
}

/**
 * The same without blocking this process, which may be sharing the database with the child. With
 * `timeoutMs`, a child still running then is killed (SIGTERM; `status` null, `signal` set).
 */
export function briefing(args: string[], env: Env = {}, { timeoutMs }: { timeoutMs?: number } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ARGS(args), {
    env: childEnv({ ...process.env, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, stdout, stderr, signal })))
}

/**
 * `node bin/briefing.mjs newsletter send 3-9 --yes` for the imported fixture issue, whose items are not
 * approved: with an editor's preflight override (see tests/int/publish-gate.test.ts).
 */
export const SEND_FIXTURE_ARGS = ARGS(['newsletter', 'send', '3-9', '--yes', '--override', 'Fixture content'])
