import type { Payload } from 'payload'

/** Boot Payload for a CLI command (no job autorun: the CLI does one thing and exits). */
export async function withPayload<T>(fn: (payload: Payload) => Promise<T>): Promise<T> {
  process.env.BRIEFING_JOBS_AUTORUN ??= '0'
  const { getBriefingPayload } = await import('../lib/payload')
  const payload = await getBriefingPayload()
  try {
    return await fn(payload)
  } finally {
    await payload.destroy?.()
  }
}

/** Print a clear one-line error and exit non-zero. */
export function fail(message: string, code = 1): never {
  console.error(`briefing: ${message}`)
  process.exit(code)
}
