import { escapeHtml } from './snippet'
import type { SearchRequest, SearchResponse } from './service'

export type SearchPageInput = { request?: SearchRequest; result?: SearchResponse; error?: string; q: string }

const COLLECTION_LABEL: Record<string, string> = {
  items: 'Item',
  issues: 'Issue',
  'glossary-terms': 'Glossary',
  sources: 'Source',
}

/** The body of the public search page: form, count and results (every value escaped; snippets are pre-escaped HTML). */
export function searchPageBody({ result, error, q }: SearchPageInput): string {
  const form = `<form class="search-form" action="/search" method="get" role="search">
  <label for="search-q">Search the archive (English or 中文)</label>
  <input id="search-q" type="search" name="q" value="${escapeHtml(q)}" maxlength="200" autofocus>
  <button type="submit">Search</button>
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

const STYLE = `body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
.search-form input{font-size:1.1rem;width:70%}.search-kind{font:0.75rem sans-serif;text-transform:uppercase;color:#555;margin-right:.5em}
mark{background:#fde68a}.search-results{padding-left:1.2rem}.search-result{margin:1rem 0}.search-error{color:#a00}`

/** A standalone page, used until the web feature's layout is available. */
export function searchPageHtml(input: SearchPageInput, title = 'Search'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.q ? `${input.q} · ${title}` : title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>
${searchPageBody(input)}
</main></body></html>`
}
