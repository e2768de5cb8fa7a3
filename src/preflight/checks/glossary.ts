import { extractRenderings, normalizeRendering } from '../../glossary/renderings'
import type { GlossaryTermRow } from '../../glossary/terms'
import { inlineTermIds, lexicalText, relationKeys } from '../../search/text'
import { itemName, type PreflightItem, type Problem } from '../types'

type Terms = Map<string, GlossaryTermRow>

/** The terms an item uses: linked in "Glossary terms used", marked inline, or glossed "English (汉字)". */
function termsUsed(item: PreflightItem, terms: Terms, byOriginal: Map<string, GlossaryTermRow>): string[] {
  const glossed = extractRenderings(item.body, terms).flatMap((r) => {
    const id = r.termId ?? byOriginal.get(r.original)?.id
    return id ? [id] : []
  })
  return [...new Set([...relationKeys(item.terms), ...inlineTermIds(item.body), ...glossed])].filter((id) =>
    terms.has(id),
  )
}

/**
 * Glossary checks over the issue in reading order: the first use of each term must give its Chinese
 * original; every gloss should use the term's preferred English; unreviewed terms are pointed out.
 */
export function glossaryProblems(items: PreflightItem[], terms: Terms): Problem[] {
  const byOriginal = new Map([...terms.values()].map((t) => [t.original, t]))
  const seen = new Set<string>()
  const out: Problem[] = []
  for (const item of items) {
    const body = lexicalText(item.body, (id) => terms.get(id)?.english)
    const text = [item.headline, body, item.originalTitle, item.excerpt].filter(Boolean).join('\n')
    for (const id of termsUsed(item, terms, byOriginal)) {
      if (seen.has(id)) continue
      seen.add(id)
      const term = terms.get(id)!
      if (term.original && !text.includes(term.original))
        out.push({
          code: 'glossary-no-original',
          severity: 'warn',
          message: `${itemName(item)} is the first use of "${term.english}" in this issue but does not give its original (${term.original}).`,
          item: item.id,
        })
      if (term.status !== 'reviewed')
        out.push({
          code: 'glossary-unreviewed',
          severity: 'warn',
          message: `${itemName(item)} uses the unreviewed glossary term "${term.english}" (${term.original}).`,
          item: item.id,
        })
    }
    out.push(...otherRenderings(item, terms, byOriginal))
  }
  return out
}

/** Glosses of a known original with English other than the term's preferred rendering. */
function otherRenderings(item: PreflightItem, terms: Terms, byOriginal: Map<string, GlossaryTermRow>): Problem[] {
  return extractRenderings(item.body, terms).flatMap((r): Problem[] => {
    const term = (r.termId ? terms.get(r.termId) : undefined) ?? byOriginal.get(r.original)
    if (!term?.english || normalizeRendering(r.english) === normalizeRendering(term.english)) return []
    return [
      {
        code: 'glossary-rendering',
        severity: 'warn',
        message: `${itemName(item)} renders ${term.original} as "${r.english}"; the preferred rendering is "${term.english}".`,
        item: item.id,
      },
    ]
  })
}
