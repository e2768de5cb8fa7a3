import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from '../../src/lib/richtext'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'
import { startWebApp } from './web-support'

/** The admin's live preview of a special issue shows it as its page will: dated groups and entries. */
let t: TestPayload
let web: { url: string; close: () => Promise<void> }
let token: string

beforeAll(async () => {
  t = await bootPayload('special-preview')
  web = await startWebApp(t.payload)
  const editor = await makeUser(t.payload, 'editor', 'preview-editor@example.com')
  token = (
    await t.payload.login({
      collection: 'users',
      data: { email: editor.email, password: 'correct-horse-battery' },
    })
  ).token as string
})
afterAll(async () => {
  await web?.close()
  await t?.close()
})

describe('live preview of a special issue', () => {
  it('renders the draft with its date headings and entries, marked as a preview', async () => {
    const issue = await t.payload.create({
      collection: 'issues',
      draft: true,
      data: {
        kind: 'special',
        title: 'China Insight',
        subtitle: 'Special Issue on the Annual Sessions',
        publisherLine: 'Published by the Research Desk',
        entryGroups: [
          { heading: 'March 5', entries: [{ headline: 'The plenary opens', body: richText('Delegates gathered.') }] },
          { heading: 'March 6', entries: [{ headline: 'Delegations meet', body: richText('Panel discussions.') }] },
        ],
        _status: 'draft',
      },
    })
    const res = await fetch(`${web.url}/preview/issues/${issue.slug}`, { headers: { authorization: `JWT ${token}` } })
    const html = await res.text()
    expect(res.status).toBe(200)
    for (const text of ['Special Issue on the Annual Sessions', 'March 5', 'The plenary opens', 'Delegations meet'])
      expect(html).toContain(text)
    expect(html).toContain('class="preview-banner"')
    expect(html).toMatch(/<meta name="robots" content="noindex/)
  })
})
