import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { hasEditorRole } from '../access'
import { importFile } from './run'
import { describeRecognised } from './summary'

type Options = { dryRun?: unknown; publish?: unknown; issue?: unknown; section?: unknown }
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/**
 * POST /api/import (multipart: `file`, and `_payload` JSON {dryRun, publish, issue, section}):
 * the same import as the CLI, for editors and admins. Answers the recognised structure (dry run)
 * or what was written; 400 with the file and line for a file that is refused.
 */
export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: 'Sign in to import reports.' }, { status: 401 })
    if (!hasEditorRole(req.user))
      return Response.json({ error: 'Only editors and admins can import reports.' }, { status: 403 })
    try {
      await addDataAndFileToRequest(req)
    } catch (err) {
      return Response.json({ error: `Could not read the upload: ${(err as Error).message}` }, { status: 400 })
    }
    const file = req.file
    if (!file?.data) return Response.json({ error: 'Choose a file to import (form field "file").' }, { status: 400 })
    const opts = (req.data ?? {}) as Options
    const result = await importFile(req.payload, file.name, file.data, {
      dryRun: opts.dryRun === true || opts.dryRun === 'true',
      publish: opts.publish === true || opts.publish === 'true',
      issue: text(opts.issue),
      section: text(opts.section),
      user: req.user,
      inWorker: true,
    })
    const preview = result.recognised ? describeRecognised(result.recognised) : undefined
    const errors = result.error ? [{ message: result.error }] : undefined
    return Response.json({ ...result, preview, errors }, { status: result.ok ? 200 : 400 })
  },
}
