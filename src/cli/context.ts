import type { Payload } from 'payload'

import { useCliEnvironment } from '../env'
import { closeDatabase } from '../lib/db'

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
  useCliEnvironment()
  const payload = await quietStdout(async () => (await import('../lib/payload')).getBriefingPayload())
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
