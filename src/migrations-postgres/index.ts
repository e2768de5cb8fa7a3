import * as migration_20261130_210207_initial from './20261130_210207_initial'
import * as migration_20261130_221350_merged_schema from './20261130_221350_merged_schema'
import * as migration_20261201_005756_change_feed_jobs_rate_limits from './20261201_005756_change_feed_jobs_rate_limits'
import * as migration_20261201_010000_search_index from './20261201_010000_search_index'
import * as migration_20261201_043952_publications_translations_special_import from './20261201_043952_publications_translations_special_import'
import * as migration_20261201_105015_workflow_newsletters_analytics_composer_profiles from './20261201_105015_workflow_newsletters_analytics_composer_profiles'
import * as migration_20261201_124435_scheduled_sends_translation_sends_kinds from './20261201_124435_scheduled_sends_translation_sends_kinds'
import * as migration_20261201_143150_rename_photo_tables from './20261201_143150_rename_photo_tables'
import * as migration_20261201_152539_search_log_schedule_lease from './20261201_152539_search_log_schedule_lease'

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
  {
    up: migration_20261201_010000_search_index.up,
    down: migration_20261201_010000_search_index.down,
    name: '20261201_010000_search_index',
  },
  {
    up: migration_20261201_043952_publications_translations_special_import.up,
    down: migration_20261201_043952_publications_translations_special_import.down,
    name: '20261201_043952_publications_translations_special_import',
  },
  {
    up: migration_20261201_105015_workflow_newsletters_analytics_composer_profiles.up,
    down: migration_20261201_105015_workflow_newsletters_analytics_composer_profiles.down,
    name: '20261201_105015_workflow_newsletters_analytics_composer_profiles',
  },
  {
    up: migration_20261201_124435_scheduled_sends_translation_sends_kinds.up,
    down: migration_20261201_124435_scheduled_sends_translation_sends_kinds.down,
    name: '20261201_124435_scheduled_sends_translation_sends_kinds',
  },
  {
    up: migration_20261201_143150_rename_photo_tables.up,
    down: migration_20261201_143150_rename_photo_tables.down,
    name: '20261201_143150_rename_photo_tables',
  },
  {
    up: migration_20261201_152539_search_log_schedule_lease.up,
    down: migration_20261201_152539_search_log_schedule_lease.down,
    name: '20261201_152539_search_log_schedule_lease',
  },
]
