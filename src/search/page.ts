import { renderPage } from '../../templates/web/layout'
import { escapeHtml } from './snippet'
import type { SearchRequest, SearchResponse } from './service'

export type FilterOption = { value: string; label: string }

export type SearchPageInput = {
  request?: SearchRequest
  result?: SearchResponse
  error?: string
  q: string
  /** Raw filter values from the query string, echoed into the form. */
  filters?: Record<string, string>
  sections?: FilterOption[]
}

const select = (name: string, label: string, options: FilterOption[], current = '') =>
  `<label>${escapeHtml(label)} <select name="${name}"><option value="">Any</option>${options
    .map(
      (o) =>
        `<option value="${escapeHtml(o.value)}"${o.value === current ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
    )
    .join('')}</select></label>`

const COLLECTION_LABEL: Record<string, string> = {
  items: 'Item',
  issues: 'Issue',
  'glossary-terms': 'Glossary',
  sources: 'Source',
  translations: 'Translation',
}

/** The body of the public search page: form, count and results (every value escaped; snippets are pre-escaped HTML). */
export function searchPageBody({ result, error, q, filters = {}, sections = [] }: SearchPageInput): string {
  const open = Boolean(filters.section || filters.from || filters.to)
  const form = `<form class="search-form" action="/search" method="get" role="search">
  <label for="search-q">Search the archive (English or 中文)</label>
  <input id="search-q" type="search" name="q" value="${escapeHtml(q)}" maxlength="200" autofocus>
  <button type="submit">Search</button>
  <details class="search-filters"${open ? ' open' : ''}><summary>Filters</summary>
  ${select('section', 'Section', sections, filters.section)}
  <label>From <input type="date" name="from" value="${escapeHtml(filters.from ?? '')}"></label>
  <label>To <input type="date" name="to" value="${escapeHtml(filters.to ?? '')}"></label>
  </details>
</form>`
  if (error) return `${form}<p class="search-error" role="alert">${escapeHtml(error)}</p>`
  if (!result) return form
  const count = `<p class="search-count">${result.totalDocs} result${result.totalDocs === 1 ? '' : 's'} for “${escapeHtml(q)}”</p>`
  const rows = result.docs
    .map(
      (d) => `<li class="search-result search-${escapeHtml(d.collection)}">
  <span class="search-kind">${escapeHtml(COLLECTION_LABEL[d.collection] ?? d.collection)}</span>
  <a href="${escapeHtml(d.url)}">${escapeHtml(d.title)}</a>${d.date && d.collection === 'items' ? ` <time datetime="${escapeHtml(d.date)}">${escapeHtml(d.date.slice(0, 10))}</time>` : ''}
  <p class="search-snippet">${d.snippet}</p>
</li>`,
    )
    .join('\n')
  return `${form}\n${count}\n<ol class="search-results">${rows}</ol>`
}

const STYLE = `<style>.search-form input{font-size:1.1rem;width:min(70%,28rem)}.search-kind{font-size:.75rem;text-transform:uppercase;opacity:.75;margin-right:.5em}
.search-results{padding-left:1.2rem}.search-result{margin:1rem 0}.search-error{color:#a00}mark{padding:0 .1em}</style>`

/** The public page in the web edition's layout (header, nav with "Search" current, footer). */
export function searchPageHtml(input: SearchPageInput, site: { publicUrl: string; siteName?: string }): string {
  const base = site.publicUrl.replace(/\/+$/, '')
  return renderPage({
    title: input.q ? `Search: ${input.q}` : 'Search',
    description:
      'Search every published issue, special issue, item, translation, glossary term and source, in English or Chinese.',
    canonical: `${base}/search`,
    publicUrl: base,
    siteName: site.siteName,
    nav: 'search',
    robots: input.q ? 'noindex' : undefined,
    head: STYLE,
    body: `<h1>Search</h1>\n${searchPageBody(input)}`,
  })
}
