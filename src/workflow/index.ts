import type { Feature } from '../feature'
import { withWorkflow } from './config'

/** Assignments, statuses, review comments and notifications of items; the "My items" view. */
export const workflowFeature: Feature = {
  name: 'workflow',
  plugin: withWorkflow,
}
