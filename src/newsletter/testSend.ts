import type { Payload } from 'payload'

import { looksLikeEmail, normaliseEmail } from '../../collections/Subscribers'
import { smtpUrl } from '../env'
import { Messenger, retryDelays } from './messenger'
import { compileMessage, personalise } from './mime'
import { renderIssueEmail, type RenderedEmail } from './render'
import { loadNewsletterSettings, recipientFor } from './settings'
import { digest } from './tokens'
import { asSystem } from '../lib/system'

export type TestSendResult =
  | { ok: true; messageId: string; to: string; htmlBytes: number; format: string }
  | { ok: false; status: number; error: string }

/**
 * Send the current (draft) rendering of an issue to one address, marked as a test; `render` gives
 * another rendering (a translation's).
 */
export async function sendTestEmail(
  payload: Payload,
  issueId: number | string,
  address: string,
  render: () => Promise<RenderedEmail> = () => renderIssueEmail(payload, issueId, { draft: true }),
): Promise<TestSendResult> {
  const to = normaliseEmail(address)
  if (!looksLikeEmail(to)) return { ok: false, status: 400, error: 'Enter a valid email address for the test.' }
  const settings = await loadNewsletterSettings(payload)
  const rendered = await render()
  const message = compileMessage({
    campaignKey: `test-${issueId}-${Date.now()}`,
    subject: `[Test] ${rendered.subject}`,
    html: rendered.html,
    text: rendered.text,
    from: { name: settings.fromName, address: settings.fromAddress },
    replyTo: settings.replyTo,
    listId: settings.listId,
  })
  const found = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: to } },
    limit: 1,
    ...asSystem('newsletter'),
  })
  const domain = settings.fromAddress.split('@')[1] ?? 'localhost'
  const messageId = `<test.${digest(`${issueId}:${to}:${Date.now()}`)}@${domain}>`
  const raw = personalise(message, recipientFor(settings, { id: found.docs[0]?.id ?? 'test', email: to }, messageId))
  // An editor is waiting for the answer: an unreachable server is reported at once, not retried.
  const messenger = new Messenger(smtpUrl(), retryDelays(), 0)
  try {
    const outcome = await messenger.send(settings.fromAddress, to, raw, messageId)
    if (outcome.kind !== 'sent')
      return { ok: false, status: 502, error: `The mail server refused the test: ${outcome.message}` }
  } finally {
    messenger.close()
  }
  return { ok: true, messageId, to, htmlBytes: rendered.htmlBytes, format: rendered.format }
}
