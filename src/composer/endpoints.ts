import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'

import { endpoint, readBody } from '../lib/endpoint'
import { asSystem } from '../lib/system'
import { parseArrangement, planArrangement } from './arrange'
import { writePlacement } from './write'

/** Context flag of an arrangement's issue write: it changes order only, so it publishes nothing with the issue. */
export const ARRANGEMENT_ONLY = 'arrangementOnly'

/**
 * `POST /api/issues/:id/arrange` (editors): set the whole arrangement — the issue's sections in order,
 * each item's section and order, the highlights' order — in one transaction. Only items that move are
 * written. Anything refused or failing midway changes nothing.
 */
const arrange = endpoint({
  path: '/:id/arrange',
  method: 'post',
  role: 'editor',
  action: 'arrange issues',
  handler: async (req) => {
    const arrangement = parseArrangement(req, await readBody(req))
    // Its own request: the caller's If-Match (the issue's version) must not be checked against each item.
    const tx = {
      payload: req.payload,
      user: req.user,
      context: { [ARRANGEMENT_ONLY]: true },
    } as unknown as PayloadRequest
    await initTransaction(tx)
    try {
      const plan = await planArrangement(tx, req.routeParams?.id, arrangement)
      await tx.payload.update({
        collection: 'issues',
        id: plan.issue.id,
        data: { sections: plan.sections, ...(plan.highlights ? { highlights: plan.highlights } : {}) },
        draft: plan.issue._status !== 'published',
        depth: 0,
        req: tx,
        context: { [ARRANGEMENT_ONLY]: true },
        ...asSystem('operator'),
      })
      for (const w of plan.writes) await writePlacement(tx, w.id, w)
      await commitTransaction(tx)
      return Response.json({ message: 'Arrangement saved.', moved: plan.writes.length })
    } catch (err) {
      await killTransaction(tx)
      throw err
    }
  },
})

export const composerEndpoints: Endpoint[] = [arrange]
