import type { Transporter } from 'nodemailer'

import { createTransport } from '../email/transport'

/** What happened to one message after its retries. */
export type Outcome =
  | { kind: 'sent'; response?: string }
  | { kind: 'failed'; code?: number; hardBounce: boolean; message: string }
  /** Temporary trouble that outlasted the retries: the recipient stays pending and the campaign pauses. */
  | { kind: 'deferred'; code?: number; message: string }

type SmtpError = Error & { responseCode?: number; code?: string; response?: string }

/** 550 mailbox unavailable, 551 user not local, 553 mailbox name not allowed; or enhanced code 5.1.x. */
const HARD_BOUNCE_CODES = new Set([550, 551, 553])

export function classify(err: unknown): Outcome {
  const e = err as SmtpError
  const message = (e.response ?? e.message ?? String(err)).slice(0, 300)
  const code = e.responseCode
  if (code && code >= 500) {
    const hard = HARD_BOUNCE_CODES.has(code) || /\b5\.1\.\d\b/.test(message)
    return { kind: 'failed', code, hardBounce: hard, message }
  }
  // 4xx answers, dropped connections, timeouts: temporary.
  return { kind: 'deferred', code, message }
}

/** Connections of the SMTP pool (SMTP_URL `maxConnections`, default 5; 5 for the outbox). */
export const poolConnections = (smtpUrl = process.env.SMTP_URL): number =>
  smtpUrl ? Math.max(1, Number(new URL(smtpUrl).searchParams.get('maxConnections') ?? 5)) : 5

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const retryDelays = (): number[] =>
  (process.env.NEWSLETTER_RETRY_DELAYS_MS ?? '200,1000,3000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n >= 0)

/**
 * The messenger pushes finished messages to the transport: nodemailer pooled SMTP (SMTP_URL), or
 * `.eml` files in the outbox. It knows nothing about campaigns or the ledger.
 */
export class Messenger {
  readonly transport: Transporter
  readonly connections: number
  constructor(
    smtpUrl = process.env.SMTP_URL,
    private readonly delays = retryDelays(),
  ) {
    this.transport = createTransport(smtpUrl)
    this.connections = poolConnections(smtpUrl)
  }

  async send(from: string, to: string, raw: string): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        const info = (await this.transport.sendMail({ envelope: { from, to: [to] }, raw })) as { response?: string }
        return { kind: 'sent', response: info.response }
      } catch (err) {
        const outcome = classify(err)
        if (outcome.kind !== 'deferred' || attempt >= this.delays.length) return outcome
        await sleep(this.delays[attempt])
      }
    }
  }

  close(): void {
    this.transport.close()
  }
}
