/**
 * Redlines between two editions of a translated law or regulation: provisions are aligned by their
 * Chapter/Article numbering and, when a provision was renumbered ("Article 11" becomes "Article 12"),
 * by its text; each aligned pair gets a word-level diff (jsdiff). Removed text is `<del>`, added text
 * `<ins>`, each with a visually hidden "removed:"/"added:" so the meaning does not depend on styling.
 */
import { diffWords } from 'diff'

import { escapeHtml as esc } from '../lib/html'

export type RedlineRow = {
  /** The provision's number in the older edition ("Article 2"), null when added. */
  from: string | null
  /** Its number in the newer edition, null when removed. */
  to: string | null
  kind: 'same' | 'changed' | 'added' | 'removed'
  /** Out of order relative to the provisions before it. */
  moved: boolean
  /** Escaped HTML of the provision with <del>/<ins> marks. */
  html: string
}

type Provision = { label: string | null; text: string }

const LABEL = /^((?:Chapter|Section|Article)\s+(?:\d+|[IVXLC]+))\b/

/** Paragraphs (blank-line separated) grouped into provisions: a numbered paragraph starts a new one. */
export function provisions(text: string): Provision[] {
  const out: Provision[] = []
  for (const para of text.split(/\n\s*\n/).map((p) => p.trim())) {
    if (!para) continue
    const label = LABEL.exec(para)?.[1] ?? null
    const last = out[out.length - 1]
    if (label || !last) out.push({ label, text: para })
    else last.text = `${last.text}\n\n${para}`
  }
  return out
}

const words = (p: Provision) =>
  new Set(
    (p.label ? p.text.slice(p.label.length) : p.text)
      .toLowerCase()
      .split(/[^\p{L}\p{N}-]+/u)
      .filter(Boolean),
  )

function similarity(a: Provision, b: Provision): number {
  const wa = words(a)
  const wb = words(b)
  if (!wa.size && !wb.size) return a.label === b.label ? 1 : 0
  let shared = 0
  for (const w of wa) if (wb.has(w)) shared++
  return shared / (wa.size + wb.size - shared)
}

const mark = (tag: 'ins' | 'del', text: string) =>
  `<${tag}><span class="visually-hidden">${tag === 'ins' ? 'added: ' : 'removed: '}</span>${esc(text)}</${tag}>`

const paragraphs = (html: string) => `<p>${html.replace(/\n\s*\n/g, '</p><p>').replace(/\n/g, '<br>')}</p>`

function pairHtml(a: Provision, b: Provision): { html: string; changed: boolean } {
  let changed = false
  const html = diffWords(a.text, b.text)
    .map((part) => {
      if (part.added || part.removed) changed = true
      return part.added ? mark('ins', part.value) : part.removed ? mark('del', part.value) : esc(part.value)
    })
    .join('')
  return { html: paragraphs(html), changed }
}

/** Each older provision's best match among the newer ones (similarity ≥ 0.5), taken in order. */
function match(older: Provision[], newer: Provision[]): Array<number | undefined> {
  const taken = new Set<number>()
  return newer.map((b) => {
    let best: number | undefined
    let bestScore = 0.5
    older.forEach((a, i) => {
      if (taken.has(i)) return
      const score = similarity(a, b) + (a.label && a.label === b.label ? 0.01 : 0)
      if (score >= bestScore) [best, bestScore] = [i, score]
    })
    if (best !== undefined) taken.add(best)
    return best
  })
}

/** The redline from `older` to `newer`, in the newer edition's order; removed provisions where they stood. */
export function redline(older: string, newer: string): RedlineRow[] {
  const a = provisions(older)
  const b = provisions(newer)
  const matches = match(a, b)
  const emitted = new Set<number>()
  const rows: RedlineRow[] = []
  const removedUpTo = (limit: number) => {
    for (let i = 0; i < limit; i++) {
      if (emitted.has(i) || matches.includes(i)) continue
      emitted.add(i)
      rows.push({ from: a[i].label, to: null, kind: 'removed', moved: false, html: paragraphs(mark('del', a[i].text)) })
    }
  }
  let furthest = -1
  b.forEach((prov, j) => {
    const i = matches[j]
    if (i === undefined) {
      rows.push({ from: null, to: prov.label, kind: 'added', moved: false, html: paragraphs(mark('ins', prov.text)) })
      return
    }
    removedUpTo(i)
    emitted.add(i)
    const { html, changed } = pairHtml(a[i], prov)
    rows.push({ from: a[i].label, to: prov.label, kind: changed ? 'changed' : 'same', moved: i < furthest, html })
    furthest = Math.max(furthest, i)
  })
  removedUpTo(a.length)
  return rows
}
