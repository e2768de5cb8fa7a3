import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { artifactPath, launchBrowser } from '../helpers/browser'
import { baseUrl, signInThroughForm, userToken } from '../helpers/e2e'

/** Scheduling and cancelling a send from the issue sidebar, in the editor's own time zone. */
type Browser = Awaited<ReturnType<typeof launchBrowser>>
let browser: Browser
let editor: { email: string; password: string; token: string }
let issueId: number

const api = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(`${baseUrl()}/api${url}`, {
    method,
    headers: { authorization: `JWT ${editor.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> }
}

beforeAll(async () => {
  editor = await userToken('editor')
  const created = await api('POST', '/issues?draft=true', { volume: 77, _status: 'draft' })
  issueId = (created.body.doc as { id: number }).id
  browser = await launchBrowser({ timezoneId: 'Asia/Shanghai' })
}, 120_000)
afterAll(async () => {
  await browser?.cleanup()
})

describe('scheduled sends in the issue sidebar', () => {
  it('shows the editor’s zone, stores the chosen local time in UTC, and cancels', async () => {
    // Two days ahead, 09:30 in Shanghai (UTC+8, no daylight saving) = 01:30 UTC the same day.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() + 2 * 86_400_000)
    const page = await signInThroughForm(browser, editor)
    await page.goto(`${baseUrl()}/admin/collections/issues/${issueId}`)
    const panel = page.getByTestId('schedule-send')
    await panel.waitFor({ timeout: 120_000 })
    await expect(panel.getByTestId('schedule-zone').textContent()).resolves.toBe('Asia/Shanghai')
    await panel.getByLabel('Scheduled time').fill(`${day}T09:30`)
    await panel.getByRole('button', { name: 'Schedule', exact: true }).click()
    // The panel answers "Scheduled." and lists it (the admin may re-render the sidebar meanwhile: the
    // panel then loads the schedules again).
    const pending = panel.getByTestId('schedule-pending')
    await pending.waitFor({ timeout: 120_000 })
    await page.screenshot({ path: artifactPath('63-scheduled-send.png'), fullPage: true })
    const text = (await pending.textContent()) ?? ''
    expect(text).toMatch(/^Publish and send at /)
    expect(text).toMatch(/9:30/)
    expect(text).toMatch(/GMT\+8/)
    expect(text).toContain(`scheduled by ${editor.email}`)

    const listed = await api('GET', `/issues/${issueId}/schedule-send`)
    expect(listed.body.docs).toEqual([
      expect.objectContaining({ at: `${day}T01:30:00.000Z`, action: 'publish-and-send', status: 'pending' }),
    ])

    await pending.getByRole('button', { name: 'Cancel' }).click()
    await pending.waitFor({ state: 'detached', timeout: 120_000 })
    const after = await api('GET', `/issues/${issueId}/schedule-send`)
    expect(after.body.docs).toEqual([expect.objectContaining({ status: 'cancelled' })])
  }, 300_000)
})
