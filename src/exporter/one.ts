import type { Payload } from 'payload'

import { SPECIAL } from '../content/special'
import { asSystem } from '../lib/system'
import { renderIssue, type ExportFormat } from './formats'
import { loadSpecialExport, loadTranslationExport, renderDocument } from './kinds'
import { loadIssue } from './load'

/** `briefing export --issue <slug>` (weekly or special) or `--translation <slug>`: the text and what it is. */
export async function exportOne(
  payload: Payload,
  target: { issue?: string; translation?: string },
  format: ExportFormat,
): Promise<{ text: string; what: string }> {
  if (target.translation !== undefined) {
    const doc = await loadTranslationExport(payload, target.translation)
    if (!doc) throw new Error(`there is no translation "${target.translation}"`)
    return { text: renderDocument(doc, format), what: `translation ${target.translation}` }
  }
  const slug = target.issue ?? ''
  const special = await payload.count({
    collection: 'issues',
    where: { and: [SPECIAL, { slug: { equals: slug } }] },
    ...asSystem('operator'),
  })
  if (special.totalDocs > 0) {
    const doc = await loadSpecialExport(payload, slug)
    if (doc) return { text: renderDocument(doc, format), what: `special issue ${slug}` }
  }
  return { text: renderIssue(await loadIssue(payload, slug), format), what: `issue ${slug}` }
}
