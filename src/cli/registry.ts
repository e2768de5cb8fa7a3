import type { Command } from 'commander'

import { features } from '../features'

/** Commands added by the features; each feature's manifest names its own. */
export async function registerFeatureCommands(program: Command): Promise<void> {
  for (const feature of features) await feature.commands?.(program)
}
