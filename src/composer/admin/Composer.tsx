'use client'
import { useDocumentDrawer } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import { richText } from '../../lib/richtext'
import { createItem, loadIssue, loadPeople, reuseInto, saveArrangement, updateItem } from './api'
import type { Person } from './CardWorkflow'
import { Board, placeOfMove } from './Board'
import {
  flatIds,
  moveCard,
  moveInList,
  toArrangement,
  toColumns,
  toHighlights,
  whereIs,
  type Card,
  type Column,
  type HighlightRow,
} from './model'
import { ScheduleSendPanel } from '../../newsletter/admin/ScheduleSendPanel'
import { PreflightPanel } from '../../preflight/admin/PreflightPanel'
import { markComposerSeen } from './OpenComposer'
import { OrderList } from './OrderList'
import { Preview } from './Preview'
import { composerCss } from './styles'

type State = { slug: string; columns: Column[]; highlights: HighlightRow[] }

/**
 * The composer of one issue: highlights, sections in reading order, their items as cards. Every move is
 * saved at once with one request (POST /api/issues/:id/arrange) and announced in a live region.
 */
export function Composer({ issueId }: { issueId: string }) {
  const [message, setMessage] = useState('')
  const [saving, setSaving] = useState(false)
  const [openId, setOpenId] = useState<string | undefined>(undefined)
  const { state, setState, version, setVersion, reload, latest } = useIssueArrangement(issueId, setMessage)
  const people = usePeople(setMessage)
  // Ids are opaque (numbers or strings); the generated types know only numbers.
  const [ItemDrawer, , { openDrawer }] = useDocumentDrawer({ collectionSlug: 'items', id: openId as unknown as number })
  useEffect(() => {
    if (openId) openDrawer()
  }, [openId, openDrawer])

  const run = async (what: string, work: () => Promise<unknown>) => {
    setSaving(true)
    setMessage(`${what} Saving…`)
    try {
      await work()
      setMessage(`${what} Saved.`)
      setVersion((v) => v + 1)
    } catch (err) {
      setMessage(`Not saved: ${(err as Error).message}`)
      await reload().catch(() => undefined)
    } finally {
      setSaving(false)
    }
  }
  const arrange = (columns: Column[], highlights: HighlightRow[], what: string) => {
    latest.current++
    setState((s) => (s ? { ...s, columns, highlights } : s))
    return run(what, () => saveArrangement(issueId, toArrangement(columns, highlights)))
  }

  if (!state) return <p role="status">{message || 'Loading the issue…'}</p>
  const { columns, highlights } = state

  const onMove = (from: number, to: number) => {
    const next = moveCard(columns, from, to)
    if (!next) return
    const id = flatIds(columns)[from].replace(/^item:/, '')
    const label = whereIs(columns, id)?.column.items.find((i) => i.id === id)?.label
    void arrange(next, highlights, `Moved “${label}” to ${placeOfMove(columns, from, to)}.`)
  }
  const actions = {
    onMove,
    onOpen: (id: string) => (id === openId ? openDrawer() : setOpenId(id)),
    onSaveLine: (id: string, line: string) => {
      const basedOn = columns.flatMap((c) => c.items).find((i) => i.id === id)?.updatedAt
      void run('Brief text changed.', () => updateItem(id, { body: richText(line) }, basedOn).then(reload))
    },
    // Assignee or status from the card: its error is shown on the card (thrown), then the card reloads.
    onSaveWorkflow: (card: Card, data: Record<string, unknown>) => saveWorkflow(card, data, setMessage, reload),
    onAdd: (column: Column) =>
      void run(`Added a draft ${column.style === 'brief' ? 'brief' : 'item'} at the end of ${column.name}.`, () =>
        createItem({
          issue: issueId,
          section: column.section,
          ...(column.style === 'brief' ? {} : { headline: 'New item' }),
        }).then(reload),
      ),
    onReuse: (reusePath: string, column: Column) =>
      void run(`Reused in ${column.name}.`, () => reuseInto(reusePath, issueId, column.section).then(reload)),
  }

  return (
    <div className="composer-root">
      <style>{composerCss}</style>
      <div className="composer">
        <div>
          <ArrangementLists columns={columns} highlights={highlights} arrange={arrange} />
          <Board columns={columns} issue={issueId} people={people} actions={actions} />
        </div>
        {/* Beside the board, not above it: a new message or preflight result never moves the cards. */}
        <ComposerSide issueId={issueId} slug={state.slug} version={version} message={message} saving={saving} />
      </div>
      <ItemDrawer onSave={() => void reload()} />
    </div>
  )
}

/** Assignee or status from a card, saved at once; on a refusal the message shows and the board reloads. */
async function saveWorkflow(
  card: Card,
  data: Record<string, unknown>,
  setMessage: (message: string) => void,
  reload: () => Promise<void>,
): Promise<void> {
  const what = 'status' in data ? `Status of “${card.label}” changed.` : `Assignee of “${card.label}” changed.`
  setMessage(`${what} Saving…`)
  try {
    await updateItem(card.id, data, card.updatedAt)
  } catch (err) {
    setMessage(`Not saved: ${(err as Error).message}`)
    await reload().catch(() => undefined)
    throw err
  }
  await reload()
  setMessage(`${what} Saved.`)
}

/**
 * The issue's arrangement, loaded and reloaded. Every load and every move takes a number (`latest`); a
 * load whose answer comes back after a newer load or move started is stale and dropped (a slow load used
 * to put a card back where it was before the move).
 */
function useIssueArrangement(issueId: string, setMessage: (message: string) => void) {
  const [state, setState] = useState<State | null>(null)
  const [version, setVersion] = useState(0)
  const latest = useRef(0)
  const reload = useCallback(async () => {
    const mine = ++latest.current
    const { issue, items, sections } = await loadIssue(issueId)
    if (mine !== latest.current) return
    const columns = toColumns(issue, items, sections)
    setState({ slug: String(issue.slug ?? ''), columns, highlights: toHighlights(issue, columns, items) })
    setVersion((v) => v + 1)
  }, [issueId])
  // Seen once in this tab: the Edit tab of this issue now opens the edit view and stays there.
  useEffect(() => markComposerSeen(issueId), [issueId])
  useEffect(() => {
    reload().catch((err: Error) => setMessage(`Could not load the issue: ${err.message}`))
  }, [reload, setMessage])
  return { state, setState, version, setVersion, reload, latest }
}

/** The people an item may be assigned to. */
function usePeople(setMessage: (message: string) => void): Person[] {
  const [people, setPeople] = useState<Person[]>([])
  useEffect(() => {
    loadPeople()
      .then(setPeople)
      .catch((err: Error) => setMessage(`Could not load the people to assign: ${err.message}`))
  }, [setMessage])
  return people
}

/** The highlights and the sections, each an ordered list whose rows move. */
function ArrangementLists(props: {
  columns: Column[]
  highlights: HighlightRow[]
  arrange: (columns: Column[], highlights: HighlightRow[], what: string) => Promise<void>
}) {
  const { columns, highlights, arrange } = props
  return (
    <>
      <h2>Highlights</h2>
      {highlights.length ? (
        <OrderList
          name="Highlights in order"
          rows={highlights.map((h) => ({ id: h.id, label: h.text || 'Empty highlight', detail: h.target }))}
          onMove={(from, to) =>
            void arrange(columns, moveInList(highlights, from, to), `Highlight moved to position ${to + 1}.`)
          }
        />
      ) : (
        <p className="composer-muted">No highlights yet (add them in the Edit tab).</p>
      )}
      <h2>Sections in reading order</h2>
      <OrderList
        name="Sections in reading order"
        rows={columns.map((c) => ({ id: c.section, label: c.name, detail: `${c.items.length} items` }))}
        onMove={(from, to) =>
          void arrange(
            moveInList(columns, from, to),
            highlights,
            `Section ${columns[from].name} moved to position ${to + 1}.`,
          )
        }
      />
    </>
  )
}

/** Beside the board: the status line, the preflight, the scheduled sends and the preview. */
function ComposerSide(props: { issueId: string; slug: string; version: number; message: string; saving: boolean }) {
  const { issueId, version } = props
  return (
    <div className="composer-side">
      <p className="composer-live" role="status" aria-live="polite" data-saving={props.saving ? 'true' : 'false'}>
        {props.message}
      </p>
      <section aria-label="Preflight">
        <PreflightPanel issueId={issueId} refreshKey={version} />
      </section>
      <section aria-label="Scheduled sends">
        <ScheduleSendPanel issueId={issueId} />
      </section>
      <Preview slug={props.slug} issue={issueId} version={version} />
    </div>
  )
}
