import type { Feature } from '../feature'
import { withReuse } from './config'

/** Reuse with provenance: POST /api/items/:id/reuse, related items and the "reused in" join. */
export const reuseFeature: Feature = {
  name: 'reuse',
  plugin: withReuse,
}
