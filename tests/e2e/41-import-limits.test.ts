import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { baseUrl, userToken } from '../helpers/e2e'
import { expectResponsive, healthz, healthzWhile } from '../helpers/healthz'
import { docxBomb, docxOfManyParts } from '../helpers/zip'

const upload = (name: string, data: Buffer, token: string) => {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(data)]), name)
  body.append('_payload', JSON.stringify({ dryRun: true }))
  return fetch(`${baseUrl()}/api/import`, { method: 'POST', body, headers: { authorization: `JWT ${token}` } })
}

/**
 * Precondition: the dev server is idle (no first compile or background work left from earlier files),
 * i.e. ten answers in a row within the bound, before the upload starts.
 */
async function idle(): Promise<void> {
  const deadline = Date.now() + 60_000
  for (let fast = 0; fast < 10;) {
    if (Date.now() > deadline) throw new Error('/healthz is not answering within 100 ms even when idle')
    fast = (await healthz()) < 100 ? fast + 1 : 0
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** DOCX zip bombs through the admin import endpoint: refused with a message while the server keeps answering. */
describe('POST /api/import with a zip bomb', () => {
  it('a real Word report still reads through the parse thread (and the route is compiled before timing)', async () => {
    const editor = await userToken('editor')
    const docx = fs.readFileSync(path.resolve('tests/fixtures/import/weekly-report-4-69.docx'))
    const res = await upload('weekly-report-4-69.docx', docx, editor.token)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { preview: string }).preview).toContain('issue 4-69')
  })

  const cases: Array<[string, Buffer, string]> = [
    ['bomb.docx', docxBomb(300), 'bomb.docx: the Word file expands to more than 64 MB; it is refused (a zip bomb?)'],
    [
      'liar.docx',
      docxBomb(1500, 1000),
      'liar.docx: the Word file expands to more than 64 MB; it is refused (a zip bomb?)',
    ],
    ['parts.docx', docxOfManyParts(3000), 'parts.docx: the Word file has 3001 parts; at most 2000 are accepted'],
  ]
  for (const [name, data, message] of cases) {
    it(`${name} (${Math.round(data.length / 1024)} KB): 400 with a clear message, /healthz keeps answering (median within 100 ms, all within 1 s)`, async () => {
      const editor = await userToken('editor')
      await idle()
      const answer = upload(name, data, editor.token)
      const times = await healthzWhile(answer)
      const res = await answer
      expect(res.status).toBe(400)
      const body = (await res.json()) as { errors: Array<{ message: string }> }
      expect(body.errors).toEqual([{ message }])
      expectResponsive(times)
    })
  }
})
