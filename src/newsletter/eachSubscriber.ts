import type { Payload, Where } from 'payload'

import type { SubscribersSelect } from '../payload-types'
import { asSystem } from '../lib/system'

/**
 * Every subscriber (or those matching `where`), in id order a page at a time, with only the selected
 * fields: the one way whole-list work (CSV import/export, stats, freezing an audience) reads the list.
 */
export async function* eachSubscriber<S extends SubscribersSelect<true>>(payload: Payload, select: S, where?: Where) {
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection: 'subscribers',
      where,
      sort: 'id',
      limit: 2000,
      page,
      depth: 0,
      ...asSystem('newsletter'),
      select,
    })
    yield* res.docs
    if (!res.hasNextPage) return
  }
}
