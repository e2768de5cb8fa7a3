import type { PayloadRequest } from 'payload'

import { eachNode } from '../../content/lexical'
import { relationId } from '../../lib/relations'
import { asSystem } from '../../lib/system'
import { GMAIL_CLIP_BYTES, renderIssueEmail } from '../../newsletter/render'
import { itemName, type PreflightIssue, type Problem } from '../types'

const same = (a: unknown, b: unknown) => a !== undefined && b !== undefined && String(a) === String(b)

/** Each highlight must point at a section of this issue that has items, or at one of its items. */
export async function highlightTargets(req: PayloadRequest, issue: PreflightIssue): Promise<Problem[]> {
  const out: Problem[] = []
  for (const [i, h] of issue.highlights.entries()) {
    const n = i + 1
    const section = relationId(h.section)
    const item = relationId(h.item)
    if (item !== undefined) {
      if (!issue.items.some((it) => same(it.id, item)))
        out.push({
          code: 'highlight-missing-item',
          severity: 'block',
          message: `Highlight ${n} points to an item that is not in this issue.`,
        })
      continue
    }
    if (section === undefined) {
      out.push({ code: 'highlight-no-target', severity: 'block', message: `Highlight ${n} points to no section.` })
      continue
    }
    const exists = await req.payload
      .findByID({ collection: 'sections', id: section, depth: 0, req, ...asSystem('operator'), disableErrors: true })
      .catch(() => null)
    if (!exists || !issue.sections.some((s) => same(s, section)))
      out.push({
        code: 'highlight-missing-section',
        severity: 'block',
        message: `Highlight ${n} points to a section that is not in this issue.`,
        section,
      })
    else if (!issue.items.some((it) => same(relationId(it.section), section)))
      out.push({
        code: 'highlight-empty-section',
        severity: 'block',
        message: `Highlight ${n} points to ${exists.name ?? 'a section'}, which has no items in this issue.`,
        section,
      })
  }
  return out
}

type ImageUse = { media: unknown; where: string; credit?: string | null; item?: number | string }

/** Every image the issue shows: its cover, special-issue photos and images inside item bodies. */
function imageUses(issue: PreflightIssue): ImageUse[] {
  const uses: ImageUse[] = []
  if (relationId(issue.coverImage) !== undefined) uses.push({ media: issue.coverImage, where: 'The cover image' })
  for (const entry of issue.entries)
    for (const photo of entry.photos ?? [])
      uses.push({ media: photo.image, where: `A photo of "${entry.headline ?? 'an entry'}"`, credit: photo.credit })
  for (const item of issue.items)
    eachNode(item.body, (node) => {
      const upload = node as { type?: string; relationTo?: string; value?: unknown }
      if (upload.type === 'upload' && upload.relationTo === 'media')
        uses.push({ media: upload.value, where: `An image in ${itemName(item)}`, item: item.id })
    })
  return uses
}

/** Images without alt text (block) or without a credit (warn). */
export async function imageProblems(req: PayloadRequest, issue: PreflightIssue): Promise<Problem[]> {
  const out: Problem[] = []
  for (const use of imageUses(issue)) {
    const id = relationId(use.media)
    const media =
      id === undefined
        ? null
        : await req.payload
            .findByID({ collection: 'media', id, depth: 0, req, ...asSystem('operator'), disableErrors: true })
            .catch(() => null)
    const at = use.item !== undefined ? { item: use.item } : {}
    if (id === undefined) {
      out.push({
        code: 'image-missing',
        severity: 'block',
        message: `${use.where} has no image yet: upload it to Media and choose it, or remove the photo.`,
        ...at,
      })
      continue
    }
    if (!media?.alt?.trim())
      out.push({ code: 'image-no-alt', severity: 'block', message: `${use.where} has no alt text.`, ...at })
    if (!use.credit?.trim() && !media?.credit?.trim())
      out.push({ code: 'image-no-credit', severity: 'warn', message: `${use.where} has no credit.`, ...at })
  }
  return out
}

/** The email over the size budget: it goes out as the digest (or would be clipped when "full" is forced). */
export async function emailSize(req: PayloadRequest, issue: PreflightIssue): Promise<Problem[]> {
  let email: Awaited<ReturnType<typeof renderIssueEmail>>
  try {
    email = await renderIssueEmail(req.payload, issue.id, { draft: true })
  } catch (err) {
    return [
      {
        code: 'email-not-rendered',
        severity: 'warn',
        message: `The email could not be rendered: ${(err as Error).message}`,
      },
    ]
  }
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
  if (email.reason === 'auto-size')
    return [
      {
        code: 'email-over-budget',
        severity: 'warn',
        message: `The full email is ${kb(email.fullHtmlBytes)}, over the size budget: it will go out as a digest.`,
      },
    ]
  if (email.htmlBytes > GMAIL_CLIP_BYTES)
    return [
      {
        code: 'email-clipped',
        severity: 'warn',
        message: `The email is ${kb(email.htmlBytes)}: Gmail will clip it (over ${kb(GMAIL_CLIP_BYTES)}).`,
      },
    ]
  return []
}
