import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { parseSearchParams } from '../params'
import { search, type SearchResponse } from '../service'
import { AdminPage } from '../../admin/AdminPage'
import { asSystem } from '../../lib/system'

const label: Record<string, string> = {
  items: 'Item',
  issues: 'Issue',
  'glossary-terms': 'Glossary term',
  sources: 'Source',
  translations: 'Translation',
}

/** Admin "Search archive" view: every collection, drafts included, with filters. */
export async function SearchView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const query = (props.searchParams ?? {}) as Record<string, unknown>
  const parsed = parseSearchParams(query)
  const value = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '')
  let result: SearchResponse | undefined
  if (parsed.ok && parsed.request.q && req.user)
    result = await search(req.payload, { ...parsed.request, limit: parsed.request.limit ?? 30, staff: true })
  const sections = await req.payload.find({
    collection: 'sections',
    sort: 'position',
    limit: 100,
    depth: 0,
    ...asSystem('operator'),
  })
  const sources = await req.payload.find({
    collection: 'sources',
    sort: 'name',
    limit: 200,
    depth: 0,
    ...asSystem('operator'),
  })
  return (
    <AdminPage props={props} title="Search the archive">
      <SearchForm value={value} sections={sections.docs} sources={sources.docs} />
      {!parsed.ok ? <p role="alert">{parsed.message}</p> : null}
      {result ? <SearchResults result={result} /> : null}
    </AdminPage>
  )
}

type FilterDoc = { id: number | string; slug?: string | null; name: string }

/** The query, the collection and the filters, as a GET form (the URL holds the search). */
function SearchForm(props: { value: (name: string) => string; sections: FilterDoc[]; sources: FilterDoc[] }) {
  const { value } = props
  return (
    <form
      method="get"
      action="/admin/search"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'end', marginBottom: 24 }}
    >
      <label>
        Words or 中文
        <br />
        <input name="q" type="search" defaultValue={value('q')} maxLength={200} style={{ minWidth: 280 }} autoFocus />
      </label>
      <label>
        In
        <br />
        <select name="collection" defaultValue={value('collection')}>
          <option value="">Everything</option>
          <option value="items">Items</option>
          <option value="issues">Issues and special-issue entries</option>
          <option value="translations">Translations</option>
          <option value="glossary-terms">Glossary</option>
          <option value="sources">Sources</option>
        </select>
      </label>
      <FilterSelect label="Section" name="section" value={value('section')} docs={props.sections} />
      <FilterSelect label="Source" name="source" value={value('source')} docs={props.sources} />
      <label>
        Issue (e.g. 3-9)
        <br />
        <input name="issue" defaultValue={value('issue')} size={6} />
      </label>
      <label>
        From
        <br />
        <input name="from" type="date" defaultValue={value('from')} />
      </label>
      <label>
        To
        <br />
        <input name="to" type="date" defaultValue={value('to')} />
      </label>
      <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
        Search
      </button>
    </form>
  )
}

/** The count, then each hit: its kind, title (to its edit view), draft mark, public link and snippet. */
function SearchResults({ result }: { result: SearchResponse }) {
  return (
    <>
      <p data-testid="search-count">
        {result.totalDocs} result{result.totalDocs === 1 ? '' : 's'}
      </p>
      <ol style={{ paddingLeft: 20 }}>
        {result.docs.map((d) => (
          <li key={`${d.collection}:${d.id}`} style={{ margin: '12px 0' }}>
            <small style={{ textTransform: 'uppercase', marginRight: 8 }}>{label[d.collection]}</small>
            <a href={`/admin/collections/${d.collection}/${d.id}`}>{d.title}</a> {d.published ? null : <em>(draft)</em>}{' '}
            {d.url.startsWith('/admin') ? null : (
              <a href={d.url} target="_blank" rel="noreferrer">
                view ↗
              </a>
            )}
            {/* snippets are escaped HTML with <mark> around matches (see snippet.ts) */}
            <p dangerouslySetInnerHTML={{ __html: d.snippet }} />
          </li>
        ))}
      </ol>
    </>
  )
}

/** A filter by reference document (section, source): its slug is the value the search API takes. */
function FilterSelect(props: { label: string; name: string; value: string | undefined; docs: FilterDoc[] }) {
  return (
    <label>
      {props.label}
      <br />
      <select name={props.name} defaultValue={props.value}>
        <option value="">Any</option>
        {props.docs.map((d) => (
          <option key={d.id} value={d.slug ?? String(d.id)}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  )
}
