import fs from 'node:fs'
import path from 'node:path'

import nodemailer, { type Transporter } from 'nodemailer'

export const outboxDir = () => path.resolve(process.env.OUTBOX_DIR ?? path.join(process.cwd(), 'data', 'outbox'))

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

/** Pooled SMTP from SMTP_URL, or the outbox folder when SMTP_URL is unset. */
export const createTransport = (smtpUrl = process.env.SMTP_URL): Transporter => {
  if (smtpUrl) {
    const url = new URL(smtpUrl)
    return nodemailer.createTransport({
      pool: true,
      maxConnections: Number(url.searchParams.get('maxConnections') ?? 5),
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
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
