import { Readable } from 'node:stream'
import { getSystemErrorName } from 'node:util'

import type { Transporter } from 'nodemailer'

import { createTransport } from '../email/transport'
import { type DkimSigner, dkimSigner } from './dkim'
import { newsletterConnectRetrySeconds, newsletterRetryDelaysMs, smtpUrl as envSmtpUrl } from '../env'

/** What happened to one message after its retries. */
export type Outcome =
  | { kind: 'sent'; response?: string }
  | { kind: 'failed'; code?: number; hardBounce: boolean; message: string }
  /** Temporary trouble that outlasted the retries: the recipient stays pending and the campaign pauses. */
  | { kind: 'deferred'; code?: number; message: string }
  /** The server could not be reached for the whole connection budget: the campaign pauses. */
  | { kind: 'unreachable'; message: string }

type SmtpError = Error & { responseCode?: number; code?: string; response?: string }
type SystemError = Error & { syscall?: string; errno?: number; code?: string; address?: string; port?: number }

/**
 * "ECONNREFUSED 127.0.0.1:2591" when the error is a failure to reach the server at all (refused,
 * unreachable, name not found, connect timeout); null for anything that happened once connected.
 * nodemailer replaces `code` with its own ("ESOCKET"), so the system error's errno names it.
 */
export function unreachableReason(err: unknown): string | null {
  const e = err as SystemError
  if (e?.syscall !== 'connect' && e?.syscall !== 'getaddrinfo') return null
  let name = e.code ?? 'ECONNECTION'
  try {
    if (typeof e.errno === 'number') name = getSystemErrorName(e.errno)
  } catch {
    // not a system errno: keep the code
  }
  const where = e.address ? `${e.address}:${e.port}` : ((e as { hostname?: string }).hostname ?? '')
  return `${name} ${where}`.trim()
}

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
const poolConnections = (smtpUrl = envSmtpUrl()): number =>
  smtpUrl ? Math.max(1, Number(new URL(smtpUrl).searchParams.get('maxConnections') ?? 5)) : 5

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const retryDelays = (): number[] => newsletterRetryDelaysMs()

/**
 * nodemailer's transport interface (what `Mailer` hands a transport): the envelope, the Message-ID
 * and the message body. Our messages are complete MIME already, so the messenger gives them to the
 * SMTP pool this way instead of through `sendMail`, which would wrap each one in a MimeNode, parse
 * its address headers and draw a random Message-ID only to throw them away.
 */
type TransportMail = {
  data: Record<string, never>
  message: {
    getEnvelope: () => { from: string; to: string[] }
    messageId: () => string
    getHeader: (name: string) => string | undefined
    createReadStream: () => Readable
  }
}
type PoolTransport = {
  send: (mail: TransportMail, callback: (err: Error | null, info?: { response?: string }) => void) => void
}

/**
 * The messenger pushes finished messages to the transport: nodemailer pooled SMTP (SMTP_URL), or
 * `.eml` files in the outbox. It knows nothing about campaigns or the ledger.
 */
export class Messenger {
  readonly transport: Transporter
  readonly connections: number
  private readonly pool: PoolTransport | null
  /** Since when no connection attempt has succeeded (null while the server answers). */
  private unreachableSince: number | null = null
  constructor(
    smtpUrl = envSmtpUrl(),
    private readonly delays = retryDelays(),
    private readonly connectBudgetMs = newsletterConnectRetrySeconds() * 1000,
    /** DKIM signing from DKIM_PRIVATE_KEY(_FILE)/DKIM_SELECTOR/DKIM_DOMAIN; none without a key. */
    private readonly dkim: DkimSigner | null = dkimSigner(),
  ) {
    this.transport = createTransport(smtpUrl)
    this.connections = poolConnections(smtpUrl)
    this.pool = smtpUrl ? (this.transport as unknown as { transporter: PoolTransport }).transporter : null
  }

  private async deliver(
    from: string,
    to: string,
    raw: Buffer,
    messageId: string,
    gate: Promise<void>,
  ): Promise<{ response?: string }> {
    if (!this.pool) {
      await gate
      return this.transport.sendMail({ envelope: { from, to: [to] }, raw, messageId })
    }
    const mail: TransportMail = {
      data: {},
      message: {
        getEnvelope: () => ({ from, to: [to] }),
        messageId: () => messageId,
        getHeader: (name) => (name.toLowerCase() === 'message-id' ? messageId : undefined),
        createReadStream: () => gatedBody(raw, gate),
      },
    }
    return new Promise((resolve, reject) =>
      this.pool!.send(mail, (err, info) => (err ? reject(err) : resolve(info ?? {}))),
    )
  }

  /**
   * Send one complete MIME message (with `messageId` in its headers) to one recipient, with retries.
   * The server cannot accept the message before `gate` resolves: its envelope and body go out at
   * once, but the end of the data (the final dot) waits. If `gate` rejects, the message is abandoned
   * unaccepted (the connection is closed mid-data) and that error is thrown.
   *
   * A server that cannot be reached at all is tried again (at the last retry delay) until no
   * connection has succeeded for the connection budget (NEWSLETTER_CONNECT_RETRY_SECONDS), shared by
   * every message of this messenger: then the outcome is `unreachable`.
   */
  async send(from: string, to: string, raw: Buffer, messageId: string, gate = Promise.resolve()): Promise<Outcome> {
    if (this.dkim) raw = await this.dkim(raw)
    let gateError: unknown = null
    gate.catch((err: unknown) => (gateError = err))
    for (let attempt = 0, reconnects = 0; ;) {
      try {
        const info = await this.deliver(from, to, raw, messageId, gate)
        this.unreachableSince = null
        return { kind: 'sent', response: info.response }
      } catch (err) {
        if (gateError) throw gateError
        const unreachable = unreachableReason(err)
        if (unreachable) {
          this.unreachableSince ??= Date.now()
          if (Date.now() - this.unreachableSince >= this.connectBudgetMs)
            return { kind: 'unreachable', message: `SMTP server unreachable: ${unreachable}` }
          await sleep(this.delays[Math.min(reconnects++, this.delays.length - 1)] ?? 1000)
          continue
        }
        const outcome = classify(err)
        if (outcome.kind !== 'deferred' || attempt >= this.delays.length) return outcome
        await sleep(this.delays[attempt++])
      }
    }
  }

  close(): void {
    this.transport.close()
  }
}

/** The body as a stream that ends only once `gate` resolves (and fails if it rejects). */
function gatedBody(body: Buffer, gate: Promise<void>): Readable {
  const stream = new Readable({ read() {} })
  stream.push(body)
  gate.then(
    () => stream.push(null),
    (err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))),
  )
  return stream
}
