import fs from 'node:fs'
import net from 'node:net'
import { constants } from 'node:os'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'

import { outboxDir, smtpUrl as envSmtpUrl } from '../env'

export { outboxDir }

type MailMessage = {
  message: {
    createReadStream: () => NodeJS.ReadableStream
    getEnvelope: () => { from: string | false; to: string[] }
    messageId: () => string
  }
}

/** A nodemailer transport that writes each message as an .eml file in the outbox folder. */
export class OutboxTransport {
  name = 'briefing-outbox'
  version = '1'
  constructor(private readonly dir: string = outboxDir()) {}

  send(mail: MailMessage, done: (err: Error | null, info?: unknown) => void): void {
    const messageId = mail.message.messageId()
    const safe = messageId.replace(/[^a-zA-Z0-9.@_-]+/g, '_').slice(0, 150)
    const file = path.join(this.dir, `${Date.now()}-${safe}.eml`)
    fs.mkdirSync(this.dir, { recursive: true })
    const out = fs.createWriteStream(file)
    const input = mail.message.createReadStream()
    input.on('error', done)
    out.on('error', done)
    out.on('finish', () =>
      done(null, { envelope: mail.message.getEnvelope(), messageId, file, response: `saved ${file}` }),
    )
    input.pipe(out)
  }
}

type SocketCallback = (err: Error | null, socketOptions?: { connection: net.Socket }) => void

/**
 * Opens the pool's TCP connections with Nagle's algorithm off. nodemailer leaves it on, and SMTP's
 * small command writes then wait for the peer's delayed ACK (~40 ms) after each message: a loopback
 * sink saw 440 msg/s with it and 2,500 msg/s without (see BENCHMARKS.md). TLS (smtps: or STARTTLS) is
 * still negotiated by nodemailer on top of this socket.
 *
 * The socket is handed over while it is still connecting, so that a refused or timed-out connection
 * surfaces as an error of nodemailer's own connection: the pool then drops that connection. (An error
 * passed to this callback instead leaves the pool's slot taken for good, and once every slot is
 * taken the pool stalls: a send whose server went away would wait forever.)
 */
const noDelaySocket =
  (host: string, port: number, timeoutMs = 30_000) =>
  (_options: unknown, callback: SocketCallback): void => {
    const socket = net.connect({ host, port, noDelay: true, keepAlive: true })
    const timer = setTimeout(
      () =>
        socket.destroy(
          Object.assign(new Error(`connect ETIMEDOUT ${host}:${port}`), {
            code: 'ETIMEDOUT',
            errno: -constants.errno.ETIMEDOUT,
            syscall: 'connect',
            address: host,
            port,
          }),
        ),
      timeoutMs,
    )
    const settle = () => clearTimeout(timer)
    socket.once('connect', settle).once('close', settle)
    callback(null, { connection: socket })
  }

/**
 * Pooled SMTP from SMTP_URL, or the outbox folder when SMTP_URL is unset. URL parameters:
 * `maxConnections` (5), `maxMessages` per connection before it is renewed (100), `ignoreTLS`,
 * `tlsRejectUnauthorized=false`.
 */
export const createTransport = (smtpUrl = envSmtpUrl()): Transporter => {
  if (smtpUrl) {
    const url = new URL(smtpUrl)
    const host = url.hostname
    const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 587))
    const param = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback)
    return nodemailer.createTransport({
      pool: true,
      maxConnections: param('maxConnections', 5),
      maxMessages: param('maxMessages', 100),
      host,
      port,
      getSocket: noDelaySocket(host, port),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      tls: { rejectUnauthorized: url.searchParams.get('tlsRejectUnauthorized') !== 'false' },
      ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    })
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return nodemailer.createTransport(new OutboxTransport() as any)
}
