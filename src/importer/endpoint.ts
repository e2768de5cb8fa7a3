import type { Endpoint } from 'payload'

import { endpoint, errorBody, readUpload, refusal } from '../lib/endpoint'
import { readCorrections } from './correct/corrections'
import { describeError, importFile } from './run'
import { describeRecognised } from './summary'
import { ImportError } from './types'

type Options = {
  dryRun?: unknown
  publish?: unknown
  issue?: unknown
  section?: unknown
  corrections?: unknown
  profile?: unknown
  saveProfile?: unknown
}
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/**
 * POST /api/import (multipart: `file`, and `_payload` JSON {dryRun, publish, issue, section,
 * corrections, profile, saveProfile}): the same import as the CLI, for editors and admins. Answers
 * the recognised structure (dry run) or what was written; 400 with the file and line for a file
 * that is refused. With corrections (the correction step) or an import profile the structure is
 * re-derived from them, for the preview and for the import alike; `saveProfile` saves them.
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
    let corrections
    try {
      corrections = readCorrections(opts.corrections)
    } catch (err) {
      const message = err instanceof SyntaxError ? 'corrections must be a list (JSON)' : (err as Error).message
      throw refusal(400, describeError(file.name, new ImportError(message)))
    }
    const result = await importFile(req.payload, file.name, file.data, {
      dryRun: opts.dryRun === true || opts.dryRun === 'true',
      publish: opts.publish === true || opts.publish === 'true',
      issue: text(opts.issue),
      section: text(opts.section),
      user: req.user,
      inWorker: true,
      corrections,
      profile: text(opts.profile),
      saveProfile: text(opts.saveProfile),
    })
    const { error, ...rest } = result
    const applied = rest.profile ? `profile "${rest.profile}" applied\n` : ''
    const preview = rest.recognised ? applied + describeRecognised(rest.recognised) : undefined
    // A refused file: the error shape, with what was recognised of it beside the message.
    if (error) return Response.json({ ...rest, preview, ...errorBody(error) }, { status: 400 })
    const saved = opts.saveProfile && result.ok ? { profileSaved: text(opts.saveProfile) } : {}
    return Response.json({ ...rest, preview, ...saved }, { status: result.ok ? 200 : 400 })
  },
})
