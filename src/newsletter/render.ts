import type { Payload } from 'payload'

import { renderIssueHtml, type EmailFormat } from '../../templates/email/issue'
import { renderIssueText } from '../../templates/text/issue'
import { asSystem } from '../lib/system'
import { buildIssueView } from '../content/viewModel'
import { loadNewsletterSettings } from './settings'

/** Gmail clips messages whose HTML exceeds ~102 KB (and hides the footer with it). Keep a margin for personalisation. */
export const GMAIL_CLIP_BYTES = 102 * 1024
export const HTML_BUDGET_BYTES = 98 * 1024

export type EmailFormatChoice = 'auto' | EmailFormat

export type RenderedEmail = {
  subject: string
  html: string
  text: string
  format: EmailFormat
  /** Why this format: the editor's choice, or 'auto' (full fits) / 'auto-size' (full was too big). */
  reason: 'chosen' | 'auto' | 'auto-size'
  htmlBytes: number
  fullHtmlBytes: number
  textBytes: number
}

/**
 * Render an issue once: HTML (MJML) and text from the same view-model. With 'auto' (the default,
 * or the issue's `newsletterFormat`), the full form is measured and the digest is used if it would
 * exceed the budget.
 */
export async function renderIssueEmail(
  payload: Payload,
  issue: number | string,
  options: { format?: EmailFormatChoice; draft?: boolean; budgetBytes?: number } = {},
): Promise<RenderedEmail> {
  const settings = await loadNewsletterSettings(payload)
  const view = await buildIssueView(
    payload,
    { id: issue },
    { draft: options.draft ?? false, publicUrl: settings.publicUrl },
  )
  if (!view) throw new Error(`issue ${issue} not found${options.draft ? '' : ' or not published'}`)
  const doc = (await payload.findByID({
    collection: 'issues',
    id: issue,
    depth: 0,
    ...asSystem('newsletter'),
    draft: options.draft,
  })) as {
    newsletterFormat?: EmailFormatChoice | null
  }
  const choice: EmailFormatChoice = options.format ?? doc.newsletterFormat ?? 'auto'
  const chrome = { publicationName: settings.publicationName, footer: settings.footer }
  const full = choice === 'digest' ? null : await renderIssueHtml(view, chrome, 'full')
  const fullBytes = full ? Buffer.byteLength(full) : 0
  let format: EmailFormat = choice === 'digest' ? 'digest' : 'full'
  let reason: RenderedEmail['reason'] = choice === 'auto' ? 'auto' : 'chosen'
  if (choice === 'auto' && fullBytes > (options.budgetBytes ?? HTML_BUDGET_BYTES)) {
    format = 'digest'
    reason = 'auto-size'
  }
  const html = format === 'full' && full ? full : await renderIssueHtml(view, chrome, 'digest')
  const text = renderIssueText(view, chrome, format)
  return {
    subject: `${view.label} (${view.periodLabel})`,
    html,
    text,
    format,
    reason,
    htmlBytes: Buffer.byteLength(html),
    fullHtmlBytes: fullBytes || Buffer.byteLength(html),
    textBytes: Buffer.byteLength(text),
  }
}
