import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'

import { childEnv } from './schemaReady'

/**
 * Real processes for the multi-instance test: web instances (`npm run dev`'s `tsx src/server.ts`)
 * and `briefing worker`s, and a PostgreSQL cluster from scripts/pg-cluster.sh when none is given.
 */
export type Instance = { child: ChildProcess; output: () => string; stop: () => Promise<void>; url?: string }

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

function start(args: string[], env: Record<string, string>): Instance {
  const child = spawn(process.execPath, ['--conditions=development', ...args], {
    env: childEnv({ ...process.env, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  return { child, output: () => output, stop }
}

/** A web instance on a free port, resolved once /healthz answers 200. */
export async function startWeb(env: Record<string, string>, timeoutMs = 300_000): Promise<Instance> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const web = start(['--import', 'tsx', 'src/server.ts'], { ...env, PORT: String(port), PUBLIC_URL: url })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (web.child.exitCode !== null) throw new Error(`web instance exited: ${web.output()}`)
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { ...web, url }
    await new Promise((r) => setTimeout(r, 500))
  }
  await web.stop()
  throw new Error(`web instance did not answer /healthz: ${web.output()}`)
}

export const startWorker = (env: Record<string, string>): Instance => start(['bin/briefing.mjs', 'worker'], env)

/** POSTGRES_URI, or a throwaway cluster started for the caller (stop() removes it). */
export function postgresServer(): { uri: string; stop: () => void } {
  if (process.env.POSTGRES_URI) return { uri: process.env.POSTGRES_URI, stop: () => undefined }
  const out = execFileSync('scripts/pg-cluster.sh', ['start'], { encoding: 'utf8' })
  const dir = /PG_CLUSTER_DIR=(\S+)/.exec(out)?.[1]
  const uri = /POSTGRES_URI=(\S+)/.exec(out)?.[1]
  if (!dir || !uri) throw new Error(`scripts/pg-cluster.sh start said: ${out}`)
  return { uri, stop: () => execFileSync('scripts/pg-cluster.sh', ['stop', dir]) }
}

/** The end of what each process printed, for a failure message. */
export const lastWords = (processes: Instance[]): string =>
  processes.map((p, i) => `process ${i + 1}:\n${p.output().slice(-3000)}`).join('\n---\n')

const exited = (p: Instance) => p.child.exitCode !== null || p.child.signalCode !== null

/**
 * Poll `check` until it returns true; returns the milliseconds it took. Throws after `timeoutMs`, or at
 * once when `giveUp` names a reason; either message ends with `explain()` when given.
 */
export async function within(
  timeoutMs: number,
  check: () => Promise<boolean>,
  what: string,
  { explain, giveUp }: { explain?: () => string; giveUp?: () => string | undefined } = {},
): Promise<number> {
  const fail = (why: string) => new Error(`${why}: ${what}${explain ? `\n${explain()}` : ''}`)
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started
    const reason = giveUp?.()
    if (reason) throw fail(reason)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw fail(`not within ${timeoutMs} ms`)
}

/** Wait until every worker says it polls the job queues; a worker that exits first fails at once. */
export async function workersUp(workers: Instance[], timeoutMs = 240_000): Promise<void> {
  await within(timeoutMs, async () => workers.every((w) => /jobs of every queue/.test(w.output())), 'workers up', {
    explain: () => lastWords(workers),
    giveUp: () => (workers.some(exited) ? 'a worker exited before it was up' : undefined),
  })
}
