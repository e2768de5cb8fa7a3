import type { Payload } from 'payload'

import { renderIssueHtml, type EmailFormat } from '../../templates/email/issue'
import { renderIssueText } from '../../templates/text/issue'
import { asSystem } from '../lib/system'
import { buildIssueView } from '../content/viewModel'
import { loadNewsletterSettings, type NewsletterSettings } from './settings'
import { buildSpecialIssueView, findSpecialIssues } from '../content/special'
import { renderSpecialIssueHtml, renderSpecialIssueText } from '../../templates/email/special'
import type { Issue, Translation } from '../payload-types'
import { buildTranslationView, findTranslations } from '../content/translations'
import { renderTranslationHtml, renderTranslationText } from '../../templates/email/translation'

/** A special issue's email: one full form (its entries are its content; no digest). */
async function renderSpecialEmail(
  payload: Payload,
  issue: Issue,
  settings: Awaited<ReturnType<typeof loadNewsletterSettings>>,
): Promise<RenderedEmail> {
  const view = await buildSpecialIssueView(payload, issue, {
    publicUrl: settings.publicUrl,
    as: asSystem('newsletter'),
  })
  const chrome = { publicationName: settings.publicationName, footer: settings.footer }
  return oneForm(view.label, await renderSpecialIssueHtml(view, chrome), renderSpecialIssueText(view, chrome))
}

/** An email with one form only (special issues, translations): full, by choice, whatever its size. */
function oneForm(subject: string, html: string, text: string): RenderedEmail {
  const htmlBytes = Buffer.byteLength(html)
  return {
    subject,
    html,
    text,
    format: 'full',
    reason: 'chosen',
    htmlBytes,
    fullHtmlBytes: htmlBytes,
    textBytes: Buffer.byteLength(text),
  }
}

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
  options: { format?: EmailFormatChoice; draft?: boolean; budgetBytes?: number; settings?: NewsletterSettings } = {},
): Promise<RenderedEmail> {
  const settings = options.settings ?? (await loadNewsletterSettings(payload))
  const [special] = await findSpecialIssues(payload, {
    id: issue,
    draft: options.draft,
    limit: 1,
    as: asSystem('newsletter'),
  })
  if (special) return renderSpecialEmail(payload, special, settings)
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

/**
 * A single translation's email (one full form): the published translation, or with `draft` its latest
 * draft (previews and tests). Redlines are not in the email; it links to the editions on the web.
 */
export async function renderTranslationEmail(
  payload: Payload,
  translation: number | string,
  options: { draft?: boolean; settings?: NewsletterSettings } = {},
): Promise<RenderedEmail> {
  const settings = options.settings ?? (await loadNewsletterSettings(payload))
  const as = asSystem('newsletter')
  const [doc] = await findTranslations(payload, {
    where: { id: { equals: translation } },
    draft: options.draft,
    limit: 1,
    as,
  })
  if (!doc || (!options.draft && (doc as Translation)._status !== 'published'))
    throw new Error(`translation ${translation} not found${options.draft ? '' : ' or not published'}`)
  const view = await buildTranslationView(payload, doc, { publicUrl: settings.publicUrl, as })
  const chrome = { publicationName: settings.publicationName, footer: settings.footer }
  return oneForm(view.headline, await renderTranslationHtml(view, chrome), renderTranslationText(view, chrome))
}
