/** Static assets of the public site: one stylesheet (screen, dark, print) and one small script. */

const CJK_FONTS = `"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`

export const siteCss = `
:root { --fg: #1b1b1b; --muted: #595959; --bg: #ffffff; --panel: #f4f4f2; --line: #d6d6d2; --link: #0b4fb3; --accent: #8a1c1c; --tip-bg: #1b1b1b; --tip-fg: #ffffff;
  color-scheme: light dark; font-family: "Source Serif Pro", Georgia, "Times New Roman", ${CJK_FONTS}; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e9e9e6; --muted: #b4b4ae; --bg: #141414; --panel: #1f1f1e; --line: #3a3a38; --link: #8cb8ff; --accent: #ff9c8f; --tip-bg: #f0f0ee; --tip-fg: #141414; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: var(--bg); font-size: 1.0625rem; line-height: 1.6; overflow-wrap: anywhere; }
:lang(zh-Hans) { font-family: ${CJK_FONTS}; font-style: normal; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, main:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
main:focus { outline: none; }
.wrap { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -10000px; top: 0; background: var(--bg); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; }
.visually-hidden, .hp { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
header.site { border-bottom: 1px solid var(--line); margin-bottom: 1.5rem; }
header.site .wrap { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: baseline; justify-content: space-between; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.brand { font-weight: 700; font-size: 1.25rem; color: var(--fg); text-decoration: none; letter-spacing: 0.02em; }
header.site nav { display: flex; flex-wrap: wrap; gap: 1rem; font-family: system-ui, sans-serif; font-size: 0.95rem; }
header.site nav a[aria-current] { color: var(--fg); font-weight: 600; }
footer.site { border-top: 1px solid var(--line); margin-top: 3rem; padding: 1rem 0 2rem; color: var(--muted); font-family: system-ui, sans-serif; font-size: 0.9rem; }
h1, h2, h3, h4 { line-height: 1.25; }
h1 { font-size: 2rem; margin: 0 0 0.25rem; }
.issue-head { margin-bottom: 1.5rem; }
.period, .meta, .item-meta, .kicker { font-family: system-ui, sans-serif; color: var(--muted); font-size: 0.95rem; margin: 0.25rem 0; }
.updated { color: var(--accent); font-weight: 600; }
.highlights { background: var(--panel); border-left: 4px solid var(--accent); padding: 0.75rem 1.25rem; margin: 1.5rem 0; }
.highlights ul { padding-left: 1.1rem; margin: 0; }
.highlights li { margin: 0.5rem 0; }
.highlights li p { margin: 0; }
.see { white-space: nowrap; }
.toc { font-family: system-ui, sans-serif; font-size: 0.95rem; border: 1px solid var(--line); padding: 0.5rem 1.25rem; margin: 1.5rem 0; }
.toc h2 { font-size: 1rem; margin: 0.5rem 0; }
.toc ol { margin: 0 0 0.5rem; padding-left: 1.25rem; }
.toc ul { margin: 0.25rem 0; padding-left: 1rem; font-size: 0.9rem; }
.section > h2 { font-size: 1.5rem; border-bottom: 2px solid var(--fg); padding-bottom: 0.25rem; margin-top: 2.5rem; scroll-margin-top: 1rem; }
.item { margin: 1.5rem 0 2rem; scroll-margin-top: 1rem; }
.item h3 { font-size: 1.2rem; margin: 0 0 0.25rem; }
.item h3 a { color: var(--fg); text-decoration: none; }
.item h3 a:hover, .item h3 a:focus-visible { text-decoration: underline; }
.date { font-weight: 700; font-family: system-ui, sans-serif; font-variant-numeric: tabular-nums; }
.briefs { list-style: none; padding: 0; }
.brief { margin: 0.75rem 0; scroll-margin-top: 1rem; }
.brief p { margin: 0; }
.permalink { font-family: system-ui, sans-serif; font-size: 0.85rem; text-decoration: none; margin-left: 0.25rem; }
.original-title, .excerpt { color: var(--muted); }
.excerpt { border-left: 3px solid var(--line); margin: 0.75rem 0; padding: 0.25rem 0 0.25rem 1rem; }
.credit { font-style: italic; color: var(--muted); font-size: 0.95rem; }
.related { font-family: system-ui, sans-serif; font-size: 0.95rem; border-top: 1px dotted var(--line); margin-top: 0.75rem; }
.related h4 { margin: 0.5rem 0 0.25rem; font-size: 0.95rem; }
.term { position: relative; }
.term > a { color: inherit; text-decoration: underline dotted var(--link); text-decoration-thickness: 2px; }
.term dfn { font-style: normal; }
.term-tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 5; width: max-content; max-width: min(22rem, 80vw); background: var(--tip-bg); color: var(--tip-fg); padding: 0.5rem 0.75rem; border-radius: 4px; font: 0.875rem/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgb(0 0 0 / 30%); }
.term:hover .term-tip, .term:focus-within .term-tip { display: block; }
.term.tip-closed .term-tip { display: none; }
.issue-nav { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; border-top: 1px solid var(--line); margin-top: 2.5rem; padding-top: 1rem; font-family: system-ui, sans-serif; }
.cover { margin: 1rem 0; }
.cover img { max-width: 100%; height: auto; display: block; }
.cover figcaption { color: var(--muted); font-size: 0.9rem; font-family: system-ui, sans-serif; }
.list { padding-left: 1.25rem; }
.list li { margin: 0.35rem 0; }
.letters { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; font-family: system-ui, sans-serif; }
.glossary dt { font-weight: 700; margin-top: 1rem; }
.glossary dd { margin: 0.25rem 0 0 0; }
.pager { display: flex; gap: 1rem; justify-content: space-between; font-family: system-ui, sans-serif; margin-top: 2rem; }
.subscribe { background: var(--panel); padding: 1rem 1.25rem; margin: 2rem 0; font-family: system-ui, sans-serif; }
.subscribe h2 { margin-top: 0; font-size: 1.2rem; }
.subscribe form { display: grid; gap: 0.5rem; max-width: 24rem; }
.subscribe input { font: inherit; padding: 0.5rem; border: 1px solid var(--muted); border-radius: 3px; background: var(--bg); color: var(--fg); width: 100%; }
.subscribe button { font: inherit; padding: 0.5rem 1rem; border: 0; border-radius: 3px; background: var(--link); color: var(--bg); cursor: pointer; justify-self: start; }
.bilingual-row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; border-top: 1px solid var(--line); padding: 0.5rem 0; }
.bilingual-row .empty { min-height: 0; }
@media (max-width: 43.75rem) { .bilingual-row { grid-template-columns: 1fr; } .bilingual-row .zh:not(.empty) { border-left: 3px solid var(--line); padding-left: 0.75rem; } }
del { text-decoration: line-through; text-decoration-thickness: 2px; } ins { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.legend { background: var(--panel); padding: 0.5rem 0.75rem; font-family: system-ui, sans-serif; }
.redline-row { border-top: 1px solid var(--line); padding: 0.25rem 0; } .moved-note { font-weight: 600; }
.preview-banner { background: #fff3c4; color: #3d2e00; padding: 0.5rem 1rem; font-family: system-ui, sans-serif; border: 1px solid #d9b200; margin-bottom: 1rem; }
@media (max-width: 30rem) { body { font-size: 1rem; } h1 { font-size: 1.6rem; } .highlights { padding: 0.5rem 0.75rem; } }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #333; --link: #000; }
  header.site nav, footer.site, .toc, .subscribe, .issue-nav, .skip, .term-tip, .permalink, .pager, .preview-banner { display: none !important; }
  body { font-size: 11pt; }
  .wrap { max-width: none; padding: 0; }
  a { color: #000; text-decoration: none; }
  .item, .brief, .highlights li { break-inside: avoid; }
  .section > h2 { break-after: avoid; }
  .highlights { border: 0; padding: 0; background: none; }
}
`

/** Tooltips: Escape closes the open one (WCAG 1.4.13); reopen on the next hover or focus. */
export const siteJs = `(() => {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return
    document.querySelectorAll('.term').forEach((t) => t.classList.add('tip-closed'))
  })
  const reopen = (e) => { const t = e.target.closest && e.target.closest('.term'); if (t) t.classList.remove('tip-closed') }
  document.addEventListener('focusin', reopen)
  document.addEventListener('mouseover', reopen)
})()
`

/**
 * Live preview: refresh the <main> of a preview page when the admin posts a Payload live-preview
 * message (unsaved form data is rendered server-side), after each save (payload-document-event),
 * or when the server reports a newer version (edits made elsewhere, e.g. an item's headline).
 */
export const previewJs = `(() => {
  const s = document.currentScript
  const url = s.dataset.url, versionUrl = s.dataset.version
  let version = s.dataset.current, timer = null, busy = false
  const swap = async (res) => {
    if (!res.ok) return
    const html = await res.text()
    const doc = new DOMParser().parseFromString(html, 'text/html')
    const main = doc.querySelector('main')
    if (main) { document.querySelector('main').innerHTML = main.innerHTML; document.title = doc.title }
    document.documentElement.dataset.previewRefreshed = String(Date.now())
  }
  const refetch = async (data) => {
    if (busy) return
    busy = true
    try {
      const res = data
        ? await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) })
        : await fetch(url, { credentials: 'same-origin' })
      await swap(res)
    } finally { busy = false }
  }
  window.addEventListener('message', (e) => {
    if (e.origin !== location.origin || !e.data || typeof e.data !== 'object') return
    if (e.data.type === 'payload-live-preview' && e.data.collectionSlug === 'issues') {
      clearTimeout(timer); timer = setTimeout(() => refetch(e.data.data), 300)
    } else if (e.data.type === 'payload-document-event') {
      clearTimeout(timer); timer = setTimeout(() => refetch(), 300)
    }
  })
  setInterval(async () => {
    try {
      const res = await fetch(versionUrl, { credentials: 'same-origin', cache: 'no-store' })
      if (!res.ok) return
      const { version: v } = await res.json()
      if (v !== version) { version = v; await refetch() }
    } catch { /* offline: try again */ }
  }, 1500)
})()
`

/** The site's icon (tab, bookmarks): a "B" on the accent colour. Also answered at /favicon.ico. */
export const siteIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8a1c1c"/><text x="16" y="23" font-family="Georgia, serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">B</text></svg>
`
