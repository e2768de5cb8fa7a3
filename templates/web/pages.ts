/** Public pages other than the issue page: home, archive, section, glossary, term, source, item, 404. */
import type { IssueRef, IssueView, ItemView, SourceView, TermView } from '../../src/content/viewModel'
import { esc, localPath, renderBlocks, zh, type InlineMode } from './html'
import { renderFullItem, renderIssueArticle } from './issue'
import { renderPage } from './layout'
import type { TermUse } from '../../src/web/termUses'

export type Site = { publicUrl: string; siteName?: string }
export type IssueSummary = IssueRef & {
  periodLabel: string
  periodEnd: string
  volume: number
  number: number
  updatedAt?: string
}
export type Paging = { page: number; pages: number; total: number }
/** Links to the other publications' latest pages (special issues, translations). */
export type OtherPublications = {
  special: Array<{ url: string; label: string }>
  translations: Array<{ url: string; label: string }>
}

const link = (url: string, site: Site, text: string) =>
  `<a href="${esc(localPath(url, site.publicUrl))}">${esc(text)}</a>`

const subscribeForm = `<section class="subscribe" aria-labelledby="subscribe-title">
<h2 id="subscribe-title">Get the weekly report by email</h2>
<form method="post" action="/subscribe">
<label for="subscribe-email">Email address</label>
<input id="subscribe-email" type="email" name="email" required autocomplete="email">
<label for="subscribe-name">Name (optional)</label>
<input id="subscribe-name" type="text" name="name" autocomplete="name">
<div class="hp" aria-hidden="true"><label for="subscribe-website">Leave this field empty</label><input id="subscribe-website" type="text" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">Subscribe</button>
</form>
</section>`

const issueList = (issues: IssueSummary[], site: Site) =>
  `<ul class="list">${issues.map((i) => `<li>${link(i.url, site, i.label)} <span class="meta">${esc(i.periodLabel)}</span></li>`).join('')}</ul>`

const linkList = (entries: Array<{ url: string; label: string }>, site: Site) =>
  `<ul class="list">${entries.map((e) => `<li>${link(e.url, site, e.label)}</li>`).join('')}</ul>`

/** Special issues and translations, each under its heading (empty ones left out). */
function otherPublications(others: OtherPublications | undefined, site: Site, level: 2 | 3 = 2): string {
  if (!others) return ''
  const block = (id: string, title: string, href: string, entries: OtherPublications['special']) =>
    entries.length
      ? `<section aria-labelledby="${id}"><h${level} id="${id}">${title}</h${level}>${linkList(entries, site)}<p><a href="${href}">All ${title.toLowerCase()}</a></p></section>`
      : ''
  return (
    block('special-title', 'Special issues', '/special', others.special) +
    block('translations-title', 'Translations', '/translations', others.translations)
  )
}

export function renderHome(
  latest: IssueView | null,
  recent: IssueSummary[],
  site: Site,
  more?: OtherPublications,
): string {
  const body = latest
    ? `${renderIssueArticle(latest, site.publicUrl, { headingLink: true })}`
    : `<h1>${esc(site.siteName ?? 'Briefing')}</h1><p>No issue has been published yet.</p>`
  const others = recent.filter((r) => r.slug !== latest?.slug)
  return renderPage({
    ...site,
    title: site.siteName ?? 'Briefing',
    description: latest?.description || 'Weekly reports on Chinese politics, with the original texts.',
    canonical: `${site.publicUrl}/`,
    nav: 'home',
    body: `${body}
${subscribeForm}
${others.length ? `<section aria-labelledby="recent-title"><h2 id="recent-title">Recent issues</h2>${issueList(others, site)}<p><a href="/archive">All issues</a></p></section>` : ''}
${otherPublications(more, site)}`,
  })
}

export function renderArchive(issues: IssueSummary[], site: Site, more?: OtherPublications): string {
  const years = new Map<string, Map<number, IssueSummary[]>>()
  for (const i of issues) {
    const year = i.periodEnd.slice(0, 4) || 'Undated'
    const vols = years.get(year) ?? new Map<number, IssueSummary[]>()
    vols.set(i.volume, [...(vols.get(i.volume) ?? []), i])
    years.set(year, vols)
  }
  const body = [...years]
    .map(
      ([year, vols]) =>
        `<section aria-labelledby="y${esc(year)}"><h2 id="y${esc(year)}">${esc(year)}</h2>${[...vols]
          .map(([vol, list]) => `<h3>Volume ${esc(vol)}</h3>${issueList(list, site)}`)
          .join('')}</section>`,
    )
    .join('\n')
  return renderPage({
    ...site,
    title: 'Archive',
    description: 'Every published weekly report, by year and volume; special issues and translations.',
    canonical: `${site.publicUrl}/archive`,
    nav: 'archive',
    body: `<h1>Archive</h1>${body || '<p>No issue has been published yet.</p>'}${otherPublications(more, site)}`,
  })
}

/** An item outside its issue page: issue and section first, then the item. */
export function renderListedItem(item: ItemView, site: Site): string {
  const mode: InlineMode = { terms: 'tooltip', publicUrl: site.publicUrl }
  const context = `<p class="kicker">${link(item.issue.url, site, item.issue.label)} · ${link(item.section.url, site, item.section.name)}</p>`
  if (item.headline)
    return renderFullItem(item, mode)
      .replace('<article class="item"', '<article class="item listed"')
      .replace('>\n<h3>', `>\n${context}\n<h3>`)
  return `<article class="item listed" id="${esc(item.anchor)}">${context}${renderBlocks(item.body, { ...mode, idPrefix: `tip-${item.anchor}` }, item.date ? `<time class="date" datetime="${esc(item.date)}">${esc(item.dateLabel)}</time> ` : '')}<p class="meta">${link(item.permalink, site, 'Permalink')}</p></article>`
}

const pager = (paging: Paging, path: string) => {
  if (paging.pages <= 1) return ''
  const href = (p: number) => (p === 1 ? path : `${path}?page=${p}`)
  const prev = paging.page > 1 ? `<a rel="prev" href="${esc(href(paging.page - 1))}">← Newer</a>` : '<span></span>'
  const next =
    paging.page < paging.pages ? `<a rel="next" href="${esc(href(paging.page + 1))}">Older →</a>` : '<span></span>'
  return `<nav class="pager" aria-label="Pages">${prev}<span>Page ${paging.page} of ${paging.pages}</span>${next}</nav>`
}

export function renderSectionPage(
  section: { name: string; slug: string; description: string | null },
  items: ItemView[],
  paging: Paging,
  site: Site,
): string {
  const path = `/sections/${encodeURIComponent(section.slug)}`
  return renderPage({
    ...site,
    title: paging.page > 1 ? `${section.name} (page ${paging.page})` : section.name,
    description: section.description || `Every published item of the ${section.name} section, newest first.`,
    canonical: `${site.publicUrl}${path}${paging.page > 1 ? `?page=${paging.page}` : ''}`,
    body: `<h1>${esc(section.name)}</h1>${section.description ? `<p>${esc(section.description)}</p>` : ''}<p class="meta">${paging.total} published item${paging.total === 1 ? '' : 's'}, newest first.</p>
${items.map((i) => renderListedItem(i, site)).join('\n') || '<p>Nothing published yet.</p>'}
${pager(paging, path)}`,
  })
}

export type TermEntry = TermView & { aliases: string[] }

export function renderGlossary(terms: TermEntry[], site: Site): string {
  const groups = new Map<string, TermEntry[]>()
  for (const t of [...terms].sort((a, b) => a.english.localeCompare(b.english, 'en', { sensitivity: 'base' }))) {
    const letter = /[a-z]/i.test(t.english[0] ?? '') ? t.english[0].toUpperCase() : '#'
    groups.set(letter, [...(groups.get(letter) ?? []), t])
  }
  const letters = `<nav class="letters" aria-label="Letters">${[...groups.keys()].map((l) => `<a href="#letter-${l === '#' ? 'other' : l}">${esc(l)}</a>`).join('')}</nav>`
  const sections = [...groups]
    .map(([l, list]) => {
      const id = `letter-${l === '#' ? 'other' : l}`
      const entries = list
        .map(
          (t) =>
            `<dt>${link(t.url, site, t.english)} ${zh(t.original)}${t.pinyin ? ` <i>${esc(t.pinyin)}</i>` : ''}</dt><dd>${t.definition ? esc(t.definition) : ''}${t.kind !== 'term' ? ` <span class="meta">(${esc(t.kind)})</span>` : ''}</dd>`,
        )
        .join('')
      return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(l)}</h2><dl class="glossary">${entries}</dl></section>`
    })
    .join('\n')
  return renderPage({
    ...site,
    title: 'Glossary',
    description: 'Chinese political terms and names with their English renderings, originals and pinyin.',
    canonical: `${site.publicUrl}/glossary`,
    nav: 'glossary',
    body: `<h1>Glossary</h1><p>Terms and names as the reports render them, with the originals.</p>${letters}${sections || '<p>No terms yet.</p>'}`,
  })
}

/** Translations and special-issue entries using a term ("Also used in"). */
function renderTermUses(uses: TermUse[]): string {
  if (!uses.length) return ''
  const row = (u: TermUse) =>
    `<li><a href="${esc(u.url)}">${esc(u.title)}</a>${u.context ? ` <span class="context">(${esc(u.context)})</span>` : ''}</li>`
  const part = (kind: TermUse['kind'], heading: string) => {
    const mine = uses.filter((u) => u.kind === kind)
    return mine.length ? `<h2>${heading}</h2>\n<ul class="term-uses">${mine.map(row).join('')}</ul>` : ''
  }
  return [part('translation', 'Translations using it'), part('special', 'In special issues')].filter(Boolean).join('\n')
}

export function renderTermPage(term: TermEntry, items: ItemView[], site: Site, uses: TermUse[] = []): string {
  const person = term.kind === 'person'
  const heading = person
    ? `Every published item mentioning ${term.english}, in date order`
    : `Items using “${term.english}”, in date order`
  return renderPage({
    ...site,
    title: `${term.english} (${term.original})`,
    description: term.definition || `${term.english} (${term.original}) in the weekly reports.`,
    canonical: term.url,
    nav: 'glossary',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': person ? 'Person' : 'DefinedTerm',
      name: term.english,
      alternateName: [term.original, ...(term.pinyin ? [term.pinyin] : []), ...term.aliases],
      description: term.definition ?? undefined,
      url: term.url,
    },
    body: `<article class="term-page"><h1>${esc(term.english)} ${zh(term.original)}</h1>
<dl>${term.pinyin ? `<dt>Pinyin</dt><dd>${esc(term.pinyin)}</dd>` : ''}<dt>Original</dt><dd>${zh(term.original)}</dd><dt>Kind</dt><dd>${esc(term.kind)}</dd>${term.aliases.length ? `<dt>Also rendered as</dt><dd>${term.aliases.map(esc).join(', ')}</dd>` : ''}</dl>
${term.definition ? `<p>${esc(term.definition)}</p>` : ''}
<h2>${esc(heading)}</h2>
${items.map((i) => renderListedItem(i, site)).join('\n') || '<p>No published item yet.</p>'}
${renderTermUses(uses)}
</article>`,
  })
}

export function renderSourcePage(
  source: SourceView & { kind: string | null },
  items: ItemView[],
  paging: Paging,
  site: Site,
): string {
  const path = `/sources/${encodeURIComponent(source.slug)}`
  return renderPage({
    ...site,
    title: source.name,
    description: `Items citing ${source.name}${source.originalName ? ` (${source.originalName})` : ''}, newest first.`,
    canonical: `${site.publicUrl}${path}${paging.page > 1 ? `?page=${paging.page}` : ''}`,
    body: `<h1>${esc(source.name)} ${zh(source.originalName)}</h1>
<p class="meta">${source.kind ? esc(source.kind) : ''}${source.homepage ? ` · <a href="${esc(source.homepage)}" rel="noopener noreferrer">Home page</a>` : ''}</p>
${items.map((i) => renderListedItem(i, site)).join('\n') || '<p>No published item cites this source yet.</p>'}
${pager(paging, path)}`,
  })
}

export function renderItemPage(item: ItemView, site: Site): string {
  const title = item.headline ?? `${item.section.name} ${item.dateLabel}`
  const mode: InlineMode = { terms: 'tooltip', publicUrl: site.publicUrl }
  const body = renderFullItem(
    { ...item, headline: item.headline ?? `${item.section.name}, ${item.dateLabel}` },
    mode,
    1,
  )
  return renderPage({
    ...site,
    title,
    description: item.text.replace(/\s+/g, ' ').slice(0, 300),
    canonical: item.permalink,
    ogType: 'article',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title.slice(0, 110),
      url: item.permalink,
      datePublished: item.date ?? undefined,
      dateModified: item.updatedAt,
      articleSection: item.section.name,
      isPartOf: { '@type': 'PublicationIssue', name: item.issue.label, url: item.issue.url },
      citation: item.sources.map((s) => s.name),
    },
    body: `<p class="kicker">${link(item.issue.url, site, item.issue.label)} · ${link(item.section.url, site, item.section.name)}</p>
${body.replace('<h1><a', '<h1><a aria-current="page"')}
<p><a href="${esc(localPath(`${item.issue.url}#${item.anchor}`, site.publicUrl))}">Read it in ${esc(item.issue.label)}</a></p>`,
  })
}

export function renderNotFound(site: Site, message = 'There is no published page at this address.'): string {
  return renderPage({
    ...site,
    title: 'Not found',
    description: message,
    canonical: `${site.publicUrl}/`,
    robots: 'noindex',
    body: `<h1>Not found</h1><p>${esc(message)}</p><p><a href="/">Latest issue</a> · <a href="/archive">Archive</a></p>`,
  })
}
