import type { AddressInfo } from 'node:net'

import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'

import { loadNewsletterSettings } from './settings'
import { processReport, reportKind } from './bounces'
import { setSubscription } from './subscriptions'

/**
 * Inbound mail: bounce (DSN) and complaint (ARF) reports, see bounces.ts, and the `mailto:` half of
 * `List-Unsubscribe`. Every newsletter carries
 * `<mailto:unsubscribe@domain?subject=unsubscribe%20TOKEN>`; a mail client that uses it sends a
 * message with that subject to that mailbox. This SMTP listener (point the mailbox's MX or a relay
 * at it) accepts mail for the unsubscribe mailbox only, checks the signed token in the subject, and
 * unsubscribes, exactly as the one-click link does. A missing, tampered or foreign token is refused
 * with a 550 answer (the sender gets a bounce saying why) and changes nothing.
 */
export type InboundServer = { port: number; close: () => Promise<void> }

type SmtpError = Error & { responseCode?: number }
const refuse = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code })

/** The token in a subject such as `unsubscribe <token>` (any case; `Re:`/`Fwd:` prefixes allowed). */
const tokenFromSubject = (subject: string | undefined): string | null =>
  /\bunsubscribe\s+([\w.-]+)/i.exec(subject ?? '')?.[1] ?? null

async function unsubscribeByMail(payload: Payload, subject: string | undefined): Promise<SmtpError | null> {
  const token = tokenFromSubject(subject)
  if (!token) return refuse(550, '5.6.0 No unsubscribe token in the subject; use the link in the newsletter')
  const result = await setSubscription(payload, token, 'unsubscribed')
  if (!result.ok) return refuse(550, `5.7.1 ${result.message}`)
  payload.logger.info(`newsletter: unsubscribed subscriber ${result.subscriber.id} by mail`)
  return null
}

/** Where reports arrive: the sender address (DSNs go to the envelope sender), bounces@ and fbl@ of its domain. */
const reportMailboxes = (fromAddress: string): string[] => {
  const domain = fromAddress.split('@')[1] ?? 'example.com'
  return [fromAddress, `bounces@${domain}`, `fbl@${domain}`].map((a) => a.toLowerCase())
}

const readAll = async (stream: SMTPServerDataStream): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** One received message: a DSN/ARF report is processed (accepted even when it matches nothing), else an unsubscribe request. */
async function handleMessage(payload: Payload, raw: Buffer, toUnsubscribe: boolean): Promise<SmtpError | null> {
  const text = raw.toString('utf8')
  const kind = reportKind(text)
  if (kind) {
    await processReport(payload, text, kind)
    return null
  }
  if (!toUnsubscribe)
    return refuse(550, '5.6.0 Only delivery status notifications and feedback reports are accepted here')
  return unsubscribeByMail(payload, (await simpleParser(raw)).subject)
}

export async function startInboundServer(
  payload: Payload,
  { port, host = '0.0.0.0' }: { port: number; host?: string },
): Promise<InboundServer> {
  const settings = await loadNewsletterSettings(payload)
  const mailbox = settings.unsubscribeMailbox.toLowerCase()
  const reports = reportMailboxes(settings.fromAddress)
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 256 * 1024,
    banner: 'Briefing newsletter inbound',
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const to = address.address.toLowerCase()
      if (to !== mailbox && !reports.includes(to))
        return callback(refuse(550, `5.1.1 Only ${[mailbox, ...reports].join(', ')} are served here`))
      callback()
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const toUnsubscribe = session.envelope.rcptTo.some((r) => r.address.toLowerCase() === mailbox)
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(refuse(552, '5.3.4 Message too big'))
          callback(await handleMessage(payload, raw, toUnsubscribe))
        })
        .catch(() => callback(refuse(451, '4.3.0 Could not process the message; try again later')))
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (err: Error) => payload.logger.error(`newsletter inbound: ${err.message}`))
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
