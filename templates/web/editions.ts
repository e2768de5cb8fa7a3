/** Editions of a translation (web): the chosen edition's text, and the redline between two editions. */
import type { RedlineRow } from '../../src/content/redline'
import type { TranslationView } from '../../src/content/translations'
import { esc } from './html'

type Edition = TranslationView['editions'][number]

export const LEGEND = `<p class="legend">How to read the comparison: <del><span class="visually-hidden">removed: </span>struck through text</del> was removed, <ins><span class="visually-hidden">added: </span>underlined text</ins> was added; renumbered or moved provisions are noted above them.</p>`

const compareHref = (view: TranslationView, a: Edition, b: Edition) =>
  `/translations/${encodeURIComponent(view.slug)}?compare=${encodeURIComponent(a.slug)}&amp;with=${encodeURIComponent(b.slug)}`

const dated = (e: Edition) =>
  `${esc(e.label)}${e.date ? ` (<time datetime="${esc(e.date)}">${esc(e.dateLabel)}</time>)` : ''}`

/** The list of editions, each later one with a link to its redline against the one before. */
function editionList(view: TranslationView): string {
  const items = view.editions.map((e, n) => {
    const prev = view.editions[n - 1]
    const compare = prev ? ` · <a href="${compareHref(view, prev, e)}">Compare with ${esc(prev.label)}</a>` : ''
    return `<li>${dated(e)}${compare}</li>`
  })
  return `<nav aria-labelledby="editions-title"><h2 id="editions-title">Editions</h2><ul class="list">${items.join('')}</ul></nav>`
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n')

/** The latest edition's text under the list of editions. */
export function renderEditions(view: TranslationView): string {
  if (!view.editions.length) return ''
  const latest = view.editions[view.editions.length - 1]
  return `${editionList(view)}
<section class="edition" aria-labelledby="edition-title"><h2 id="edition-title">${dated(latest)}</h2>
${paragraphs(latest.text)}
</section>`
}

function rowNote(row: RedlineRow): string {
  const notes: string[] = []
  if (row.kind === 'added') notes.push(`New: ${row.to ?? 'provision'}`)
  if (row.kind === 'removed') notes.push(`Removed: ${row.from ?? 'provision'}`)
  if (row.from && row.to && row.from !== row.to) notes.push(`Renumbered: ${row.from} → ${row.to}`)
  if (row.moved) notes.push('Moved')
  return notes.map((n) => `<span class="moved-note">${esc(n)}</span>`).join(' ')
}

/** The rows of a redline, each with its note (new, removed, renumbered, moved); the admin's compare view shows them too. */
export const redlineRowsHtml = (rows: RedlineRow[]): string =>
  rows
    .map((r) => {
      const note = rowNote(r)
      return `<div class="redline-row redline-${r.kind}">${note ? `<p class="meta">${note}</p>` : ''}${r.html}</div>`
    })
    .join('\n')

/** The redline from edition `a` to edition `b`, provision by provision, with its legend. */
export function renderRedline(view: TranslationView, a: Edition, b: Edition, rows: RedlineRow[]): string {
  const body = redlineRowsHtml(rows)
  return `${editionList(view)}
<section class="redline" aria-labelledby="redline-title"><h2 id="redline-title">Changes from ${dated(a)} to ${dated(b)}</h2>
${LEGEND}
${body}
</section>`
}
