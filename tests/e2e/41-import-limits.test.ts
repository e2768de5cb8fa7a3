import { describe, expect, it } from 'vitest'

import { baseUrl, userToken } from '../helpers/e2e'
import { docxBomb, docxOfManyParts } from '../helpers/zip'

const upload = (name: string, data: Buffer, token: string) => {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(data)]), name)
  body.append('_payload', JSON.stringify({ dryRun: true }))
  return fetch(`${baseUrl()}/api/import`, { method: 'POST', body, headers: { authorization: `JWT ${token}` } })
}

/** Ask /healthz one request after another until `done` settles; the slowest answer in ms. */
async function slowestHealthz(done: Promise<unknown>): Promise<{ slowest: number; answers: number }> {
  let finished = false
  void done.finally(() => (finished = true))
  let slowest = 0
  let answers = 0
  while (!finished) {
    const started = performance.now()
    const res = await fetch(`${baseUrl()}/healthz`)
    await res.text()
    expect(res.status).toBe(200)
    slowest = Math.max(slowest, performance.now() - started)
    answers++
    await new Promise((r) => setTimeout(r, 20))
  }
  return { slowest, answers }
}

/** DOCX zip bombs through the admin import endpoint: refused with a message while the server keeps answering. */
describe('POST /api/import with a zip bomb', () => {
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
    it(`${name} (${Math.round(data.length / 1024)} KB): 400 with a clear message, /healthz within 100 ms throughout`, async () => {
      const editor = await userToken('editor')
      await fetch(`${baseUrl()}/healthz`)
      const answer = upload(name, data, editor.token)
      const health = await slowestHealthz(answer)
      const res = await answer
      expect(res.status).toBe(400)
      const body = (await res.json()) as { errors: Array<{ message: string }> }
      expect(body.errors).toEqual([{ message }])
      expect(health.answers).toBeGreaterThan(0)
      expect(health.slowest).toBeLessThan(100)
    })
  }
})
