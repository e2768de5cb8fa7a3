import { spawn } from 'node:child_process'

import type { Payload } from 'payload'

import { closeDatabase } from '../lib/db'

type ApplicationModule = { getBriefingPayload: () => Promise<Payload> }

class LoadStalled extends Error {}

/**
 * Node 20 loads TypeScript through tsx's hooks on a separate thread, and now and then an import of
 * the large Payload module graph never settles: the process then sits idle forever with nothing
 * done (seen in CI and in the bench). Loading is busy work (compiling, evaluating), so a load that
 * has used almost no CPU for BRIEFING_LOAD_STALL_SECONDS (5) in a row is stalled: nothing has run
 * yet, and the command is started again in a fresh process (twice at most).
 */
async function loadApplication(): Promise<ApplicationModule> {
  const quietSeconds = Number(process.env.BRIEFING_LOAD_STALL_SECONDS ?? 5)
  let timer: NodeJS.Timeout | undefined
  const stalled = new Promise<never>((_, reject) => {
    let quiet = 0
    let last = process.cpuUsage()
    timer = setInterval(() => {
      const used = process.cpuUsage(last)
      last = process.cpuUsage()
      quiet = (used.user + used.system) / 1000 < 20 ? quiet + 1 : 0
      if (quiet >= quietSeconds) reject(new LoadStalled())
    }, 1000)
  })
  try {
    return await Promise.race([import('../lib/payload'), stalled])
  } catch (err) {
    if (err instanceof LoadStalled) return runAgain()
    throw err
  } finally {
    clearInterval(timer)
  }
}

function runAgain(): Promise<never> {
  const attempt = Number(process.env.BRIEFING_RUN_AGAIN ?? 0) + 1
  if (attempt > 2) fail('loading the application stalled three times; giving up')
  console.error(`briefing: loading the application stalled; starting the command again (attempt ${attempt + 1})`)
  const env: NodeJS.ProcessEnv = { ...process.env, BRIEFING_RUN_AGAIN: String(attempt) }
  delete env.BRIEFING_LOAD_STALL_SECONDS
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  return new Promise<never>(() => undefined)
}

/**
 * Run `work` with stdout writes sent to stderr: what Payload and the database adapter print while
 * booting or closing (the dev schema push spinner, migration notices) never mixes with a command's
 * data on stdout (`briefing newsletter render 3-9 --format text > out.txt`).
 */
async function quietStdout<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write
  try {
    return await work()
  } finally {
    process.stdout.write = write
  }
}

/**
 * Boot Payload for a CLI command (no job autorun: the CLI does one thing and exits). No hot-reload
 * socket either: with NODE_ENV unset Payload would connect one to localhost:$PORT, and with the dev
 * server listening there the command would never exit.
 */
export async function withPayload<T>(fn: (payload: Payload) => Promise<T>): Promise<T> {
  process.env.BRIEFING_JOBS_AUTORUN ??= '0'
  process.env.DISABLE_PAYLOAD_HMR = 'true'
  const payload = await quietStdout(async () => (await loadApplication()).getBriefingPayload())
  try {
    return await fn(payload)
  } finally {
    await quietStdout(async () => closeDatabase(payload))
  }
}

/** Print a clear one-line error and exit non-zero. */
export function fail(message: string, code = 1): never {
  console.error(`briefing: ${message}`)
  process.exit(code)
}
