import type { Endpoint } from 'payload'

import { endpoint, errorBody, readUpload, refusal } from '../lib/endpoint'
import { importFile } from './run'
import { describeRecognised } from './summary'

type Options = { dryRun?: unknown; publish?: unknown; issue?: unknown; section?: unknown }
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/**
 * POST /api/import (multipart: `file`, and `_payload` JSON {dryRun, publish, issue, section}):
 * the same import as the CLI, for editors and admins. Answers the recognised structure (dry run)
 * or what was written; 400 with the file and line for a file that is refused.
 */
export const importEndpoint: Endpoint = endpoint({
  path: '/import',
  method: 'post',
  role: 'editor',
  action: 'import reports',
  handler: async (req) => {
    await readUpload(req)
    const file = req.file
    if (!file?.data) throw refusal(400, 'Choose a file to import (form field "file").')
    const opts = (req.data ?? {}) as Options
    const result = await importFile(req.payload, file.name, file.data, {
      dryRun: opts.dryRun === true || opts.dryRun === 'true',
      publish: opts.publish === true || opts.publish === 'true',
      issue: text(opts.issue),
      section: text(opts.section),
      user: req.user,
      inWorker: true,
    })
    const { error, ...rest } = result
    const preview = rest.recognised ? describeRecognised(rest.recognised) : undefined
    // A refused file: the error shape, with what was recognised of it beside the message.
    if (error) return Response.json({ ...rest, preview, ...errorBody(error) }, { status: 400 })
    return Response.json({ ...rest, preview }, { status: result.ok ? 200 : 400 })
  },
})
