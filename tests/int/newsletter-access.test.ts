import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { newsletterEndpoints } from '../../src/newsletter/endpoints'
import { findIssue } from '../../src/newsletter/campaign'
import { seed } from '../../src/seed'
import { bootPayload, makeUser, type TestPayload } from '../helpers/payload'

let t: TestPayload
type User = Awaited<ReturnType<typeof makeUser>>
let editor: User
let contributor: User

/** Call a newsletter endpoint as Payload would, with a real request object for the user. */
async function call(
  pathPattern: string,
  method: string,
  user: User | null,
  params: Record<string, string>,
  body?: unknown,
) {
  const endpoint = newsletterEndpoints.find((e) => e.path === pathPattern && e.method === method)!
  const req = (await createLocalReq({ user: user ?? undefined }, t.payload)) as PayloadRequest
  req.routeParams = params
  req.json = async () => body ?? {}
  Object.defineProperty(req, 'searchParams', { value: new URLSearchParams(), configurable: true })
  return endpoint.handler(req)
}

beforeAll(async () => {
  t = await bootPayload('newsletter-access')
  await seed(t.payload)
  editor = await makeUser(t.payload, 'editor')
  contributor = await makeUser(t.payload, 'contributor')
  for (const email of ['a@example.com', 'b@example.com']) {
    await t.payload.create({ collection: 'subscribers', data: { email, status: 'active' }, overrideAccess: true })
  }
})
afterAll(async () => {
  await t?.close()
})

describe('who may send', () => {
  it('refuses a contributor (403) and the public (401); nothing is created', async () => {
    const issue = (await findIssue(t.payload, '3-9'))!
    const asContributor = await call(
      '/newsletter/issues/:issue/send',
      'post',
      contributor,
      { issue: String(issue.id) },
      { confirmRecipients: 2 },
    )
    expect(asContributor.status).toBe(403)
    const anonymous = await call(
      '/newsletter/issues/:issue/send',
      'post',
      null,
      { issue: String(issue.id) },
      { confirmRecipients: 2 },
    )
    expect(anonymous.status).toBe(401)
    for (const [path, method] of [
      ['/newsletter/issues/:issue/test', 'post'],
      ['/newsletter/subscribers/import', 'post'],
      ['/newsletter/subscribers/export', 'get'],
      ['/newsletter/campaigns/:campaign/:action', 'post'],
    ]) {
      expect(
        (
          await call(
            path,
            method,
            contributor,
            { issue: String(issue.id), campaign: '1', action: 'retry-failed' },
            { email: 'x@example.com', csv: 'e@example.com' },
          )
        ).status,
      ).toBe(403)
    }
    expect((await t.payload.count({ collection: 'campaigns', overrideAccess: true })).totalDocs).toBe(0)
    // Nor through the collections themselves.
    await expect(
      t.payload.find({ collection: 'subscribers', user: contributor, overrideAccess: false }),
    ).rejects.toThrow(/not allowed/i)
    await expect(
      t.payload.create({
        collection: 'campaigns',
        data: { issue: issue.id, subject: 'x', status: 'sending' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/not allowed/i)
  })

  it('an editor must confirm the recipient count; a draft issue cannot be sent; a second send is refused', async () => {
    const issue = (await findIssue(t.payload, '3-9'))!
    const draft = (await findIssue(t.payload, '3-10'))!
    const wrong = await call(
      '/newsletter/issues/:issue/send',
      'post',
      editor,
      { issue: String(issue.id) },
      { confirmRecipients: 5 },
    )
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/2 recipients/), data: { audience: 2 } }],
    })
    const notPublished = await call(
      '/newsletter/issues/:issue/send',
      'post',
      editor,
      { issue: String(draft.id) },
      { confirmRecipients: 2 },
    )
    expect(notPublished.status).toBe(409)
    // The imported fixture's items are not approved: the editor overrides the preflight (publish-gate.test.ts).
    const ok = await call(
      '/newsletter/issues/:issue/send',
      'post',
      editor,
      { issue: String(issue.id) },
      { confirmRecipients: 2, override: { reason: 'Access test' } },
    )
    expect(ok.status).toBe(202)
    expect(await ok.json()).toMatchObject({ campaign: { status: 'sending', total: 2, pending: 2 } })
    const twice = await call(
      '/newsletter/issues/:issue/send',
      'post',
      editor,
      { issue: String(issue.id) },
      { confirmRecipients: 2 },
    )
    expect(twice.status).toBe(409)
  })

  it('shows staff the size and audience, and previews HTML and text', async () => {
    const issue = (await findIssue(t.payload, '3-9'))!
    const status = await call('/newsletter/issues/:issue/status', 'get', contributor, { issue: String(issue.id) })
    expect(status.status).toBe(200)
    expect(await status.json()).toMatchObject({
      audience: 2,
      size: { format: 'full', htmlBytes: expect.any(Number) },
      canSend: false,
    })
    const preview = await call('/newsletter/issues/:issue/preview', 'get', editor, { issue: String(issue.id) })
    expect(preview.headers.get('content-type')).toContain('text/html')
    expect(await preview.text()).toContain('Weekly Report 3|9')
  })
})
