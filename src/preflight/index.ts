import type { Feature } from '../feature'
import { withPreflight } from './plugin'

/** Preflight: the checks of an issue before it is published or sent, and the publish gate. */
export const preflightFeature: Feature = {
  name: 'preflight',
  plugin: withPreflight,
}
