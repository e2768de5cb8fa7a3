import { Gutter } from '@payloadcms/ui'
import type { DocumentViewServerProps } from 'payload'
import React from 'react'

import { hasStaffRole } from '../../access'
import { redline } from '../../content/redline'
import { LEGEND, redlineRowsHtml } from '../../../templates/web/editions'
import { comparables, pickPair, type Comparable } from '../compare'

/** The same marks as the public page: struck through, underlined, hidden words for screen readers. */
const STYLE = `.compare-redline del { text-decoration: line-through; text-decoration-thickness: 2px; background: rgba(200, 0, 0, 0.12); }
.compare-redline ins { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; background: rgba(0, 140, 0, 0.12); }
.compare-redline .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.compare-redline .redline-row { border-top: 1px solid var(--theme-elevation-150); padding: 4px 0; }
.compare-redline .moved-note { font-weight: 600; }
.compare-form { display: flex; gap: 16px; flex-wrap: wrap; align-items: end; margin-bottom: 16px; }
.compare-form label { display: flex; flex-direction: column; gap: 4px; }`

const param = (value: unknown) => (typeof value === 'string' ? value : undefined)

function Picker({ name, label, all, chosen }: { name: string; label: string; all: Comparable[]; chosen: string }) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={chosen}>
        {all.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * The Compare tab of a translation (/admin/collections/translations/:id/compare): any two editions
 * or saved versions side by side as one redline (the public page's engine: <del>/<ins>, legend,
 * renumbered and moved provisions). A plain GET form: the choice is in the address, so it can be shared.
 */
export async function CompareView(props: DocumentViewServerProps) {
  const id = props.doc?.id ?? props.routeSegments?.[2]
  const req = props.initPageResult.req
  const all = id && hasStaffRole(req.user) ? await comparables(req.payload, id, req.user) : null
  const pair = all ? pickPair(all, param(props.searchParams?.a), param(props.searchParams?.b)) : null
  return (
    <Gutter>
      <h1 style={{ margin: '16px 0' }}>Compare</h1>
      <style>{STYLE}</style>
      {!all ? (
        <p>Save the translation first; then compare its editions and saved versions here.</p>
      ) : !pair ? (
        <p>There is nothing to compare yet: add a second edition, or save the translation again.</p>
      ) : (
        <>
          <form method="get" className="compare-form" aria-label="Choose what to compare">
            <Picker name="a" label="From" all={all} chosen={pair[0].value} />
            <Picker name="b" label="To" all={all} chosen={pair[1].value} />
            <button type="submit" className="btn btn--style-secondary btn--size-small">
              Compare
            </button>
          </form>
          <section className="compare-redline" aria-labelledby="compare-title">
            <h2 id="compare-title">
              Changes from {pair[0].label} to {pair[1].label}
            </h2>
            <div
              dangerouslySetInnerHTML={{ __html: `${LEGEND}\n${redlineRowsHtml(redline(pair[0].text, pair[1].text))}` }}
            />
          </section>
        </>
      )}
    </Gutter>
  )
}
