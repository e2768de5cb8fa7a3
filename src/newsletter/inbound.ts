import type { AddressInfo } from 'node:net'

import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'

import { loadNewsletterSettings } from './settings'
import { setSubscription } from './subscriptions'

/**
 * Inbound mail for the `mailto:` half of `List-Unsubscribe`. Every newsletter carries
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

export async function startInboundServer(
  payload: Payload,
  { port, host = '0.0.0.0' }: { port: number; host?: string },
): Promise<InboundServer> {
  const mailbox = (await loadNewsletterSettings(payload)).unsubscribeMailbox.toLowerCase()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 256 * 1024,
    banner: 'Briefing unsubscribe mailbox',
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (address.address.toLowerCase() !== mailbox)
        return callback(refuse(550, `5.1.1 Only ${mailbox} is served here`))
      callback()
    },
    onData(stream: SMTPServerDataStream, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      simpleParser(stream)
        .then(async (mail) => {
          if (stream.sizeExceeded) return callback(refuse(552, '5.3.4 Message too big'))
          callback(await unsubscribeByMail(payload, mail.subject))
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
