import type { Feature } from '../feature'
import { composerPlugin } from './plugin'

/** The issue composer: POST /api/issues/:id/arrange and the Composer view of an issue in the admin. */
export const composerFeature: Feature = {
  name: 'composer',
  plugin: composerPlugin,
}
