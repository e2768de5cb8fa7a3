import express from 'express'
import type { Payload } from 'payload'

import { serve } from '../int/web-support'
import { makeUser } from './payload'
import { mountPayloadApi } from './rest'

export type ImportAnswer = { status: number; body: Record<string, unknown> }

/**
 * Payload's REST API (POST /api/import among it) over real HTTP on loopback, and an upload as a
 * signed-in editor: `file` plus the `_payload` JSON fields.
 */
export async function serveImportApi(payload: Payload) {
  const app = express()
  await mountPayloadApi(app)
  const { url, close } = await serve(app)
  const editor = await makeUser(payload, 'editor')
  const { token } = await payload.login({
    collection: 'users',
    data: { email: editor.email, password: 'correct-horse-battery' },
  })
  const upload = async (name: string, data: Uint8Array | string, fields: Record<string, unknown>) => {
    const form = new FormData()
    form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), name)
    form.append('_payload', JSON.stringify(fields))
    const res = await fetch(`${url}/api/import`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}` },
      body: form,
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> } satisfies ImportAnswer
  }
  return { upload, close }
}
