import * as migration_20261130_210207_initial from './20261130_210207_initial'
import * as migration_20261130_221350_merged_schema from './20261130_221350_merged_schema'
import * as migration_20261201_005756_change_feed_jobs_rate_limits from './20261201_005756_change_feed_jobs_rate_limits'

export const migrations = [
  {
    up: migration_20261130_210207_initial.up,
    down: migration_20261130_210207_initial.down,
    name: '20261130_210207_initial',
  },
  {
    up: migration_20261130_221350_merged_schema.up,
    down: migration_20261130_221350_merged_schema.down,
    name: '20261130_221350_merged_schema',
  },
  {
    up: migration_20261201_005756_change_feed_jobs_rate_limits.up,
    down: migration_20261201_005756_change_feed_jobs_rate_limits.down,
    name: '20261201_005756_change_feed_jobs_rate_limits',
  },
]
